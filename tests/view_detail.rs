//! Browser tests of `stripe.dashboard.customer.detail` (wasm-bindgen-test in headless Chromium),
//! through the real bridge to the preview's demo account (`DemoAccount::seeded()`).
//! Run: `cargo test --target wasm32-unknown-unknown --test view_detail`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use stripe_app::api::client::Client;
use stripe_app::api::pagination::ListParams;
use stripe_app::api::subscriptions::SubscriptionListParams;
use stripe_app::api::types::{Invoice, List, PaymentIntent, PaymentMethod, Subscription};
use stripe_app::api::{
    customers, invoices, payment_intents, payment_methods, subscriptions, ApiRequest, Method,
};
use stripe_app::bridge::port::Port;
use stripe_app::bridge::{ToExtension, ToHost};
use stripe_app::context::{ExtensionContext, Mode};
use stripe_app::extension::link::HostLink;
use stripe_app::extension::{Mount, ViewRouter};
use stripe_app::forms::billing_labels::CustomerBilling;
use stripe_app::preview::{Backend, PreviewState};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, MessageChannel};

wasm_bindgen_test_configure!(run_in_browser);

/// A host on the other end of a real MessageChannel, answering from a demo account the test
/// can also reach (to answer an Amazon Pay redirect as the customer), recording every request
/// and every `refresh_dashboard_data`.
struct DemoHost {
    backend: Rc<RefCell<Backend>>,
    seen: Rc<RefCell<Vec<ApiRequest>>>,
    refreshes: Rc<Cell<u32>>,
    _port: Rc<RefCell<Option<Port>>>,
}

impl DemoHost {
    fn new() -> Self {
        let backend = Rc::new(RefCell::new(Backend::default()));
        let seen: Rc<RefCell<Vec<ApiRequest>>> = Rc::default();
        let refreshes = Rc::new(Cell::new(0));
        let channel = MessageChannel::new().unwrap();
        let port: Rc<RefCell<Option<Port>>> = Rc::default();
        let roles = context("developer", "").user_context.roles;
        let (reply, answer, log, count) =
            (port.clone(), backend.clone(), seen.clone(), refreshes.clone());
        let host_port = Port::listen::<ToHost>(channel.port2(), move |msg| match msg {
            ToHost::ApiRequest { id, request } => {
                log.borrow_mut().push(request.clone());
                let response = answer.borrow_mut().answer(Mode::Test, &roles, &request);
                reply.borrow().as_ref().unwrap().send(&ToExtension::ApiResponse { id, response });
            }
            ToHost::RefreshDashboardData => count.set(count.get() + 1),
            ToHost::Navigate { .. } | ToHost::Ready => {}
        });
        *port.borrow_mut() = Some(host_port);
        HostLink::install(channel.port1(), RwSignal::new(None));
        DemoHost { backend, seen, refreshes, _port: port }
    }

    /// The writes (POST and DELETE) sent to `path_prefix`.
    fn writes(&self, path_prefix: &str) -> Vec<ApiRequest> {
        self.seen
            .borrow()
            .iter()
            .filter(|r| r.method != Method::Get && r.path.starts_with(path_prefix))
            .cloned()
            .collect()
    }
}

/// The detail view's context for `role`, on customer `id`.
fn context(role: &str, id: &str) -> ExtensionContext {
    let manifest = stripe_app::manifest::parse(include_str!("../stripe-app.json")).unwrap();
    let q = format!("viewport=stripe.dashboard.customer.detail&object={id}&role={role}");
    PreviewState::from_query(&q, &manifest).context(&manifest)
}

fn client() -> Client {
    Client::new(&context("developer", ""))
}

/// Mounts the detail view as the extension does: inside the app's `Toaster`.
fn mount(role: &str, id: &str) -> HtmlElement {
    mount_with(context(role, id))
}

fn mount_with(context: ExtensionContext) -> HtmlElement {
    let doc = window().document().unwrap();
    let root: HtmlElement = doc.create_element("section").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&root).unwrap();
    let m = Mount { component: "CustomerDetailView".into(), context };
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <stripe_app::ui::Toaster><ViewRouter mount=m /></stripe_app::ui::Toaster> }
    });
    std::mem::forget(handle);
    root
}

