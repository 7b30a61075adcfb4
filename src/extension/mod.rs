//! The extension: connects to the host, receives the context and mounts the view that the
//! manifest registers for the viewport.

pub mod fetch;
pub mod link;

use crate::bridge::{protocol, ToExtension, ToHost};
use crate::context::ExtensionContext;
use crate::registry;
use crate::ui::{Banner, Spinner};
use leptos::prelude::*;
use link::HostLink;
use wasm_bindgen::prelude::*;
use web_sys::MessageEvent;

/// Mounts the extension into the document body.
pub fn start() {
    leptos::mount::mount_to_body(ExtensionRoot);
}

/// What the host asked the extension to show.
#[derive(Clone, Debug, PartialEq)]
pub struct Mount {
    /// The manifest's component name for the viewport.
    pub component: String,
    pub context: ExtensionContext,
}

/// Where the handshake with the host stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Handshake {
    Waiting,
    NoHost,
}

/// The extension's root: the handshake, then the router.
#[component]
pub fn ExtensionRoot() -> impl IntoView {
    let mount = RwSignal::new(None::<Mount>);
    let handshake = RwSignal::new(Handshake::Waiting);
    connect_to_parent(mount);
    set_timeout(
        move || {
            if mount.with_untracked(Option::is_none) {
                handshake.set(Handshake::NoHost);
            }
        },
        std::time::Duration::from_millis(crate::config::HOST_HANDSHAKE_TIMEOUT_MS as u64),
    );
    let routed = move || match (mount.get(), handshake.get()) {
        (Some(mount), _) => view! { <ViewRouter mount /> }.into_any(),
        (None, Handshake::Waiting) => {
            view! { <Spinner label="Connecting to the Dashboard…" /> }.into_any()
        }
        (None, Handshake::NoHost) => view! {
            <Banner tone="critical" title="No Dashboard host answered">
                "This extension runs inside the Stripe Dashboard drawer. Open it there, or in the \
                 local preview: run scripts/preview.sh and open http://127.0.0.1:8080/."
            </Banner>
        }
        .into_any(),
    };
    // One toast region for every view (Stripe's `showToast`), above the router so a toast
    // outlives the view that raised it.
    view! { <crate::ui::Toaster>{routed}</crate::ui::Toaster> }
}

/// Mounts the registered component the host asked for, with the context provided to it; an
/// unknown component gets an explanation, not a blank drawer.
#[component]
pub fn ViewRouter(mount: Mount) -> impl IntoView {
    let Mount { component, context } = mount;
    let viewport = context.environment.viewport_id.clone();
    provide_context(context);
    registry::render(&component).unwrap_or_else(|| {
        view! {
            <Banner tone="critical" title="This view is not in the bundle">
                {format!(
                    "The Dashboard asked for component `{component}` (viewport `{viewport}`), \
                     which this bundle does not register. Add it with `stripe-app add view` or \
                     list it in views/registry.rs."
                )}
            </Banner>
        }
        .into_any()
    })
}

/// Waits `ms` milliseconds (a browser timer), e.g. between retries.
pub async fn sleep_ms(ms: u64) {
    let (done, wait) = futures_channel::oneshot::channel::<()>();
    set_timeout(
        move || {
            let _ = done.send(());
        },
        std::time::Duration::from_millis(ms),
    );
    let _ = wait.await;
}

/// A fresh `Idempotency-Key` for a new user action (128 random bits, hex).
pub fn new_idempotency_key() -> String {
    let part = || (js_sys::Math::random() * 4_294_967_296.0) as u32;
    format!("{:08x}{:08x}{:08x}{:08x}", part(), part(), part(), part())
}

/// The context of the view being rendered (provided by [`ViewRouter`]).
pub fn use_extension_context() -> ExtensionContext {
    expect_context::<ExtensionContext>()
}

/// Posts `ready` to the parent window and installs the host link when the parent answers
/// `connect` with a port. Only the parent window is listened to.
///
/// When extension.html's bootstrap script already said `ready` (see `bridge::prefetch`), the
/// extension takes over what it holds: the port, the messages that came over it, and the
/// requests it sent early.
fn connect_to_parent(mount: RwSignal<Option<Mount>>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return; // opened on its own: no host; the handshake times out with a clear message
    }
    let booted = adopt_bootstrap(&window, mount);
    let parent_for_check = JsValue::from(parent.clone());
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        // Identity (===), not `dyn_into::<Window>()`: the parent is a cross-origin
        // WindowProxy from another realm, which fails an `instanceof Window` check.
        let from_parent = ev.source().is_some_and(|s| JsValue::from(s) == parent_for_check);
        let Some(text) = ev.data().as_string() else {
            return;
        };
        if !from_parent {
            return;
        }
        if let Ok(Some(ToExtension::Connect)) = protocol::decode::<ToExtension>(&text) {
            if let Ok(port) = ev.ports().get(0).dyn_into::<web_sys::MessagePort>() {
                HostLink::install(port, mount);
            }
        }
    });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget(); // lives as long as the extension realm
    if !booted {
        // The frame has a null origin and doesn't know the host's, hence "*": the message
        // carries nothing secret, and the port the host answers with is private to the two.
        let _ = parent.post_message(&JsValue::from_str(&protocol::encode(&ToHost::Ready)), "*");
    }
}

/// Takes over from the bootstrap script (`window.__stripeAppBoot`), if the document has one:
/// marks it started (so it leaves any later `connect` to us) and adopts its port, if the host
/// has answered already. Returns whether the bootstrap had said `ready`.
fn adopt_bootstrap(window: &web_sys::Window, mount: RwSignal<Option<Mount>>) -> bool {
    use js_sys::Reflect;
    let Ok(boot) = Reflect::get(window, &JsValue::from_str("__stripeAppBoot")) else {
        return false;
    };
    if !boot.is_object() {
        return false;
    }
    let field = |name: &str| Reflect::get(&boot, &JsValue::from_str(name)).unwrap_or_default();
    let _ = Reflect::set(&boot, &JsValue::from_str("started"), &JsValue::TRUE);
    let Ok(port) = field("port").dyn_into::<web_sys::MessagePort>() else {
        return true; // `connect` has not come yet: our listener will take it
    };
    let _ = Reflect::set(&boot, &JsValue::from_str("port"), &JsValue::NULL);
    let json = |name: &str| {
        js_sys::JSON::stringify(&field(name)).ok().and_then(|s| s.as_string()).unwrap_or_default()
    };
    let queued: Vec<String> = serde_json::from_str(&json("queue")).unwrap_or_default();
    let sent: Vec<(u32, crate::api::ApiRequest)> = serde_json::from_str(&json("sent"))
        .unwrap_or_else(|e| {
            web_sys::console::error_1(&format!("bridge: unreadable prefetch list: {e}").into());
            Vec::new()
        });
    HostLink::adopt(port, mount, queued, sent);
    true
}
