//! The billing half of the customer detail view: the actions (Set up Amazon Pay, Subscribe to
//! a price), each behind its permissions, and the sections that each load on their own.

use super::amazon_pay_setup::AmazonPaySetup;
use super::detail_section::DetailRefresh;
use super::invoices_section::InvoicesSection;
use super::payment_methods_section::PaymentMethodsSection;
use super::payments_section::PaymentsSection;
use super::subscribe_focus::SubscribeFocus;
use super::subscriptions_section::SubscriptionsSection;
use crate::api::client::Client;
use crate::forms::detail_actions::{gate, needs};
use crate::ui::Button;
use leptos::prelude::*;

/// Which focus view is open.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    AmazonPay,
    Subscribe,
}

#[component]
pub fn CustomerBilling(
    /// `cus_…`
    customer: String,
    client: Client,
) -> impl IntoView {
    provide_context(DetailRefresh(RwSignal::new(0)));
    let open = RwSignal::new(Open::Nothing);
    let close = Callback::new(move |()| open.set(Open::Nothing));
    let action = |label: &'static str, what: &'static str, needs: &[&str], which: Open| {
        let why = gate(client.rights(), needs).err();
        view! {
            <Button
                disabled=why.is_some()
                title=why.clone().unwrap_or_else(|| what.into())
                on_press=Callback::new(move |()| open.set(which))
            >
                {label}
            </Button>
        }
        .into_any()
    };
    let refusals: Vec<String> = [needs::SET_UP_AMAZON_PAY, needs::SUBSCRIBE]
        .into_iter()
        .filter_map(|n| gate(client.rights(), n).err())
        .fold(Vec::new(), |mut all, why| {
            if !all.contains(&why) {
                all.push(why);
            }
            all
        });
    let (c, id) = (client.clone(), customer.clone());
    view! {
        <div class="actions billing-actions">
            {action("Set up Amazon Pay", "Save Amazon Pay for future payments", needs::SET_UP_AMAZON_PAY, Open::AmazonPay)}
            {action("Subscribe to a price", "Start a subscription paid with a saved method", needs::SUBSCRIBE, Open::Subscribe)}
        </div>
        {refusals.into_iter().map(|why| view! { <p class="action-refusal" role="note">{why}</p> }).collect_view()}
        <SubscriptionsSection customer=customer.clone() client=client.clone() />
        <PaymentMethodsSection customer=customer.clone() client=client.clone() />
        <InvoicesSection customer=customer.clone() client=client.clone() />
        <PaymentsSection customer=customer.clone() client=client.clone() />
        {move || match open.get() {
            Open::Nothing => None,
            Open::AmazonPay => Some(view! { <AmazonPaySetup customer=id.clone() client=c.clone() on_close=close /> }.into_any()),
            Open::Subscribe => Some(view! { <SubscribeFocus customer=id.clone() client=c.clone() on_close=close /> }.into_any()),
        }}
    }
}
