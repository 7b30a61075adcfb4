//! The extension's end of the bridge: one link to the host per extension realm.
//!
//! A single global, like the SDK's `globalThis.__StripeExtExports.endpoint`: the API client
//! and views find the host through it without threading a handle through every component.

use super::Mount;
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
    pending: Rc<RefCell<HashMap<u32, oneshot::Sender<ApiResponse>>>>,
    next_id: Cell<u32>,
}

thread_local! {
    static LINK: RefCell<Option<Rc<HostLink>>> = const { RefCell::new(None) };
}

impl HostLink {
    /// Connects over `port`: `init` messages set `mount`; API responses resolve callers.
    /// Replaces any previous link (a host may reconnect).
    pub fn install(port: MessagePort, mount: RwSignal<Option<Mount>>) {
        let pending: Rc<RefCell<HashMap<u32, oneshot::Sender<ApiResponse>>>> = Rc::default();
        let routes = pending.clone();
        let port = Port::listen::<ToExtension>(port, move |msg| match msg {
            ToExtension::Init { component, context } => {
                mount.set(Some(Mount { component, context: *context }))
            }
            ToExtension::ApiResponse { id, response } => {
                if let Some(tx) = routes.borrow_mut().remove(&id) {
                    let _ = tx.send(response);
                }
            }
            ToExtension::Connect => {}
        });
        let link = Rc::new(HostLink { port, pending, next_id: Cell::new(1) });
        LINK.with(|l| *l.borrow_mut() = Some(link));
    }

    /// The current link, if the host has connected.
    pub fn current() -> Option<Rc<HostLink>> {
        LINK.with(|l| l.borrow().clone())
    }

    /// Asks the host to perform `request`; resolves with its response.
    pub async fn fetch(&self, request: ApiRequest) -> Result<ApiResponse, ApiError> {
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1));
        let (tx, rx) = oneshot::channel();
        self.pending.borrow_mut().insert(id, tx);
        self.port.send(&ToHost::ApiRequest { id, request });
        rx.await.map_err(|_| {
            ApiError::Network("the host closed the connection before answering".into())
        })
    }

    /// Asks the host to open another Dashboard page.
    pub fn navigate(&self, viewport: &str, object_context: Option<ObjectContext>) {
        self.port.send(&ToHost::Navigate { viewport: viewport.into(), object_context });
    }

    /// Tells the host the view changed objects, so the Dashboard reloads the data around it
    /// (the SDK's `useRefreshDashboardData`).
    pub fn refresh_dashboard_data(&self) {
        self.port.send(&ToHost::RefreshDashboardData);
    }
}
