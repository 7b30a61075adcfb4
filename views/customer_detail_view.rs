//! `stripe.dashboard.customer.detail`: the customer the Dashboard page shows: the profile (with
//! Edit details), then its billing (`components::CustomerBilling`): subscriptions, payment
//! methods, invoices, payments, and the actions on them.

use crate::api::client::Client;
use crate::api::customers;
use crate::api::types::Customer;
use crate::components::{CustomerBilling, CustomerEditor};
use crate::extension::use_extension_context;
use crate::format::{format_amount, format_date_time};
use crate::ui::{
    Badge, Banner, Button, ContextView, ErrorState, PropertyList, PropertyListItem, Spinner,
};
use leptos::prelude::*;

/// The customer's profile, for `objectContext = {id: "cus_…", object: "customer"}`, with an
/// editor for its description and metadata when the app and the user may write customers.
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
    let client = Client::new(&ctx);
    let customer = LocalResource::new({
        let (client, id) = (client.clone(), id.clone());
        move || {
            let (client, request) = (client.clone(), customers::retrieve(&id));
            async move { client.send::<Customer>(request).await }
        }
    });
    let saved = RwSignal::new(false);
    // The billing sections mount once the customer is known to exist, and stay mounted while
    // the profile re-reads after an edit.
    let found = Memo::new(move |_| customer.get().is_some_and(|r| r.is_ok()));
    let billing = (client.clone(), id.clone());
    view! {
        <ContextView title="Customer" description=id.clone()>
            <Show when=move || saved.get()>
                <Banner tone="default" title="Customer updated" />
            </Show>
            <Transition fallback=|| view! { <Spinner label="Loading customer…" /> }>
                {move || {
                    let client = client.clone();
                    Suspend::new(async move {
                        match customer.await {
                            Ok(c) => {
                                let on_saved = Callback::new(move |_| {
                                    saved.set(true);
                                    customer.refetch();
                                });
                                view! { <Profile customer=c client on_saved /> }.into_any()
                            }
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
                    })
                }}
            </Transition>
            <Show when=move || found.get()>
                <CustomerBilling customer=billing.1.clone() client=billing.0.clone() />
            </Show>
        </ContextView>
    }
    .into_any()
}

/// Name, status, the customer's details, and the Edit action (or why it isn't offered).
#[component]
fn Profile(customer: Customer, client: Client, on_saved: Callback<Customer>) -> impl IntoView {
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
    let refusal = client.rights().can("customer_write").err().map(|r| r.to_string());
    let editing = RwSignal::new(false);
    let metadata = customer.metadata.clone();
    let editor_customer = customer.clone();
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
                    {metadata.into_iter().map(|(k, v)| view! { <PropertyListItem label=k value=v /> }).collect_view()}
                </PropertyList>
            }
            .into_any()
        }}
        <div class="actions">
            <Button
                disabled=refusal.is_some()
                title=refusal.clone().unwrap_or_else(|| "Edit the description and metadata".into())
                on_press=Callback::new(move |()| editing.set(true))
            >
                "Edit details"
            </Button>
        </div>
        {refusal.map(|why| view! { <p class="refusal" role="note">{why}</p> })}
        <Show when=move || editing.get()>
            <CustomerEditor
                customer=editor_customer.clone()
                client=client.clone()
                on_close=Callback::new(move |()| editing.set(false))
                on_saved=Callback::new(move |c| {
                    editing.set(false);
                    on_saved.run(c);
                })
            />
        </Show>
    }
}
