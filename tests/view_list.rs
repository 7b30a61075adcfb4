//! Browser tests of the customer list (issue 5): search, the status filter, the page size and
//! the summary line, mounted through the real bridge against the seeded demo account. What
//! each test expects is computed from the same account through the API, not hard-coded.
//! Run: `cargo test --target wasm32-unknown-unknown --test view_list`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use stripe_app::api::client::Client;
use stripe_app::api::pagination::{ListParams, SearchParams};
use stripe_app::api::subscriptions::{self, SubscriptionListParams};
use stripe_app::api::types::{Customer, Interval, List, SearchResult, Subscription};
use stripe_app::api::{customers, ApiRequest, ApiResponse};
use stripe_app::bridge::port::Port;
use stripe_app::bridge::{ToExtension, ToHost};
use stripe_app::context::{ExtensionContext, Mode};
use stripe_app::extension::link::HostLink;
use stripe_app::extension::{Mount, ViewRouter};
use stripe_app::format::format_amount;
use stripe_app::preview::{Backend, PreviewState};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, MessageChannel};

wasm_bindgen_test_configure!(run_in_browser);

/// Keeps the host's end of the channel alive.
struct TestHost {
    _port: Rc<RefCell<Option<Port>>>,
}

/// A host on the other end of a real MessageChannel, answering API requests with `answer`.
fn connect(answer: impl FnMut(&ApiRequest) -> ApiResponse + 'static) -> TestHost {
    let channel = MessageChannel::new().unwrap();
    let port: Rc<RefCell<Option<Port>>> = Rc::default();
    let reply = port.clone();
    let answer = RefCell::new(answer);
    let host_port = Port::listen::<ToHost>(channel.port2(), move |msg| {
        if let ToHost::ApiRequest { id, request } = msg {
            let response = (answer.borrow_mut())(&request);
            reply.borrow().as_ref().unwrap().send(&ToExtension::ApiResponse { id, response });
        }
    });
    *port.borrow_mut() = Some(host_port);
    HostLink::install(channel.port1(), RwSignal::new(None));
    TestHost { _port: port }
}

fn list_context() -> ExtensionContext {
    let manifest = stripe_app::manifest::parse(include_str!("../stripe-app.json")).unwrap();
    let q = "viewport=stripe.dashboard.customer.list&role=developer";
    PreviewState::from_query(q, &manifest).context(&manifest)
}

/// The preview backend (credential and role checks, the seeded test-mode account).
fn demo_host() -> TestHost {
    let mut backend = Backend::default();
    let roles = list_context().user_context.roles;
    connect(move |req| backend.answer(Mode::Test, &roles, req))
}

fn mount_list() -> HtmlElement {
    let doc = window().document().unwrap();
    let root: HtmlElement = doc.create_element("section").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&root).unwrap();
    let m = Mount { component: "CustomerListView".into(), context: list_context() };
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <ViewRouter mount=m /> });
    std::mem::forget(handle);
    root
}

async fn send<T: serde::de::DeserializeOwned>(req: ApiRequest) -> T {
    Client::new(&list_context()).send(req).await.unwrap()
}

