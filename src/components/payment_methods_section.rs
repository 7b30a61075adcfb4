//! The customer's saved payment methods: card brand, last 4 and expiry, Amazon Pay, and which
//! one invoices charge by default.

use super::detail_section::{DetailSection, SectionData};
use crate::api::client::Client;
use crate::api::pagination::ListParams;
use crate::api::types::{List, PaymentMethod};
use crate::api::{customers, payment_methods, ApiError};
use crate::forms::billing_labels::{payment_method_label, CustomerBilling};
use crate::forms::detail_actions::{gate, needs};
use crate::ui::Badge;
use leptos::prelude::*;

/// The customer's payment methods, and its currency and invoice default.
pub async fn load_payment_methods(
    client: &Client,
    customer: &str,
) -> Result<(Vec<PaymentMethod>, CustomerBilling), ApiError> {
    let list = payment_methods::list(customer, None, &ListParams::new().limit(20));
    let methods = client.send::<List<PaymentMethod>>(list).await?.data;
    let billing = client.send::<CustomerBilling>(customers::retrieve(customer)).await?;
    Ok((methods, billing))
}

#[component]
pub fn PaymentMethodsSection(
    /// `cus_…`
    customer: String,
    client: Client,
) -> impl IntoView {
    let refusal = gate(client.rights(), needs::PAYMENT_METHODS).err();
    view! {
        <DetailSection title="Payment methods" refusal>
            <SectionData
                what="payment methods"
                empty="No saved payment methods."
                load=move || {
                    let (c, id) = (client.clone(), customer.clone());
                    async move { load_payment_methods(&c, &id).await }
                }
                is_empty={|(methods, _): &(Vec<PaymentMethod>, CustomerBilling)| methods.is_empty()}
                show={|(methods, billing): (Vec<PaymentMethod>, CustomerBilling)| {
                    let default = billing.default_payment_method();
                    view! {
                        <ul class="payment-methods">
                            {methods.into_iter().map(|pm| {
                                let is_default = default.as_deref() == Some(pm.id.as_str());
                                view! {
                                    <li class="payment-method" data-id=pm.id.clone() data-type=pm.kind.clone()>
                                        <span>{payment_method_label(&pm, None)}</span>
                                        {is_default.then(|| view! { <Badge tone="info" label="Default" /> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                }}
            />
        </DetailSection>
    }
}
