//! `stripe.dashboard.customer.detail`: the customer the Dashboard page shows.

use crate::api::types::Customer;
use crate::api::{client, customers};
use crate::extension::use_extension_context;
use crate::format::{format_amount, format_date_time};
use crate::ui::{Badge, Banner, ContextView, ErrorState, PropertyList, PropertyListItem, Spinner};
use leptos::prelude::*;

/// The customer's profile, for `objectContext = {id: "cus_…", object: "customer"}`.
#[component]
pub fn CustomerDetailView() -> impl IntoView {
    let ctx = use_extension_context();
    let Some(id) = ctx.object_id("customer").map(str::to_string) else {
        return view! {
            <ContextView title="Customer">
                <Banner tone="caution" title="No customer on this page">
                    "This view shows the customer of a customer's detail page; the Dashboard \
                     did not pass one (objectContext is empty or not a customer)."
                </Banner>
            </ContextView>
        }
        .into_any();
    };
    let customer = LocalResource::new({
        let id = id.clone();
        move || {
            let request = customers::retrieve(&id);
            async move { client::send::<Customer>(request).await }
        }
    });
    view! {
        <ContextView title="Customer" description=id.clone()>
            <Transition fallback=|| view! { <Spinner label="Loading customer…" /> }>
                {move || Suspend::new(async move {
                    match customer.await {
                        Ok(c) => view! { <Profile customer=c /> }.into_any(),
                        Err(e) if e.is_not_found() => view! {
                            <Banner tone="caution" title="Customer not found">
                                {format!("{e}. It may have been deleted, or belong to the other mode (test/live).")}
                            </Banner>
                        }
                        .into_any(),
                        Err(error) => view! {
                            <ErrorState title="Couldn't load this customer" error on_retry=move || customer.refetch() />
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        </ContextView>
    }
    .into_any()
}

/// Name, status and the customer's details.
#[component]
fn Profile(customer: Customer) -> impl IntoView {
    let status = customer.status();
    let currency = customer.currency.clone().unwrap_or_else(|| "usd".into());
    let address = customer.address.as_ref().map(|a| {
        [&a.line1, &a.line2, &a.city, &a.state, &a.postal_code, &a.country]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    });
    let metadata = customer.metadata.clone();
    view! {
        <div class="profile-head">
            <h2>{customer.display_name().to_string()}</h2>
            <Badge tone=status.tone() label=status.label() />
        </div>
        <PropertyList>
            <PropertyListItem label="Email" value=customer.email.clone().unwrap_or_default() />
            <PropertyListItem label="Phone" value=customer.phone.clone().unwrap_or_default() />
            <PropertyListItem label="Address" value=address.unwrap_or_default() />
            <PropertyListItem label="Created" value=format_date_time(customer.created) />
            <PropertyListItem label="Balance" value=format_amount(customer.balance, &currency) />
            <PropertyListItem label="Description" value=customer.description.clone().unwrap_or_default() />
        </PropertyList>
        <h3>"Metadata"</h3>
        {if metadata.is_empty() {
            view! { <p class="secondary">"No metadata."</p> }.into_any()
        } else {
            view! {
                <PropertyList>
                    {metadata
                        .into_iter()
                        .map(|(k, v)| view! { <PropertyListItem label=k value=v /> })
                        .collect_view()}
                </PropertyList>
            }
            .into_any()
        }}
    }
}
