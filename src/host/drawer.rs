//! The drawer: the extension's sandboxed iframe and the host's end of the bridge.

use super::HostState;
use crate::bridge::port::Port;
use crate::bridge::{protocol, ToExtension, ToHost};
use crate::preview::PreviewState;
use leptos::html::Iframe;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{MessageChannel, MessageEvent};

/// Where the production extension bundle is served (built by scripts/build-extension.sh).
const EXTENSION_URL: &str = "extension/index.html";

#[component]
pub fn Drawer(host: HostState) -> impl IntoView {
    let frame = NodeRef::<Iframe>::new();
    let port: Rc<RefCell<Option<Port>>> = Rc::default();
    listen_for_ready(frame, port.clone(), host.clone());
    // Every change of viewport, object, user or mode re-mounts the view with a new context.
    Effect::new({
        let (host, port) = (host.clone(), port.clone());
        move |_| {
            host.state.track();
            send_init(&host, &port);
        }
    });
    let name = host.manifest.name.clone();
    view! {
        <aside class="drawer" aria-label=format!("{name} app drawer")>
            <header class="drawer-header">
                <img src="assets/icon.png" alt="" width="24" height="24" />
                <span class="drawer-title">{name.clone()}</span>
                <span class="drawer-version">{format!("v{}", host.manifest.version)}</span>
            </header>
            <iframe
                node_ref=frame
                id="extension-frame"
                title=format!("{name} extension")
                sandbox="allow-scripts"
                src=EXTENSION_URL
            ></iframe>
        </aside>
    }
}

/// Sends the current `init` (component + context) over the port, if connected.
fn send_init(host: &HostState, port: &Rc<RefCell<Option<Port>>>) {
    let state: PreviewState = host.state.get_untracked();
    let Some(component) = state.component(&host.manifest) else {
        return;
    };
    let init = ToExtension::Init {
        component: component.to_string(),
        context: Box::new(state.context(&host.manifest)),
    };
    if let Some(p) = port.borrow().as_ref() {
        p.send(&init);
    }
}

/// Answers the frame's `ready` with a private port (a new one each time the frame loads).
fn listen_for_ready(frame: NodeRef<Iframe>, port: Rc<RefCell<Option<Port>>>, host: HostState) {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let Some(frame_window) = frame.get_untracked().and_then(|f| f.content_window()) else {
            return;
        };
        // Identity (===): the frame's window is cross-origin (null origin), so an
        // `instanceof Window` check (`dyn_into`) would fail.
        let from_frame =
            ev.source().is_some_and(|s| JsValue::from(s) == JsValue::from(&frame_window));
        let Some(text) = ev.data().as_string() else {
            return;
        };
        if !from_frame || !matches!(protocol::decode::<ToHost>(&text), Ok(Some(ToHost::Ready))) {
            return;
        }
        let Ok(channel) = MessageChannel::new() else {
            return;
        };
        let reply_port = port.clone();
        let handler_host = host.clone();
        let ours = Port::listen::<ToHost>(channel.port1(), move |msg| {
            handle(&handler_host, &reply_port, msg);
        });
        *port.borrow_mut() = Some(ours);
        let transfer = js_sys::Array::of1(&channel.port2());
        let connect = JsValue::from_str(&protocol::encode(&ToExtension::Connect));
        // The frame's origin is opaque ("null"), so "*" is the only target that reaches it;
        // the port goes to this exact window object, checked above.
        if frame_window.post_message_with_transfer(&connect, "*", &transfer).is_ok() {
            send_init(&host, &port);
        }
    });
    let _ =
        window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget(); // the host page lives as long as the document
}

/// Handles one message from the extension.
fn handle(host: &HostState, port: &Rc<RefCell<Option<Port>>>, msg: ToHost) {
    match msg {
        ToHost::ApiRequest { id, request } => {
            let (host, port) = (host.clone(), port.clone());
            leptos::task::spawn_local(async move {
                let response = host.call(request).await;
                if let Some(p) = port.borrow().as_ref() {
                    p.send(&ToExtension::ApiResponse { id, response });
                }
            });
        }
        ToHost::Navigate { viewport, object_context } => host.state.update(|s| {
            s.viewport = viewport;
            s.object_id = object_context.map(|o| o.id);
        }),
        // The host's panels showing backend data re-read on the epoch.
        ToHost::RefreshDashboardData => host.epoch.update(|e| *e += 1),
        ToHost::Ready => {}
    }
}
