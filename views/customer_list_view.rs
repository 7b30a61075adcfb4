//! `stripe.dashboard.customer.list`: the account's customers a page at a time, with a search
//! box, a subscription-status filter, a page size and a summary line. What each choice fetches
//! lives in `forms::customer_list` (pure, tested natively); this file renders it.

use crate::api::client::Client;
use crate::api::types::Customer;
use crate::context::ObjectContext;
use crate::extension::link::HostLink;
use crate::extension::use_extension_context;
use crate::format::format_date;
use crate::forms::customer_list::summary::{count_active, shown_text, totals_text};
use crate::forms::customer_list::*;
use crate::ui::{Badge, Button, ContextView, ErrorState, Link, Select, Spinner, TextField};
use crate::ui::{Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow};
use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// The customer list drawer.
#[component]
pub fn CustomerListView() -> impl IntoView {
    let client = Client::new(&use_extension_context());
    let state = RwSignal::new(ListState::default());
    let text = RwSignal::new(String::new());
    let apply = move |action| state.update(|s| s.apply(action));
    let page = LocalResource::new({
        let client = client.clone();
        move || {
            let (client, s) = (client.clone(), state.get());
            async move { load(&s, |r| client.fetch(r)).await }
        }
    });
    let totals = LocalResource::new(move || {
        let client = client.clone();
        async move { count_active(|r| client.fetch(r)).await }
    });
    let field_error = Signal::derive(move || {
        page.map(|r| r.as_ref().err().and_then(|e| state.with_untracked(|s| query_error(s, e))))
            .flatten()
    });
    let pending = RwSignal::new(false);
    let submit = move || apply(ListAction::Search(text.get_untracked()));
    let filters: Vec<_> =
        StatusFilter::ALL.iter().map(|f| (f.as_str().to_string(), f.label().to_string())).collect();
    let sizes: Vec<_> = PAGE_SIZES.iter().map(|n| (n.to_string(), n.to_string())).collect();
    let on_filter = move |value: String| {
        let Some(filter) = StatusFilter::from_value(&value) else { return };
        apply(ListAction::Filter(filter));
        if state.with_untracked(|s| s.notice == Some(Notice::SearchCleared)) {
            text.set(String::new());
        }
    };
    let on_size = move |value: String| {
        if let Ok(size) = value.parse() {
            apply(ListAction::PageSize(size));
        }
    };
    view! {
        <ContextView title="Customers" description="Newest first, from this account.">
            // NB: the drawer's sandbox has no `allow-forms`, so the browser blocks form submission
            // (no `submit` event): Enter in the box is handled on keydown.
            <form
                role="search"
                class="list-search"
                on:submit=move |ev: SubmitEvent| {
                    ev.prevent_default();
                    submit();
                }
                on:keydown=move |ev: KeyboardEvent| {
                    let in_box = ev.target().is_some_and(|t| t.has_type::<HtmlInputElement>());
                    if ev.key() == "Enter" && in_box {
                        ev.prevent_default();
                        submit();
                    }
                }
            >
                <TextField
                    label="Search customers"
                    value=text
                    on_input=Callback::new(move |t| text.set(t))
                    error=field_error
                />
                <Button kind="primary" on_press=Callback::new(move |()| submit())>"Search"</Button>
            </form>
            <p class="field-description list-hint">
                "A name, an email, a cus_ id, or a query such as email~'@example.com'."
            </p>
            <div class="list-filters">
                <Select
                    label="Subscription status"
                    options=filters
                    value=Signal::derive(move || state.with(|s| s.filter.as_str().to_string()))
                    on_change=on_filter
                />
                <Select
                    label="Page size"
                    options=sizes
                    value=Signal::derive(move || state.with(|s| s.page_size.to_string()))
                    on_change=on_size
                />
            </div>
            {move || {
                state
                    .with(|s| s.notice)
                    .map(|n| view! { <p class="list-notice" role="status">{n.text()}</p> })
            }}
            <div class="list-results" class:list-pending=move || pending.get()>
                <Transition fallback=|| view! { <Spinner label="Loading customers…" /> } set_pending=pending>
                    {move || Suspend::new(async move {
                        let result = page.await;
                        let s = state.get_untracked();
                        match result {
                            Ok(shown) => view! { <Results shown state=s totals apply /> }.into_any(),
                            Err(e) if query_error(&s, &e).is_some() => view! {
                                <p class="secondary">"Fix the query, or clear the box to list every customer."</p>
                            }
                            .into_any(),
                            Err(error) => view! {
                                <ErrorState title="Couldn't load customers" error on_retry=move || page.refetch() />
                            }
                            .into_any(),
                        }
                    })}
                </Transition>
            </div>
        </ContextView>
    }
}