/// Waits (up to ~4 s) until `selector` matches under `root`.
async fn wait_for(root: &HtmlElement, selector: &str) -> web_sys::Element {
    for _ in 0..200 {
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
    panic!("`{selector}` never appeared; the view shows: {}", root.inner_text());
}

/// Polls (up to ~4 s) until `done()` holds; the assertions after it say what was expected.
async fn wait_until(done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
}

fn rows(root: &HtmlElement) -> Vec<String> {
    let list = root.query_selector_all(".customer-row").unwrap();
    (0..list.length())
        .map(|i| list.get(i).unwrap().unchecked_into::<web_sys::Element>())
        .map(|e| e.get_attribute("data-id").unwrap())
        .collect()
}

fn button(root: &HtmlElement, label: &str) -> HtmlElement {
    let all = root.query_selector_all("button").unwrap();
    (0..all.length())
        .map(|i| all.get(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|b| b.inner_text().trim() == label)
        .unwrap_or_else(|| panic!("no `{label}` button in: {}", root.inner_text()))
}

fn search_input(root: &HtmlElement) -> web_sys::HtmlInputElement {
    root.query_selector("form[role=search] input").unwrap().unwrap().unchecked_into()
}

/// Types `text` in the search box and presses Enter.
fn search_for(root: &HtmlElement, text: &str) {
    let input = search_input(root);
    input.set_value(text);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    let init = js_sys::Object::new();
    for (key, value) in
        [("key", "Enter".into()), ("bubbles", true.into()), ("cancelable", true.into())]
    {
        js_sys::Reflect::set(&init, &key.into(), &value).unwrap();
    }
    let class = js_sys::Reflect::get(&window(), &"KeyboardEvent".into()).unwrap();
    let args = js_sys::Array::of2(&"keydown".into(), &init);
    let class: js_sys::Function = class.unchecked_into();
    let enter = js_sys::Reflect::construct(&class, &args).unwrap();
    input.dispatch_event(enter.unchecked_ref()).unwrap();
}

/// Picks `value` in the select labelled `label`.
fn choose(root: &HtmlElement, label: &str, value: &str) {
    let labels = root.query_selector_all("label.field-label").unwrap();
    let id = (0..labels.length())
        .map(|i| labels.get(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|l| l.inner_text().trim() == label)
        .and_then(|l| l.get_attribute("for"))
        .unwrap_or_else(|| panic!("no select labelled {label}"));
    let select: web_sys::HtmlSelectElement =
        root.query_selector(&format!("#{id}")).unwrap().unwrap().unchecked_into();
    select.set_value(value);
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

async fn rows_become(root: &HtmlElement, want: &[String]) {
    wait_until(|| rows(root) == want).await;
    assert_eq!(rows(root), want, "the view shows: {}", root.inner_text());
}

/// Every customer matching `query`, through the API.
async fn search_all(query: &str) -> Vec<String> {
    let result: SearchResult<Customer> =
        send(customers::search(&SearchParams::new(query).limit(100))).await;
    assert!(!result.has_more);
    result.data.into_iter().map(|c| c.id).collect()
}

#[wasm_bindgen_test]
async fn searching_an_email_finds_exactly_that_customer() {
    let _host = demo_host();
    let some: List<Customer> = send(customers::list(&ListParams::new().limit(20))).await;
    let target = some.data.iter().rev().find(|c| c.email.is_some()).unwrap().clone();
    let root = mount_list();
    wait_for(&root, ".customer-row").await;
    search_for(&root, target.email.as_deref().unwrap());
    rows_become(&root, std::slice::from_ref(&target.id)).await;
    assert!(button(&root, "Next").has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn a_name_search_pages_forward_and_back() {
    let _host = demo_host();
    let query = "name~'son' OR name~'mar'";
    let want = search_all(query).await;
    assert!(want.len() > 10 && want.len() <= 20, "two pages of matches: {}", want.len());
    let root = mount_list();
    wait_for(&root, ".customer-row").await;
    search_for(&root, query);
    rows_become(&root, &want[..10]).await;
    assert!(button(&root, "Previous").has_attribute("disabled"));
    button(&root, "Next").click();
    rows_become(&root, &want[10..]).await;
    assert!(button(&root, "Next").has_attribute("disabled"));
    button(&root, "Previous").click();
    rows_become(&root, &want[..10]).await;
}

#[wasm_bindgen_test]
async fn an_id_opens_that_customer_and_an_unknown_id_says_so() {
    let _host = demo_host();
    let list: List<Customer> = send(customers::list(&ListParams::new().limit(30))).await;
    let target = list.data.last().unwrap().id.clone();
    let root = mount_list();
    wait_for(&root, ".customer-row").await;
    search_for(&root, &format!("  {target} "));
    rows_become(&root, std::slice::from_ref(&target)).await;
    search_for(&root, "cus_doesnotexist");
    let empty = wait_for(&root, ".empty-state").await;
    assert!(empty.text_content().unwrap().contains("No customer with id cus_doesnotexist"));
}

#[wasm_bindgen_test]
async fn an_invalid_query_shows_stripes_message_and_keeps_the_text() {
    let _host = demo_host();
    let root = mount_list();
    wait_for(&root, ".customer-row").await;
    let typed = "email:'unclosed";
    search_for(&root, typed);
    let error = wait_for(&root, "form[role=search] .field-error").await;
    let message = error.text_content().unwrap();
    assert!(message.contains("character"), "names the position: {message}");
    assert_eq!(search_input(&root).value(), typed);
    assert!(rows(&root).is_empty());
    // A valid search clears the message.
    search_for(&root, "");
    wait_for(&root, ".customer-row").await;
    assert!(root.query_selector("form[role=search] .field-error").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_past_due_filter_shows_only_customers_with_past_due_subscriptions() {
    let _host = demo_host();
    let params = SubscriptionListParams {
        status: Some("past_due".into()),
        list: ListParams::new().limit(100),
        ..Default::default()
    };
    let past_due: List<Subscription> = send(subscriptions::list(&params)).await;
    let mut want: Vec<String> = Vec::new();
    for s in &past_due.data {
        if !want.iter().any(|id| id == s.customer.id()) {
            want.push(s.customer.id().to_string());
        }
    }
    assert!(!want.is_empty() && want.len() <= 10, "{} past-due customers", want.len());
    let root = mount_list();
    wait_for(&root, ".customer-row").await;
    choose(&root, "Subscription status", "past_due");
    rows_become(&root, &want).await;
}

#[wasm_bindgen_test]
async fn page_size_25_shows_25_rows() {
    let _host = demo_host();
    let root = mount_list();
    wait_for(&root, ".customer-row").await;
    assert_eq!(rows(&root).len(), 10);
    choose(&root, "Page size", "25");
    wait_until(|| rows(&root).len() == 25).await;
    assert_eq!(rows(&root).len(), 25);
    let first: List<Customer> = send(customers::list(&ListParams::new().limit(25))).await;
    assert_eq!(rows(&root), first.data.into_iter().map(|c| c.id).collect::<Vec<_>>());
}

#[wasm_bindgen_test]
async fn the_summary_counts_the_accounts_active_subscriptions_and_mrr() {
    let _host = demo_host();
    // Independently of the view's arithmetic: a month is the amount, a year a twelfth of it.
    let mut count = 0;
    let mut mrr: BTreeMap<String, f64> = BTreeMap::new();
    let mut params = ListParams::new().limit(100);
    loop {
        let req = subscriptions::list(&SubscriptionListParams {
            status: Some("active".into()),
            list: params.clone(),
            ..Default::default()
        });
        let page: List<Subscription> = send(req).await;
        for s in &page.data {
            count += 1;
            for item in &s.items.data {
                let r = item.price.recurring.unwrap();
                let amount =
                    (item.price.unit_amount.unwrap() * item.quantity.unwrap() as i64) as f64;
                let monthly = match r.interval {
                    Interval::Month => amount / r.interval_count as f64,
                    Interval::Year => amount / 12.0 / r.interval_count as f64,
                    other => panic!("the demo bills monthly or yearly, not {other:?}"),
                };
                *mrr.entry(item.price.currency.clone()).or_default() += monthly;
            }
        }
        match page.data.last().filter(|_| page.has_more) {
            Some(last) => params = params.starting_after(last.id.clone()),
            None => break,
        }
    }
    let mut amounts: Vec<(String, i64)> =
        mrr.into_iter().map(|(c, v)| (c, v.round() as i64)).collect();
    amounts.sort_by_key(|(_, v)| std::cmp::Reverse(*v));
    let amounts: Vec<String> = amounts.iter().map(|(c, v)| format_amount(*v, c)).collect();
    let want =
        format!("10 customers shown · {count} active subscriptions · MRR {}", amounts.join(" · "));
    let root = mount_list();
    let summary = wait_for(&root, ".list-summary").await;
    wait_until(|| summary.text_content().unwrap() == want).await;
    assert_eq!(summary.text_content().unwrap(), want);
    let currencies: BTreeSet<&str> = ["$", "€", "£"].into();
    assert!(
        currencies.iter().filter(|c| want.contains(**c)).count() >= 2,
        "several currencies: {want}"
    );
}
