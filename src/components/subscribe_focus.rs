//! Subscribe the customer to a price, in a focus view: a recurring price and one of the
//! customer's saved payment methods, charged off-session; then the result and first invoice.

use super::detail_section::{DetailRefresh, Toasts};
use super::payment_methods_section::load_payment_methods;
use crate::api::client::Client;
use crate::api::idempotency::ActionKey;
use crate::api::prices::{self, PriceListParams};
use crate::api::subscriptions::{self, SubscriptionCreate};
use crate::api::types::{List, Price, Subscription};
use crate::extension::new_idempotency_key;
use crate::format::format_amount;
use crate::forms::billing_labels::{invoice_badge, subscription_badge};
use crate::forms::detail_actions::{payment_method_choices, price_choices};
use crate::ui::{Badge, Banner, Button, ErrorState, FocusView, Select, Spinner, ToastKind};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The focus view; `on_close` when the user closes it.
#[component]
pub fn SubscribeFocus(
    /// `cus_…`
    customer: String,
    client: Client,
    on_close: Callback<()>,
) -> impl IntoView {
    let choices = LocalResource::new({
        let (client, customer) = (client.clone(), customer.clone());
        move || {
            let (client, customer) = (client.clone(), customer.clone());
            async move {
                let params = PriceListParams::active_recurring();
                let prices = client.send::<List<Price>>(prices::list(&params)).await?.data;
                let (methods, billing) = load_payment_methods(&client, &customer).await?;
                let default = billing.default_payment_method();
                let (pms, chosen) = payment_method_choices(&methods, default.as_deref());
                let prices = price_choices(&prices, billing.currency.as_deref());
                Ok::<_, crate::api::ApiError>((prices, pms, chosen))
            }
        }
    });
    let result = RwSignal::new(None::<Subscription>);
    view! {
        <FocusView
            title="Subscribe to a price"
            on_close
            footer=Box::new(move || view! {
                <Button on_press=on_close>{move || if result.with(Option::is_some) { "Done" } else { "Cancel" }}</Button>
            }.into_any())
        >
            {move || match result.get() {
                Some(sub) => view! { <Subscribed sub /> }.into_any(),
                None => {
                    let (client, customer) = (client.clone(), customer.clone());
                    view! {
                        <Transition fallback=|| view! { <Spinner label="Loading prices and payment methods…" /> }>
                            {move || {
                                let (client, customer) = (client.clone(), customer.clone());
                                Suspend::new(async move {
                                    match choices.await {
                                        Ok((prices, pms, chosen)) => view! {
                                            <SubscribeForm customer client prices pms chosen result />
                                        }
                                        .into_any(),
                                        Err(error) => view! {
                                            <ErrorState title="Couldn't load the choices" error on_retry=move || choices.refetch() />
                                        }
                                        .into_any(),
                                    }
                                })
                            }}
                        </Transition>
                    }
                    .into_any()
                }
            }}
        </FocusView>
    }
}

#[component]
fn SubscribeForm(
    customer: String,
    client: Client,
    prices: Vec<(String, String)>,
    pms: Vec<(String, String)>,
    chosen: Option<String>,
    result: RwSignal<Option<Subscription>>,
) -> impl IntoView {
    let price = RwSignal::new(prices.first().map(|(id, _)| id.clone()).unwrap_or_default());
    let pm = RwSignal::new(chosen.unwrap_or_default());
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let key = StoredValue::new(ActionKey::default());
    let (refresh, toasts) = (DetailRefresh::get(), Toasts::get());
    let missing = (prices.is_empty() || pms.is_empty()).then_some(match prices.is_empty() {
        true => {
            "There is no active recurring price in the customer's currency. Create one in Products."
        }
        false => {
            "The customer has no saved payment method. Set up Amazon Pay (or add a card) first."
        }
    });
    let subscribe = Callback::new(move |()| {
        if pending.get_untracked() {
            return; // a double click: the first press is under way
        }
        let params = SubscriptionCreate::new(customer.clone(), price.get_untracked())
            .default_payment_method(pm.get_untracked())
            .off_session(true);
        let request_key = key
            .try_update_value(|k| k.key_for(&params.to_pairs(), new_idempotency_key))
            .unwrap_or_else(new_idempotency_key);
        let client = client.clone();
        pending.set(true);
        failure.set(None);
        spawn_local(async move {
            let answer = client.send::<Subscription>(subscriptions::create(&params, &request_key));
            let answer = answer.await;
            pending.try_set(false);
            match answer {
                Ok(sub) => {
                    key.try_update_value(ActionKey::done);
                    toasts.show(
                        format!("Subscription created ({})", subscription_badge(sub.status).1),
                        ToastKind::Success,
                    );
                    result.try_set(Some(sub));
                    refresh.after_write();
                }
                Err(e) => {
                    failure.try_set(Some(e.to_string()));
                }
            }
        });
    });
    let blocked = missing.is_some();
    view! {
        {missing.map(|why| view! { <Banner tone="caution" title="Can't subscribe yet">{why}</Banner> })}
        {move || failure.get().map(|why| view! {
            <Banner tone="critical" title="Couldn't subscribe. Your choices are kept.">{why}</Banner>
        })}
        <Select label="Price" options=prices value=price on_change=Callback::new(move |v| price.set(v))
            description="Active recurring prices" />
        <Select label="Payment method" options=pms value=pm on_change=Callback::new(move |v| pm.set(v))
            description="Charged off-session for every invoice; the customer's default is preselected." />
        <Button kind="primary" disabled=Signal::derive(move || blocked || pending.get()) on_press=subscribe>
            {move || if pending.get() { "Subscribing…" } else { "Subscribe" }}
        </Button>
    }
}

/// The new subscription's status and its first invoice.
#[component]
fn Subscribed(sub: Subscription) -> impl IntoView {
    let (tone, label) = subscription_badge(sub.status);
    let invoice = sub.latest_invoice.as_ref().and_then(|i| i.object()).map(|i| {
        let (itone, ilabel) = invoice_badge(i.status);
        view! {
            <p class="first-invoice" data-id=i.id.clone()>
                "First invoice "
                <strong>{i.number.clone().unwrap_or_else(|| i.id.clone())}</strong>
                {format!(" — {} ", format_amount(i.total, &i.currency))}
                <Badge tone=itone label=ilabel />
            </p>
        }
    });
    let (id, text) = (sub.id.clone(), format!("{} is ", sub.id));
    view! {
        <div class="subscribed" data-id=id>
            <Banner tone="default" title="Subscription created">
                <span>{text}</span>
                <Badge tone label />
            </Banner>
            {invoice}
        </div>
    }
}