/// The summary line, then the page's rows and pager, or what an empty page means.
#[component]
fn Results(
    /// The page on screen.
    shown: Shown,
    /// The state it was fetched for.
    state: ListState,
    /// The account's active subscriptions, counted once for the view.
    totals: LocalResource<Result<summary::Totals, crate::api::ApiError>>,
    /// Applies a pager move.
    apply: impl Fn(ListAction) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let counted = move || match totals.get() {
        None => view! { "counting active subscriptions…" }.into_any(),
        Some(Ok(t)) => totals_text(&t).into_any(),
        Some(Err(e)) => view! {
            <span title=e.to_string()>"couldn't count subscriptions "</span>
            <Link on_press=move || totals.refetch()>"Retry"</Link>
        }
        .into_any(),
    };
    let summary = view! {
        <p class="list-summary" aria-live="polite">
            {shown_text(shown.customers.len())} " · " {counted}
        </p>
    };
    if shown.customers.is_empty() && shown.links == Links::default() {
        let (title, detail) = state.empty_text();
        return view! {
            {summary}
            <div class="empty-state">
                <p class="empty-title">{title}</p>
                <p class="secondary">{detail}</p>
            </div>
        }
        .into_any();
    }
    let Links { prev, next } = shown.links;
    let go = move |step: Option<Step>| {
        Callback::new(move |()| step.clone().into_iter().for_each(|s| apply(ListAction::Go(s))))
    };
    view! {
        {summary}
        <Table label="Customers">
            <TableHead>
                <TableRow>
                    <TableHeaderCell>"Customer"</TableHeaderCell>
                    <TableHeaderCell>"Created"</TableHeaderCell>
                    <TableHeaderCell>"Status"</TableHeaderCell>
                </TableRow>
            </TableHead>
            <TableBody>
                <For each=move || shown.customers.clone() key=|c| c.id.clone() let:customer>
                    <CustomerRow customer />
                </For>
            </TableBody>
        </Table>
        <nav class="pager" aria-label="Pages">
            <Button disabled=prev.is_none() on_press=go(prev.clone())>"Previous"</Button>
            <Button disabled=next.is_none() on_press=go(next.clone())>"Next"</Button>
        </nav>
    }
    .into_any()
}

/// A row: the name (opens the customer) over the email, the created date, the status badge.
#[component]
fn CustomerRow(
    /// The row's customer.
    customer: Customer,
) -> impl IntoView {
    let status = customer.status();
    let name = customer.display_name().to_string();
    let email = customer.email.clone().filter(|e| *e != name);
    let id = customer.id.clone();
    let open = move || {
        if let Some(link) = HostLink::current() {
            let object = ObjectContext { id: id.clone(), object: "customer".into() };
            link.navigate("stripe.dashboard.customer.detail", Some(object));
        }
    };
    view! {
        <TableRow attr:class="customer-row" attr:data-id=customer.id.clone()>
            <TableCell>
                <Link on_press=open>{name}</Link>
                {email.map(|e| view! { <div class="secondary">{e}</div> })}
            </TableCell>
            <TableCell>
                <span class="nowrap">{format_date(customer.created)}</span>
            </TableCell>
            <TableCell>
                <Badge tone=status.tone() label=status.label() />
            </TableCell>
        </TableRow>
    }
}
