//! The customer's recent payments (PaymentIntents).
//!
//! NB: "recent" is the ten newest (`limit=10`), not a date window: a `created[gte]` cut-off
//! would need "now", and the view has no trustworthy clock for the account (the demo account's
//! clock is not the browser's), while the newest ten are what a merchant checks first.

use super::detail_section::{DetailSection, SectionData};
use crate::api::client::Client;
use crate::api::pagination::ListParams;
use crate::api::payment_intents::{self, PaymentIntentListParams};
use crate::api::types::{List, PaymentIntent};
use crate::format::{format_amount, format_date};
use crate::forms::billing_labels::payment_badge;
use crate::forms::detail_actions::{gate, needs};
use crate::ui::{Align, Badge, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow};
use leptos::prelude::*;

/// The ten newest payments of `customer`.
#[component]
pub fn PaymentsSection(
    /// `cus_…`
    customer: String,
    client: Client,
) -> impl IntoView {
    let refusal = gate(client.rights(), needs::PAYMENTS).err();
    let params = PaymentIntentListParams {
        customer: Some(customer),
        list: ListParams::new().limit(10),
        ..Default::default()
    };
    view! {
        <DetailSection title="Recent payments" refusal>
            <SectionData
                what="payments"
                empty="No payments."
                load=move || {
                    let (c, request) = (client.clone(), payment_intents::list(&params));
                    async move { c.send::<List<PaymentIntent>>(request).await }
                }
                is_empty={|list: &List<PaymentIntent>| list.data.is_empty()}
                show={|list: List<PaymentIntent>| view! { <PaymentTable payments=list.data /> }}
            />
        </DetailSection>
    }
}

#[component]
fn PaymentTable(payments: Vec<PaymentIntent>) -> impl IntoView {
    view! {
        <Table label="Recent payments">
            <TableHead>
                <TableRow>
                    <TableHeaderCell align=Align::Right>"Amount"</TableHeaderCell>
                    <TableHeaderCell>"Status"</TableHeaderCell>
                    <TableHeaderCell>"Description"</TableHeaderCell>
                    <TableHeaderCell>"Date"</TableHeaderCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {payments.into_iter().map(|p| {
                    let (tone, label) = payment_badge(p.status);
                    view! {
                        <TableRow>
                            <TableCell align=Align::Right>
                                <span class="payment" data-id=p.id.clone()>{format_amount(p.amount, &p.currency)}</span>
                            </TableCell>
                            <TableCell><Badge tone label /></TableCell>
                            <TableCell>{p.description.clone().unwrap_or_default()}</TableCell>
                            <TableCell>{format_date(p.created)}</TableCell>
                        </TableRow>
                    }
                }).collect_view()}
            </TableBody>
        </Table>
    }
}
