//! The extension's end of the bridge: one link to the host per extension realm.
//!
//! A single global, like the SDK's `globalThis.__StripeExtExports.endpoint`: the API client
//! and views find the host through it without threading a handle through every component.

use super::Mount;
use crate::api::cache::ResponseCache;
use crate::api::{ApiError, ApiRequest, ApiResponse};
use crate::bridge::port::Port;
use crate::bridge::{ToExtension, ToHost};
use crate::context::ObjectContext;
use futures_channel::oneshot;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use web_sys::MessagePort;

/// A connected host: sends requests, routes responses to their callers.
pub struct HostLink {
    port: Port,
    routes: Rc<RefCell<Routes>>,
    next_id: Cell<u32>,
}

/// Where each API response goes.
#[derive(Default)]
struct Routes {
    /// Callers waiting for the response with this id.
    waiting: HashMap<u32, oneshot::Sender<ApiResponse>>,
    /// Requests the bootstrap sent before the extension ran (`bridge::prefetch`), by id (from
    /// `prefetch::FIRST_ID` up, clear of ours, which count from 1), until a view asks the
    /// identical request.
    prefetched: Vec<(u32, ApiRequest)>,
    /// Responses to those that came before a view asked.
    arrived: HashMap<u32, ApiResponse>,
    /// Recent successful reads, for switching back to a view (`api::cache`).
    cache: ResponseCache,
}

impl Routes {
    fn deliver(&mut self, id: u32, response: ApiResponse) {
        if let Some(tx) = self.waiting.remove(&id) {
            let _ = tx.send(response);
        } else if self.prefetched.iter().any(|(p, _)| *p == id) {
            self.arrived.insert(id, response);
        }
    }

    /// The id of the prefetched request identical to `request`, taken so that only this
    /// caller reads its answer.
    fn take_prefetched(&mut self, request: &ApiRequest) -> Option<u32> {
        let i = self.prefetched.iter().position(|(_, r)| r == request)?;
        Some(self.prefetched.remove(i).0)
    }

    /// Sends the response with `id` to `tx`: at once if it has come (a prefetch's), else when
    /// it comes.
    fn expect(&mut self, id: u32, tx: oneshot::Sender<ApiResponse>) {
        match self.arrived.remove(&id) {
            Some(response) => {
                let _ = tx.send(response);
            }
            None => {
                self.waiting.insert(id, tx);
            }
        }
    }

    /// Forgets prefetched requests no view asked for: a later identical request must go to
    /// the host, not read an old answer.
    fn expire_prefetch(&mut self) {
        self.prefetched.clear();
        self.arrived.clear();
    }
}

/// How long a prefetched response waits for its view before it is dropped.
const PREFETCH_TTL_MS: u64 = 10_000;

thread_local! {
    static LINK: RefCell<Option<Rc<HostLink>>> = const { RefCell::new(None) };
}

impl HostLink {
    /// Connects over `port`: `init` messages set `mount`; API responses resolve callers.
    /// Replaces any previous link (a host may reconnect).
    pub fn install(port: MessagePort, mount: RwSignal<Option<Mount>>) {
        Self::adopt(port, mount, Vec::new(), Vec::new());
    }

    /// Connects over a `port` the bootstrap script already holds: replays the messages it
    /// `queued` (in order), and routes the responses to the requests it `prefetched` (with
    /// their ids) to the first view that asks the same request.
    pub fn adopt(
        port: MessagePort,
        mount: RwSignal<Option<Mount>>,
        queued: Vec<String>,
        prefetched: Vec<(u32, ApiRequest)>,
    ) {
        let routes = Rc::new(RefCell::new(Routes { prefetched, ..Routes::default() }));
        let handler: Rc<dyn Fn(ToExtension)> = Rc::new({
            let routes = routes.clone();
            move |msg| match msg {
                ToExtension::Init { component, context } => {
                    routes.borrow_mut().cache.set_scope(context.cache_scope());
                    mount.set(Some(Mount { component, context: *context }))
                }
                ToExtension::ApiResponse { id, response } => {
                    routes.borrow_mut().deliver(id, response)
                }
                ToExtension::Connect => {}
            }
        });
        let port = Port::listen::<ToExtension>(port, {
            let handler = handler.clone();
            move |msg| handler(msg)
        });
        let link = Rc::new(HostLink { port, routes: routes.clone(), next_id: Cell::new(1) });
        LINK.with(|l| *l.borrow_mut() = Some(link));
        for text in queued {
            if let Ok(Some(msg)) = crate::bridge::protocol::decode::<ToExtension>(&text) {
                handler(msg);
            }
        }
        if !routes.borrow().prefetched.is_empty() {
            set_timeout(
                move || routes.borrow_mut().expire_prefetch(),
                std::time::Duration::from_millis(PREFETCH_TTL_MS),
            );
        }
    }

    /// The current link, if the host has connected.
    pub fn current() -> Option<Rc<HostLink>> {
        LINK.with(|l| l.borrow().clone())
    }

    /// Asks the host to perform `request`; resolves with its response. A read answered
    /// recently comes from the cache (`api::cache`) unless `fresh`; the first request
    /// identical to one the bootstrap prefetched takes that response instead of a new call.
    pub async fn fetch(&self, request: ApiRequest, fresh: bool) -> Result<ApiResponse, ApiError> {
        let (tx, rx) = oneshot::channel();
        {
            let mut routes = self.routes.borrow_mut();
            if !fresh {
                if let Some(response) = routes.cache.get(&request, js_sys::Date::now()) {
                    return Ok(response);
                }
            }
            routes.cache.sending(&request);
            match routes.take_prefetched(&request) {
                Some(id) => routes.expect(id, tx),
                None => {
                    let id = self.next_id.get();
                    self.next_id.set(id.wrapping_add(1));
                    routes.expect(id, tx);
                    self.port.send(&ToHost::ApiRequest { id, request: request.clone() });
                }
            }
        }
        let response = rx.await.map_err(|_| {
            ApiError::Network("the host closed the connection before answering".into())
        })?;
        let mut routes = self.routes.borrow_mut();
        if fresh {
            routes.cache.clear();
        }
        routes.cache.answered(&request, &response, js_sys::Date::now());
        Ok(response)
    }

    /// Asks the host to open another Dashboard page.
    pub fn navigate(&self, viewport: &str, object_context: Option<ObjectContext>) {
        self.port.send(&ToHost::Navigate { viewport: viewport.into(), object_context });
    }

    /// Tells the host the view changed objects, so the Dashboard reloads the data around it
    /// (the SDK's `useRefreshDashboardData`).
    pub fn refresh_dashboard_data(&self) {
        self.routes.borrow_mut().cache.clear();
        self.port.send(&ToHost::RefreshDashboardData);
    }
}
