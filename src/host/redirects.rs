//! The customer's side of an Amazon Pay setup, which the Dashboard never shows: in Stripe the
//! customer follows the redirect URL and authorizes at Amazon Pay. The preview lists the demo
//! account's setups waiting at that step and lets the developer approve or decline as the
//! customer, so the extension's flow can be followed to a usable payment method.

use super::HostState;
use crate::preview::BackendChoice;
use leptos::prelude::*;

#[component]
pub fn AmazonPayRedirects(host: HostState) -> impl IntoView {
    let (state, epoch) = (host.state, host.epoch);
    let error = RwSignal::new(None::<String>);
    let waiting = {
        let host = host.clone();
        move || {
            epoch.track();
            let (mode, backend) = state.with(|s| (s.mode, s.backend));
            if backend != BackendChoice::Demo {
                return Vec::new();
            }
            host.backend().awaiting_authorization(mode)
        }
    };
    let answer = move |id: String, approve: bool| {
        let mode = state.with_untracked(|s| s.mode);
        let result = host.backend().authorize(mode, &id, approve);
        error.set(result.err());
        epoch.update(|e| *e += 1);
    };
    view! {
        <Show when={
            let waiting = waiting.clone();
            move || !waiting().is_empty()
        }>
            <section class="redirects" aria-label="Amazon Pay authorizations waiting for the customer">
                <h2>"Waiting for the customer (demo)"</h2>
                <p class="secondary">
                    "In Stripe, the customer opens this link and authorizes at Amazon Pay. \
                     Here you answer for them."
                </p>
                <ul>
                    {
                        let (waiting, answer) = (waiting.clone(), answer.clone());
                        move || waiting().into_iter().map(|w| {
                            let (yes, no) = (w.setup_intent.clone(), w.setup_intent.clone());
                            let (answer_yes, answer_no) = (answer.clone(), answer.clone());
                            let who = w.customer.clone().unwrap_or_else(|| "no customer".into());
                            view! {
                                <li class="redirect" data-setup-intent=w.setup_intent.clone()>
                                    <div>
                                        <strong>{format!("Amazon Pay setup {} for {who}", w.setup_intent)}</strong>
                                        <div class="secondary"><code>{w.url.clone()}</code></div>
                                    </div>
                                    <button type="button" class="primary" on:click=move |_| answer_yes(yes.clone(), true)>
                                        "Authorize as the customer"
                                    </button>
                                    <button type="button" on:click=move |_| answer_no(no.clone(), false)>
                                        "Decline"
                                    </button>
                                </li>
                            }
                        }).collect_view()
                    }
                </ul>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </section>
        </Show>
    }
}
