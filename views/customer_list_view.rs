//! `stripe.dashboard.customer.list`: the account's customers, a page at a time.

use crate::api::pagination::{page_links, Cursor, ListParams};
use crate::api::types::{Customer, List};
use crate::api::{client::Client, customers};
use crate::context::ObjectContext;
use crate::extension::link::HostLink;
use crate::extension::use_extension_context;
use crate::format::format_date;
use crate::ui::{Badge, Button, ContextView, ErrorState, Spinner};
use leptos::prelude::*;

/// Customers shown per page.
const PAGE_SIZE: u8 = 10;

/// The customer list drawer: a table with previous/next pages.
#[component]
pub fn CustomerListView() -> impl IntoView {
    let client = Client::new(&use_extension_context());
    let cursor = RwSignal::new(Cursor::First);
    let page = LocalResource::new(move || {
        let (client, params) = (client.clone(), ListParams::for_cursor(&cursor.get(), PAGE_SIZE));
        async move { client.send::<List<Customer>>(customers::list(&params)).await }
    });
    view! {
        <ContextView title="Customers" description="Newest first, from this account.">
            <Transition fallback=|| view! { <Spinner label="Loading customers…" /> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(list) => view! { <CustomerPage list cursor /> }.into_any(),
                        Err(error) => view! {
                            <ErrorState title="Couldn't load customers" error on_retry=move || page.refetch() />
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        </ContextView>
    }
}

/// One page of customers with its pager.
#[component]
fn CustomerPage(list: List<Customer>, cursor: RwSignal<Cursor>) -> impl IntoView {
    let links = page_links(&cursor.get_untracked(), &list);
    if list.data.is_empty() {
        return view! {
            <div class="empty-state">
                <p class="empty-title">"No customers yet"</p>
                <p class="secondary">
                    "Customers you create in the Dashboard or through the API appear here."
                </p>
            </div>
        }
        .into_any();
    }
    let (prev, next) = (links.prev, links.next);
    view! {
        <table class="table">
            <thead>
                <tr>
                    <th scope="col">"Customer"</th>
                    <th scope="col">"Created"</th>
                    <th scope="col">"Status"</th>
                </tr>
            </thead>
            <tbody>
                {list.data.into_iter().map(|c| view! { <CustomerRow customer=c /> }).collect_view()}
            </tbody>
        </table>
        <nav class="pager" aria-label="Pages">
            <Button disabled=prev.is_none() on_press=Callback::new({
                let prev = prev.clone();
                move |_| if let Some(p) = prev.clone() { cursor.set(p) }
            })>"Previous"</Button>
            <Button disabled=next.is_none() on_press=Callback::new({
                let next = next.clone();
                move |_| if let Some(n) = next.clone() { cursor.set(n) }
            })>"Next"</Button>
        </nav>
    }
    .into_any()
}

/// A row: name (opens the customer) and email, created date, status badge.
#[component]
fn CustomerRow(customer: Customer) -> impl IntoView {
    let status = customer.status();
    let id = customer.id.clone();
    let open = move |_| {
        if let Some(link) = HostLink::current() {
            let object = ObjectContext { id: id.clone(), object: "customer".into() };
            link.navigate("stripe.dashboard.customer.detail", Some(object));
        }
    };
    view! {
        <tr class="customer-row" data-id=customer.id.clone()>
            <td>
                <button type="button" class="link" on:click=open>
                    {customer.display_name().to_string()}
                </button>
                {(customer.email.as_deref() != Some(customer.display_name()))
                    .then(|| view! { <div class="secondary">{customer.email.clone()}</div> })}
            </td>
            <td class="nowrap">{format_date(customer.created)}</td>
            <td><Badge tone=status.tone() label=status.label() /></td>
        </tr>
    }
}
