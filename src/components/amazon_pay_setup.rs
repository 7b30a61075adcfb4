//! Set up Amazon Pay for the customer's future payments, in a focus view: explains, creates the
//! confirmed SetupIntent with the customer's mandate acceptance, shows the link the customer
//! must follow, then follows the intent until they authorize or decline.

use super::detail_section::{user_agent, DetailRefresh, Toasts};
use crate::api::client::Client;
use crate::api::idempotency::ActionKey;
use crate::api::setup_intents::{self, SetupIntentCreate};
use crate::api::types::SetupIntent;
use crate::extension::{new_idempotency_key, sleep_ms};
use crate::forms::detail_actions::{
    amazon_pay_return_url, parse_mandate_ip, setup_status_label, SetupProgress, POLL_EVERY_MS,
};
use crate::ui::{Banner, Button, FocusView, Link, TextField, ToastKind};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

#[component]
pub fn AmazonPaySetup(
    /// `cus_…`
    customer: String,
    client: Client,
    on_close: Callback<()>,
) -> impl IntoView {
    let ip = RwSignal::new(String::new());
    let ip_error = RwSignal::new(None::<String>);
    let intent = RwSignal::new(None::<SetupIntent>);
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let key = StoredValue::new(ActionKey::default());
    let (refresh, toasts) = (DetailRefresh::get(), Toasts::get());
    // Polling stops when the focus view goes away.
    let alive = Arc::new(AtomicBool::new(true));
    on_cleanup({
        let alive = alive.clone();
        move || alive.store(false, Ordering::Relaxed)
    });
    let follow = move |client: Client, id: String, alive: Arc<AtomicBool>| {
        spawn_local(async move {
            loop {
                sleep_ms(POLL_EVERY_MS).await;
                if !alive.load(Ordering::Relaxed) {
                    return;
                }
                // A failed read (a dropped connection) is tried again at the next tick.
                let Ok(si) = client.send::<SetupIntent>(setup_intents::retrieve(&id)).await else {
                    continue;
                };
                let progress = SetupProgress::of(&si);
                if !alive.load(Ordering::Relaxed) || intent.try_set(Some(si)).is_some() {
                    return;
                }
                match progress {
                    SetupProgress::Waiting => continue,
                    SetupProgress::Succeeded => {
                        toasts.show("Amazon Pay saved for future payments", ToastKind::Success);
                        refresh.after_write();
                    }
                    SetupProgress::Failed(_) => {
                        toasts.show("Amazon Pay was not set up", ToastKind::Caution);
                    }
                }
                return;
            }
        });
    };
    let create = Callback::new({
        let (customer, client) = (customer.clone(), client.clone());
        move |()| {
            if pending.get_untracked() {
                return; // a double click: the first press is under way
            }
            let address = match parse_mandate_ip(&ip.get_untracked()) {
                Ok(a) => a,
                Err(why) => return ip_error.set(Some(why)),
            };
            ip_error.set(None);
            let params = SetupIntentCreate::amazon_pay(
                customer.clone(),
                amazon_pay_return_url(&customer),
                address,
                user_agent(),
            );
            let request_key = key
                .try_update_value(|k| k.key_for(&params.to_pairs(), new_idempotency_key))
                .unwrap_or_else(new_idempotency_key);
            let (client, alive) = (client.clone(), alive.clone());
            pending.set(true);
            failure.set(None);
            spawn_local(async move {
                let answer =
                    client.send::<SetupIntent>(setup_intents::create(&params, &request_key));
                let answer = answer.await;
                pending.try_set(false);
                match answer {
                    Ok(si) => {
                        key.try_update_value(ActionKey::done);
                        let (id, waits) = (si.id.clone(), SetupProgress::of(&si).keeps_polling());
                        intent.try_set(Some(si));
                        if waits {
                            follow(client.fresh(), id, alive);
                        }
                    }
                    Err(e) => {
                        failure.try_set(Some(e.to_string()));
                    }
                }
            });
        }
    });
    view! {
        <FocusView
            title="Set up Amazon Pay"
            on_close
            footer=Box::new(move || view! {
                <Button on_press=on_close>{move || if intent.with(Option::is_some) { "Done" } else { "Cancel" }}</Button>
                <Show when=move || intent.with(Option::is_none)>
                    <Button kind="primary" disabled=pending on_press=create>
                        {move || if pending.get() { "Creating…" } else { "Create authorization link" }}
                    </Button>
                </Show>
            }.into_any())
        >
            {move || match intent.get() {
                None => view! {
                    <p>
                        "Saves Amazon Pay for this customer's future off-session payments (e.g. \
                         subscription renewals). Stripe creates a link; the customer opens it, \
                         signs in to Amazon Pay and authorizes. Until they do, nothing can be charged."
                    </p>
                    {move || failure.get().map(|why| view! {
                        <Banner tone="critical" title="Couldn't create the setup. Try again.">{why}</Banner>
                    })}
                    <TextField
                        label="Customer's IP address when they accepted"
                        value=ip
                        on_input=Callback::new(move |v| ip.set(v))
                        error=ip_error
                    />
                    <p class="field-description">
                        "Stripe records the mandate as accepted online from this address (with this \
                         browser's user agent). Take it from your checkout records; a browser can't tell it."
                    </p>
                }
                .into_any(),
                Some(si) => view! { <SetupStatus si /> }.into_any(),
            }}
        </FocusView>
    }
}

/// The intent's status, the link while the customer must act, and the outcome.
#[component]
fn SetupStatus(si: SetupIntent) -> impl IntoView {
    let progress = SetupProgress::of(&si);
    let url = si.redirect_url().map(String::from);
    view! {
        <div class="setup-status" data-id=si.id.clone() data-status=si.status.as_str()>
            <p>"Status: " <strong>{setup_status_label(si.status)}</strong></p>
            {url.filter(|_| progress.keeps_polling()).map(|url| view! {
                <p>"Send the customer this link to authorize Amazon Pay:"</p>
                <p><Link href=url.clone() external=true>"Open the Amazon Pay authorization"</Link></p>
                <pre class="copyable"><code>{url}</code></pre>
                <p class="secondary">"This page updates when the customer answers."</p>
            })}
            {match progress {
                SetupProgress::Succeeded => Some(view! {
                    <Banner tone="default" title="Amazon Pay is set up">
                        "The new payment method is listed under Payment methods."
                    </Banner>
                }.into_any()),
                SetupProgress::Failed(why) => Some(view! {
                    <Banner tone="critical" title="Amazon Pay was not set up">{why}</Banner>
                }.into_any()),
                SetupProgress::Waiting => None,
            }}
        </div>
    }
}
