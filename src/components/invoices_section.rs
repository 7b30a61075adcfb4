//! The customer's latest invoices: number, status, amount, date.

use super::detail_section::{DetailSection, SectionData};
use crate::api::client::Client;
use crate::api::invoices;
use crate::api::pagination::ListParams;
use crate::api::types::{Invoice, List};
use crate::format::{format_amount, format_date};
use crate::forms::billing_labels::invoice_badge;
use crate::forms::detail_actions::{gate, needs};
use crate::ui::{Align, Badge, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow};
use leptos::prelude::*;

/// The ten newest invoices of `customer`.
#[component]
pub fn InvoicesSection(
    /// `cus_…`
    customer: String,
    client: Client,
) -> impl IntoView {
    let refusal = gate(client.rights(), needs::INVOICES).err();
    view! {
        <DetailSection title="Invoices" refusal>
            <SectionData
                what="invoices"
                empty="No invoices."
                load=move || {
                    let request = invoices::list(&customer, None, &ListParams::new().limit(10));
                    let c = client.clone();
                    async move { c.send::<List<Invoice>>(request).await }
                }
                is_empty={|list: &List<Invoice>| list.data.is_empty()}
                show={|list: List<Invoice>| view! { <InvoiceTable invoices=list.data /> }}
            />
        </DetailSection>
    }
}

#[component]
fn InvoiceTable(invoices: Vec<Invoice>) -> impl IntoView {
    view! {
        <Table label="Invoices">
            <TableHead>
                <TableRow>
                    <TableHeaderCell>"Number"</TableHeaderCell>
                    <TableHeaderCell>"Status"</TableHeaderCell>
                    <TableHeaderCell align=Align::Right>"Amount"</TableHeaderCell>
                    <TableHeaderCell>"Date"</TableHeaderCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {invoices.into_iter().map(|i| {
                    let (tone, label) = invoice_badge(i.status);
                    view! {
                        <TableRow>
                            <TableCell>
                                <span class="invoice" data-id=i.id.clone()>{i.number.clone().unwrap_or_else(|| "Draft".into())}</span>
                            </TableCell>
                            <TableCell><Badge tone label /></TableCell>
                            <TableCell align=Align::Right>{format_amount(i.total, &i.currency)}</TableCell>
                            <TableCell>{format_date(i.created)}</TableCell>
                        </TableRow>
                    }
                }).collect_view()}
            </TableBody>
        </Table>
    }
}