/// Waits (up to ~`polls` × 20 ms) until `selector` matches under `root`.
async fn wait_up_to(root: &HtmlElement, selector: &str, polls: u32) -> web_sys::Element {
    for _ in 0..polls {
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
    panic!("`{selector}` never appeared; the view shows: {}", root.inner_text());
}

async fn wait_for(root: &HtmlElement, selector: &str) -> web_sys::Element {
    wait_up_to(root, selector, 200).await
}

/// Polls (up to ~6 s) until `done()` holds; the assertions after it say what was expected.
async fn wait_until(done: impl Fn() -> bool) {
    for _ in 0..300 {
        if done() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
}

fn buttons(root: &HtmlElement, label: &str) -> Vec<HtmlElement> {
    let all = root.query_selector_all("button").unwrap();
    (0..all.length())
        .map(|i| all.get(i).unwrap().unchecked_into::<HtmlElement>())
        .filter(|b| b.inner_text().trim() == label)
        .collect()
}

fn button(root: &HtmlElement, label: &str) -> HtmlElement {
    buttons(root, label)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no `{label}` button in: {}", root.inner_text()))
}

fn count(root: &HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn type_into(root: &HtmlElement, selector: &str, text: &str) {
    let el = root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"));
    js_sys::Reflect::set(&el, &"value".into(), &text.into()).unwrap();
    el.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

async fn subscriptions_of(customer: &str, status: &str) -> Vec<Subscription> {
    let params = SubscriptionListParams {
        customer: (!customer.is_empty()).then(|| customer.to_string()),
        status: Some(status.into()),
        list: ListParams::new().limit(100),
    };
    client().send::<List<Subscription>>(subscriptions::list(&params)).await.unwrap().data
}

async fn methods_of(customer: &str) -> Vec<PaymentMethod> {
    let req = payment_methods::list(customer, None, &ListParams::new().limit(20));
    client().send::<List<PaymentMethod>>(req).await.unwrap().data
}

/// A customer with an active subscription, saved payment methods, invoices and payments.
async fn customer_with_everything() -> String {
    for sub in subscriptions_of("", "active").await {
        let id = sub.customer.id().to_string();
        let inv = invoices::list(&id, None, &ListParams::new().limit(1));
        let pay = payment_intents::PaymentIntentListParams {
            customer: Some(id.clone()),
            ..Default::default()
        };
        let c = client();
        if !methods_of(&id).await.is_empty()
            && !c.send::<List<Invoice>>(inv).await.unwrap().data.is_empty()
            && !c
                .send::<List<PaymentIntent>>(payment_intents::list(&pay))
                .await
                .unwrap()
                .data
                .is_empty()
        {
            return id;
        }
    }
    panic!("the demo account has no customer with an active subscription and payments");
}

/// A customer with a default card that charges fine and no subscription yet.
async fn fresh_customer() -> String {
    let list = customers::list(&ListParams::new().limit(100));
    let all = client().send::<List<stripe_app::api::types::Customer>>(list).await.unwrap().data;
    for c in all {
        let billing = client().send::<CustomerBilling>(customers::retrieve(&c.id)).await.unwrap();
        let Some(default) = billing.default_payment_method() else { continue };
        let card = methods_of(&c.id).await.into_iter().find(|pm| pm.id == default);
        let declines = card.and_then(|pm| pm.card).is_none_or(|k| k.last4 == "0341");
        if c.currency.as_deref() == Some("usd")
            && !declines
            && subscriptions_of(&c.id, "all").await.is_empty()
        {
            return c.id;
        }
    }
    panic!("no fresh usd customer in the demo account");
}

#[wasm_bindgen_test]
async fn sections_show_the_customers_subscriptions_methods_invoices_and_payments() {
    let _host = DemoHost::new();
    let id = customer_with_everything().await;
    let subs = subscriptions_of(&id, "all").await;
    let methods = methods_of(&id).await;
    let root = mount("developer", &id);
    wait_for(&root, ".subscription").await;
    wait_for(&root, ".payment-method").await;
    wait_for(&root, ".invoice").await;
    wait_for(&root, ".payment").await;
    assert_eq!(count(&root, ".subscription") as usize, subs.len(), "canceled ones too");
    assert_eq!(count(&root, ".payment-method") as usize, methods.len());
    let text = root.inner_text();
    assert!(text.contains("Active") && text.contains("Next invoice"), "{text}");
    assert!(text.contains(" / month") || text.contains(" / year"), "prices per interval: {text}");
    let card = methods.iter().find_map(|pm| pm.card.as_ref()).expect("a card");
    assert!(text.contains(&format!("•••• {}", card.last4)), "{text}");
    assert_eq!(count(&root, ".payment-method .badge"), 1, "exactly one default: {text}");
    assert!(count(&root, ".invoice") >= 1 && count(&root, ".payment") >= 1);
}

#[wasm_bindgen_test]
async fn subscribing_creates_one_subscription_and_its_invoice_even_on_a_double_click() {
    let host = DemoHost::new();
    let id = fresh_customer().await;
    let root = mount("developer", &id);
    wait_for(&root, ".section-subscriptions .secondary").await;
    button(&root, "Subscribe to a price").click();
    wait_for(&root, ".focus-view select").await;
    let subscribe = button(&root, "Subscribe");
    subscribe.click();
    subscribe.click();
    let done = wait_for(&root, ".subscribed").await;
    let sub_id = done.get_attribute("data-id").unwrap();
    let text = root.inner_text();
    assert!(text.contains("Subscription created") && text.contains("Active"), "{text}");
    let invoice = wait_for(&root, ".first-invoice").await.get_attribute("data-id").unwrap();
    assert!(text.contains("Paid"), "the first invoice is paid: {text}");
    assert_eq!(host.writes("/v1/subscriptions").len(), 1, "a double click sends ONE create");
    button(&root, "Done").click();
    wait_for(&root, &format!(".subscription[data-id='{sub_id}']")).await;
    wait_for(&root, &format!(".invoice[data-id='{invoice}']")).await;
    wait_for(&root, ".payment").await;
    assert!(host.refreshes.get() >= 1, "the Dashboard was told to refresh");
}

#[wasm_bindgen_test]
async fn cancel_asks_for_confirmation_then_cancels_once() {
    let host = DemoHost::new();
    let id = customer_with_everything().await;
    let root = mount("developer", &id);
    wait_for(&root, ".subscription[data-ended='false']").await;
    let live = root.query_selector(".subscription[data-ended='false']").unwrap().unwrap();
    let sub_id = live.get_attribute("data-id").unwrap();
    button(&root, "Cancel").click();
    let ask = wait_for(&root, ".banner-caution").await.text_content().unwrap();
    assert!(ask.contains("Cancel subscription?") && ask.contains(&sub_id), "{ask}");
    button(&root, "Keep it").click();
    wait_until(|| !root.inner_text().contains("Cancel subscription?")).await;
    assert!(host.writes("/v1/subscriptions").is_empty(), "keeping it sends nothing");
    button(&root, "Cancel").click();
    wait_for(&root, ".banner-caution").await;
    let confirm = button(&root, "Cancel subscription");
    confirm.click();
    confirm.click();
    wait_for(&root, &format!(".subscription[data-id='{sub_id}'][data-ended='true']")).await;
    let deletes = host.writes("/v1/subscriptions");
    assert_eq!(deletes.len(), 1, "one cancel");
    assert_eq!(deletes[0].method, Method::Delete);
    assert!(deletes[0].header("Idempotency-Key").is_some());
    assert!(!root.inner_text().contains("Cancel subscription?"));
}

/// Opens the Amazon Pay setup on `id` and creates the link; returns the setup intent's id.
async fn start_amazon_pay(root: &HtmlElement) -> String {
    button(root, "Set up Amazon Pay").click();
    wait_for(root, ".focus-view input").await;
    button(root, "Create authorization link").click();
    let err = wait_for(root, ".focus-view .field-error").await.text_content().unwrap();
    assert!(err.contains("IP address"), "an IP is asked for, not invented: {err}");
    type_into(root, ".focus-view input", "203.0.113.7");
    button(root, "Create authorization link").click();
    let status = wait_for(root, ".setup-status").await;
    let link = wait_for(root, ".setup-status a.link").await;
    let href = link.get_attribute("href").unwrap();
    assert!(href.contains("amazon_pay/authorize?setup_intent=seti_"), "{href}");
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert!(root.query_selector(".setup-status pre code").unwrap().is_some(), "copyable link");
    status.get_attribute("data-id").unwrap()
}

#[wasm_bindgen_test]
async fn amazon_pay_setup_shows_the_link_then_succeeds_and_lists_the_new_method() {
    let host = DemoHost::new();
    let id = fresh_customer().await;
    let before = methods_of(&id).await.len() as u32;
    let root = mount("developer", &id);
    wait_for(&root, ".payment-method").await;
    let seti = start_amazon_pay(&root).await;
    let create = host.writes("/v1/setup_intents");
    assert_eq!(create.len(), 1);
    let body = create[0].body.clone().unwrap();
    assert!(body.contains("mandate_data[customer_acceptance][online][ip_address]=203.0.113.7"));
    assert!(body.contains("[online][user_agent]=Mozilla"), "navigator.userAgent: {body}");
    assert!(root.inner_text().contains("Waiting for the customer"));
    host.backend.borrow_mut().authorize(Mode::Test, &seti, true).unwrap();
    wait_up_to(&root, ".setup-status[data-status='succeeded']", 300).await;
    assert!(root.inner_text().contains("Amazon Pay is set up"));
    wait_for(&root, ".payment-method[data-type='amazon_pay']").await;
    wait_until(|| count(&root, ".payment-method") == before + 1).await;
    assert_eq!(count(&root, ".payment-method"), before + 1);
}

#[wasm_bindgen_test]
async fn a_declined_amazon_pay_setup_says_why() {
    let host = DemoHost::new();
    let id = fresh_customer().await;
    let root = mount("developer", &id);
    wait_for(&root, ".payment-method").await;
    let seti = start_amazon_pay(&root).await;
    host.backend.borrow_mut().authorize(Mode::Test, &seti, false).unwrap();
    let failed = wait_up_to(&root, ".setup-status .banner-critical", 300).await;
    let text = failed.text_content().unwrap();
    assert!(text.contains("Amazon Pay was not set up") && text.len() > 30, "{text}");
    assert!(root.query_selector(".payment-method[data-type='amazon_pay']").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_view_only_user_sees_the_three_actions_disabled_and_why() {
    let host = DemoHost::new();
    let id = customer_with_everything().await;
    let root = mount("view_only", &id);
    wait_for(&root, ".subscription[data-ended='false']").await;
    for (label, permission) in [
        ("Set up Amazon Pay", "setup_intent_write"),
        ("Subscribe to a price", "subscription_write"),
        ("Cancel", "subscription_write"),
    ] {
        let b = button(&root, label);
        assert!(b.has_attribute("disabled"), "{label} is disabled");
        let why = b.title();
        assert!(why.contains(permission) && why.contains("View only"), "{label}: {why}");
    }
    let notes = root.inner_text();
    assert!(
        notes.contains("needs setup_intent_write") && notes.contains("needs subscription_write")
    );
    assert!(host.writes("/v1/").is_empty());
}

#[wasm_bindgen_test]
async fn a_section_the_app_may_not_read_says_why_and_the_others_still_load() {
    let host = DemoHost::new();
    let id = customer_with_everything().await;
    let mut ctx = context("admin", &id);
    ctx.app_context.authorized_permissions.retain(|p| p != "invoice_read");
    host.seen.borrow_mut().clear();
    let root = mount_with(ctx);
    let why = wait_for(&root, ".section-invoices .section-refusal").await.text_content().unwrap();
    assert!(why.contains("stripe-app grant permission invoice_read"), "{why}");
    wait_for(&root, ".subscription").await;
    wait_for(&root, ".payment").await;
    assert!(root.query_selector(".section-invoices .banner-critical").unwrap().is_none());
    let asked = host.seen.borrow().iter().any(|r| r.path.starts_with("/v1/invoices"));
    assert!(!asked, "the refused section never asks");
}
