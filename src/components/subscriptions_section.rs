//! The customer's subscriptions, canceled ones included (greyed), each with a Cancel action
//! that asks first.

use super::detail_section::{DetailRefresh, DetailSection, SectionData, Toasts};
use crate::api::client::Client;
use crate::api::idempotency::ActionKey;
use crate::api::pagination::ListParams;
use crate::api::subscriptions::{self, SubscriptionListParams};
use crate::api::types::{List, Subscription};
use crate::extension::new_idempotency_key;
use crate::forms::billing_labels::SubscriptionRow;
use crate::forms::detail_actions::{gate, needs};
use crate::ui::{
    Badge, Banner, Button, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow,
    ToastKind,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// `customer`'s subscriptions of every status (`status=all`), newest first.
#[component]
pub fn SubscriptionsSection(
    /// `cus_…`
    customer: String,
    client: Client,
) -> impl IntoView {
    let refusal = gate(client.rights(), needs::SUBSCRIPTIONS).err();
    let params = SubscriptionListParams {
        customer: Some(customer),
        status: Some("all".into()),
        list: ListParams::new().limit(20),
    };
    let loader = client.clone();
    view! {
        <DetailSection title="Subscriptions" refusal>
            <SectionData
                what="subscriptions"
                empty="No subscriptions."
                load=move || {
                    let (c, req) = (loader.clone(), subscriptions::list(&params));
                    async move { c.send::<List<Subscription>>(req).await }
                }
                is_empty={|list: &List<Subscription>| list.data.is_empty()}
                show={move |list: List<Subscription>| {
                    view! { <SubscriptionTable subs=list.data client=client.clone() /> }
                }}
            />
        </DetailSection>
    }
}

#[component]
fn SubscriptionTable(subs: Vec<Subscription>, client: Client) -> impl IntoView {
    let refusal = gate(client.rights(), needs::CANCEL).err();
    let confirming = RwSignal::new(None::<String>);
    let any_cancelable = subs.iter().any(|s| !SubscriptionRow::new(s).ended);
    let rows = subs
        .iter()
        .map(|s| {
            let row = SubscriptionRow::new(s);
            let id = row.id.clone();
            let action = (!row.ended).then(|| {
                let why = refusal.clone();
                view! {
                    <Button
                        kind="destructive"
                        disabled=why.is_some()
                        title=why.unwrap_or_else(|| "Cancel this subscription now".into())
                        on_press=Callback::new(move |()| confirming.set(Some(id.clone())))
                    >
                        "Cancel"
                    </Button>
                }
            });
            view! {
                <TableRow>
                    <TableCell>
                        <span class="subscription" data-id=row.id.clone() data-ended=row.ended.to_string()>
                            <Badge tone=row.badge.0 label=row.badge.1 />
                        </span>
                    </TableCell>
                    <TableCell>{row.price.clone()}</TableCell>
                    <TableCell>{row.period_end.clone()}</TableCell>
                    <TableCell>{row.next_invoice.clone()}</TableCell>
                    <TableCell>{action}</TableCell>
                </TableRow>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <div class="subscriptions">
            <Table label="Subscriptions">
                <TableHead>
                    <TableRow>
                        <TableHeaderCell>"Status"</TableHeaderCell>
                        <TableHeaderCell>"Price"</TableHeaderCell>
                        <TableHeaderCell>"Period ends"</TableHeaderCell>
                        <TableHeaderCell>"Next invoice"</TableHeaderCell>
                        <TableHeaderCell>""</TableHeaderCell>
                    </TableRow>
                </TableHead>
                <TableBody>{rows}</TableBody>
            </Table>
        </div>
        {(any_cancelable && refusal.is_some())
            .then(|| view! { <p class="action-refusal" role="note">{refusal.clone()}</p> })}
        {move || confirming.get().map(|id| view! { <ConfirmCancel id client=client.clone() confirming /> })}
    }
}

/// "Cancel subscription? …": cancels on confirmation, once per action (its key reused on retry).
#[component]
fn ConfirmCancel(
    id: String,
    client: Client,
    confirming: RwSignal<Option<String>>,
) -> impl IntoView {
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let key = StoredValue::new(ActionKey::default());
    let (refresh, toasts) = (DetailRefresh::get(), Toasts::get());
    let confirm = {
        let id = id.clone();
        Callback::new(move |()| {
            if pending.get_untracked() {
                return; // a double click: the first press is under way
            }
            let params = vec![("cancel".to_string(), id.clone())];
            let request_key = key
                .try_update_value(|k| k.key_for(&params, new_idempotency_key))
                .unwrap_or_else(new_idempotency_key);
            let (client, id) = (client.clone(), id.clone());
            pending.set(true);
            failure.set(None);
            spawn_local(async move {
                let result =
                    client.send::<Subscription>(subscriptions::cancel(&id, &request_key)).await;
                pending.try_set(false);
                match result {
                    Ok(_) => {
                        key.try_update_value(ActionKey::done);
                        confirming.try_set(None);
                        toasts.show("Subscription canceled", ToastKind::Success);
                        refresh.after_write();
                    }
                    Err(e) => {
                        failure.try_set(Some(e.to_string()));
                    }
                }
            });
        })
    };
    view! {
        <Banner
            tone="caution"
            title="Cancel subscription?"
            actions=Box::new(move || view! {
                <Button kind="destructive" disabled=pending on_press=confirm>
                    {move || if pending.get() { "Canceling…" } else { "Cancel subscription" }}
                </Button>
                <Button disabled=pending on_press=Callback::new(move |()| confirming.set(None))>"Keep it"</Button>
            }.into_any())
        >
            {format!("{id} ends now: the customer is not billed again and keeps no access after today. This can't be undone.")}
            {move || failure.get().map(|why| view! { <p class="field-error" role="alert">{format!("Couldn't cancel: {why}")}</p> })}
        </Banner>
    }
}
