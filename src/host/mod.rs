//! The preview host: a Dashboard-like page whose right-hand drawer loads the production
//! extension bundle in a sandboxed, null-origin iframe and answers its bridge messages.

mod drawer;
mod redirects;
mod toolbar;

mod forward;

use crate::api::pagination::ListParams;
use crate::api::types::{Customer, List};
use crate::api::{customers, error::decode, ApiRequest, ApiResponse};
use crate::context::Mode;
use crate::manifest::{self, Manifest};
use crate::preview::{Backend, BackendChoice, PreviewState, ACCOUNT_NAME};
use leptos::prelude::*;
use std::sync::{Arc, Mutex};

/// The manifest the preview runs, read at build time so the host matches the bundle.
const MANIFEST_JSON: &str = include_str!("../../stripe-app.json");

/// Mounts the preview host into the document body.
pub fn start() {
    leptos::mount::mount_to_body(PreviewHost);
}

/// The host page, or the manifest's problems if it is invalid.
#[component]
pub fn PreviewHost() -> impl IntoView {
    match manifest::parse(MANIFEST_JSON) {
        Ok(m) => view! { <Dashboard manifest=m /> }.into_any(),
        Err(problems) => view! {
            <main class="manifest-errors" role="alert">
                <h1>"stripe-app.json has problems"</h1>
                <p>"Fix these and save; the preview reloads. (`stripe-app validate` prints the same.)"</p>
                <ul>{problems.into_iter().map(|d| view! { <li><code>{d.to_string()}</code></li> }).collect_view()}</ul>
            </main>
        }
        .into_any(),
    }
}

/// State shared by the host's parts.
#[derive(Clone)]
pub struct HostState {
    pub manifest: Arc<Manifest>,
    pub state: RwSignal<PreviewState>,
    pub backend: Arc<Mutex<Backend>>,
    /// Bumped after every API call the host answers, so host panels showing backend data
    /// (the customer picker, Amazon Pay redirects) re-read it.
    pub epoch: RwSignal<u64>,
}

impl HostState {
    /// The backend (single-threaded wasm: the lock is never contended).
    pub fn backend(&self) -> std::sync::MutexGuard<'_, Backend> {
        self.backend.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Answers one API call with the signed-in user's rights, from the backend the preview
    /// uses: the demo account at once, or the preview server's forwarding proxy.
    pub async fn call(&self, request: ApiRequest) -> ApiResponse {
        let (mode, roles, backend) = self.state.with_untracked(|s| (s.mode, s.roles(), s.backend));
        let response = match backend {
            BackendChoice::Demo => self.backend().answer(mode, &roles, &request),
            BackendChoice::Forward => {
                match crate::preview::forward::prepare(mode, &roles, &request) {
                    Ok(out) => forward::send(out).await,
                    Err(refused) => refused,
                }
            }
        };
        if request.method != crate::api::Method::Get {
            self.epoch.update(|e| *e += 1);
        }
        response
    }

    /// Customers the picker offers for the detail viewport, through the same API path the
    /// extension uses (so the picker shows what the backend really has).
    pub async fn customers(&self) -> Vec<Customer> {
        let request = customers::list(&ListParams { limit: Some(100), ..Default::default() });
        let response = self.call(request).await;
        decode::<List<Customer>>(&response.body).map(|l| l.data).unwrap_or_default()
    }
}

#[component]
fn Dashboard(manifest: Manifest) -> impl IntoView {
    let query = window().location().search().unwrap_or_default();
    let state = RwSignal::new(PreviewState::from_query(&query, &manifest));
    let host = HostState {
        manifest: Arc::new(manifest),
        state,
        backend: Arc::new(Mutex::new(Backend::default())),
        epoch: RwSignal::new(0),
    };
    // A detail page always shows some customer: default to the newest one.
    if state.with_untracked(|s| s.object_id.is_none()) {
        let host = host.clone();
        leptos::task::spawn_local(async move {
            let first = host.customers().await.first().map(|c| c.id.clone());
            if first.is_some() {
                state.update(|s| s.object_id = first);
            }
        });
    }
    // Keep the address bar a deep link to what is shown.
    Effect::new(move |_| {
        let q = state.with(PreviewState::to_query);
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("?{q}")),
            );
        }
    });
    let title = {
        let manifest = host.manifest.clone();
        move || page_title(&state.get(), &manifest)
    };
    let live = move || state.with(|s| s.mode == Mode::Live);
    view! {
        <div class="dash" class:live=live>
            <nav class="dash-nav" aria-label="Dashboard">
                <div class="dash-account">{ACCOUNT_NAME}</div>
                <ul>
                    <li>"Home"</li>
                    <li>"Balances"</li>
                    <li>"Payments"</li>
                    <li class="active">"Customers"</li>
                    <li>"Products"</li>
                    <li>"Billing"</li>
                    <li>"Settings"</li>
                </ul>
            </nav>
            <div class="dash-main">
                <div class="mode-strip" class:live-strip=live>
                    {move || if live() { "LIVE MODE: real data. Changes affect real customers." } else { "Test mode" }}
                </div>
                <toolbar::Toolbar host=host.clone() />
                <main class="dash-page">
                    <h1>{title}</h1>
                    <p class="secondary">
                        "This page stands in for the Stripe Dashboard. The drawer on the right runs the \
                         app's production extension bundle in a sandboxed iframe, as the Dashboard does."
                    </p>
                    <redirects::AmazonPayRedirects host=host.clone() />
                </main>
            </div>
            <drawer::Drawer host />
        </div>
    }
}

/// The Dashboard page behind the drawer, named like Stripe's.
fn page_title(state: &PreviewState, manifest: &Manifest) -> String {
    match manifest::canonical_viewport(&state.viewport) {
        "stripe.dashboard.customer.list" => "Customers".into(),
        "stripe.dashboard.customer.detail" => {
            format!("Customer {}", state.object_id.as_deref().unwrap_or(""))
        }
        "settings" => format!("Settings › Apps › {}", manifest.name),
        other => other.to_string(),
    }
}
