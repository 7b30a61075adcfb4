//! Browser tests (wasm-bindgen-test in headless Chromium): the bridge and the views, driven
//! through the DOM. Run: `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use stripe_app::api::types::{Customer, List};
use stripe_app::api::{client, customers, pagination::ListParams, ApiRequest, ApiResponse, Method};
use stripe_app::bridge::port::Port;
use stripe_app::bridge::{ToExtension, ToHost};
use stripe_app::context::{ExtensionContext, Mode, ObjectContext};
use stripe_app::extension::link::HostLink;
use stripe_app::extension::{Mount, ViewRouter};
use stripe_app::preview::Backend;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, MessageChannel};

wasm_bindgen_test_configure!(run_in_browser);

/// Navigation requests a test host received: (viewport, object).
type Navigations = Rc<RefCell<Vec<(String, Option<ObjectContext>)>>>;

/// A host on the other end of a real MessageChannel: answers API requests with `answer` and
/// records navigation requests.
struct TestHost {
    navigations: Navigations,
    _port: Rc<RefCell<Option<Port>>>,
}

fn connect(answer: impl FnMut(&ApiRequest) -> ApiResponse + 'static) -> TestHost {
    let channel = MessageChannel::new().unwrap();
    let port: Rc<RefCell<Option<Port>>> = Rc::default();
    let navigations: Navigations = Rc::default();
    let (reply, navs) = (port.clone(), navigations.clone());
    let answer = RefCell::new(answer);
    let host_port = Port::listen::<ToHost>(channel.port2(), move |msg| match msg {
        ToHost::ApiRequest { id, request } => {
            let response = (answer.borrow_mut())(&request);
            reply.borrow().as_ref().unwrap().send(&ToExtension::ApiResponse { id, response });
        }
        ToHost::Navigate { viewport, object_context } => {
            navs.borrow_mut().push((viewport, object_context))
        }
        ToHost::Ready => {}
    });
    *port.borrow_mut() = Some(host_port);
    HostLink::install(channel.port1(), RwSignal::new(None));
    TestHost { navigations, _port: port }
}

/// A host backed by the real preview backend (credential check + demo account).
fn demo_host(mode: Mode) -> TestHost {
    let mut backend = Backend::default();
    connect(move |req| backend.answer(mode, req))
}

fn mount(component: &str, context: ExtensionContext) -> HtmlElement {
    let doc = window().document().unwrap();
    let root: HtmlElement = doc.create_element("section").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&root).unwrap();
    let m = Mount { component: component.into(), context };
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <ViewRouter mount=m /> });
    std::mem::forget(handle);
    root
}

/// Waits (up to ~3 s) until `selector` matches at least one element under `root`.
async fn wait_for(root: &HtmlElement, selector: &str) -> web_sys::Element {
    for _ in 0..150 {
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
    panic!("`{selector}` never appeared; the view shows: {}", root.inner_text());
}

fn rows(root: &HtmlElement) -> Vec<String> {
    let list = root.query_selector_all(".customer-row").unwrap();
    (0..list.length())
        .map(|i| list.get(i).unwrap().unchecked_into::<web_sys::Element>())
        .map(|e| e.get_attribute("data-id").unwrap())
        .collect()
}

fn click(root: &HtmlElement, selector: &str) {
    root.query_selector(selector).unwrap().unwrap().unchecked_into::<HtmlElement>().click();
}

fn button(root: &HtmlElement, label: &str) -> HtmlElement {
    let all = root.query_selector_all("button").unwrap();
    (0..all.length())
        .map(|i| all.get(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|b| b.inner_text().trim() == label)
        .unwrap_or_else(|| panic!("no `{label}` button in: {}", root.inner_text()))
}

async fn settle() {
    for _ in 0..5 {
        leptos::task::tick().await;
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
}

#[wasm_bindgen_test]
async fn api_call_crosses_the_bridge_to_the_demo_account() {
    let _host = demo_host(Mode::Test);
    let params = ListParams { limit: Some(3), ..Default::default() };
    let list: List<Customer> = client::send(customers::list(&params)).await.unwrap();
    assert_eq!(list.data.len(), 3);
    assert!(list.has_more);
    assert!(list.data.iter().all(|c| c.id.starts_with("cus_")));
}

#[wasm_bindgen_test]
async fn host_refuses_a_real_key_and_says_why() {
    let _host = demo_host(Mode::Test);
    let mut req = ApiRequest::new(Method::Get, "/v1/customers", &[]);
    req.headers[0].1 = "Bearer sk_test_51Hx0000000000".into();
    let link = HostLink::current().unwrap();
    let res = link.fetch(req).await.unwrap();
    assert_eq!(res.status, 401);
    assert!(res.body.contains("real Stripe API key"), "{}", res.body);
}

#[wasm_bindgen_test]
async fn customer_list_pages_forward_and_back() {
    let _host = demo_host(Mode::Test);
    let root = mount("CustomerListView", ExtensionContext::mock("stripe.dashboard.customer.list"));
    wait_for(&root, ".customer-row").await;
    let first = rows(&root);
    assert_eq!(first.len(), 10, "a page holds 10 customers");
    assert!(button(&root, "Previous").has_attribute("disabled"), "no page before the first");
    button(&root, "Next").click();
    settle().await;
    let second = rows(&root);
    assert_eq!(second.len(), 10);
    assert!(second.iter().all(|id| !first.contains(id)), "next page shows other customers");
    button(&root, "Previous").click();
    settle().await;
    assert_eq!(rows(&root), first, "previous returns to the first page");
}

#[wasm_bindgen_test]
async fn clicking_a_customer_asks_the_host_to_open_it() {
    let host = demo_host(Mode::Test);
    let root = mount("CustomerListView", ExtensionContext::mock("stripe.dashboard.customer.list"));
    wait_for(&root, ".customer-row").await;
    let id = rows(&root)[0].clone();
    click(&root, ".customer-row .link");
    settle().await;
    let navs = host.navigations.borrow();
    assert_eq!(navs.len(), 1);
    assert_eq!(navs[0].0, "stripe.dashboard.customer.detail");
    assert_eq!(navs[0].1.as_ref().unwrap().id, id);
}

#[wasm_bindgen_test]
async fn empty_account_shows_the_empty_state() {
    let _host = demo_host(Mode::Live);
    let root = mount("CustomerListView", ExtensionContext::mock("stripe.dashboard.customer.list"));
    let empty = wait_for(&root, ".empty-state").await;
    assert!(empty.text_content().unwrap().contains("No customers yet"));
}

#[wasm_bindgen_test]
async fn failed_load_says_what_failed_and_retry_recovers() {
    let fail = Rc::new(RefCell::new(true));
    let flag = fail.clone();
    let mut backend = Backend::default();
    let _host = connect(move |req| {
        if *flag.borrow() {
            ApiResponse::stripe_error(500, "api_error", "The demo backend is down.", None, None)
        } else {
            backend.answer(Mode::Test, req)
        }
    });
    let root = mount("CustomerListView", ExtensionContext::mock("stripe.dashboard.customer.list"));
    let banner = wait_for(&root, ".banner-critical").await;
    let text = banner.text_content().unwrap();
    assert!(text.contains("Couldn't load customers"), "{text}");
    assert!(text.contains("The demo backend is down."), "{text}");
    *fail.borrow_mut() = false;
    button(&root, "Try again").click();
    wait_for(&root, ".customer-row").await;
    assert_eq!(rows(&root).len(), 10);
}

#[wasm_bindgen_test]
async fn customer_detail_shows_the_profile_or_not_found() {
    let _host = demo_host(Mode::Test);
    let first = {
        let params = ListParams { limit: Some(1), ..Default::default() };
        client::send::<List<Customer>>(customers::list(&params)).await.unwrap().data.remove(0)
    };
    let mut ctx = ExtensionContext::mock("stripe.dashboard.customer.detail");
    ctx.environment.object_context =
        Some(ObjectContext { id: first.id.clone(), object: "customer".into() });
    let root = mount("CustomerDetailView", ctx.clone());
    let head = wait_for(&root, ".profile-head h2").await;
    assert_eq!(head.text_content().unwrap(), first.display_name());

    ctx.environment.object_context =
        Some(ObjectContext { id: "cus_doesnotexist".into(), object: "customer".into() });
    let root = mount("CustomerDetailView", ctx);
    let banner = wait_for(&root, ".banner-caution").await;
    let text = banner.text_content().unwrap();
    assert!(text.contains("Customer not found") && text.contains("cus_doesnotexist"), "{text}");
}

#[wasm_bindgen_test]
async fn user_text_is_rendered_as_text_not_markup() {
    let _host = connect(|_req| {
        let mut c: serde_json::Value = serde_json::from_str(FIXTURE_CUSTOMER).unwrap();
        c["name"] = "<img src=x onerror=alert(1)>".into();
        let list = serde_json::json!({"object": "list", "url": "/v1/customers", "has_more": false, "data": [c]});
        ApiResponse::json(200, &list)
    });
    let root = mount("CustomerListView", ExtensionContext::mock("stripe.dashboard.customer.list"));
    wait_for(&root, ".customer-row").await;
    assert!(root.query_selector(".customer-row img").unwrap().is_none());
    assert!(root.inner_text().contains("<img src=x onerror=alert(1)>"));
}

#[wasm_bindgen_test]
async fn unknown_component_explains_instead_of_a_blank_drawer() {
    let root = mount("NoSuchView", ExtensionContext::mock("stripe.dashboard.payment.list"));
    let banner = wait_for(&root, ".banner-critical").await;
    let text = banner.text_content().unwrap();
    assert!(text.contains("NoSuchView") && text.contains("stripe-app add view"), "{text}");
}

#[wasm_bindgen_test]
async fn settings_show_the_apps_permissions_and_endpoints() {
    let mut ctx = ExtensionContext::mock("app.settings");
    ctx.app_context.authorized_permissions = vec!["customer_read".into(), "secret_write".into()];
    ctx.app_context.authorized_content_security_policy.connect_src =
        Some(vec!["https://sync.customer-sync.example/api/".into()]);
    let root = mount("AppSettings", ctx);
    let chips = wait_for(&root, ".chips").await;
    assert_eq!(chips.children().length(), 2);
    let text = root.inner_text();
    assert!(text.contains("Authorized permissions (2)"), "{text}");
    assert!(text.contains("https://sync.customer-sync.example/api/"), "{text}");
}

const FIXTURE_CUSTOMER: &str = r#"{"id":"cus_QXg1o8vcGmoR32","object":"customer","address":null,
"balance":0,"created":1234567890,"currency":"usd","delinquent":false,"description":null,
"email":"jenny@example.com","invoice_prefix":"7FE1103","livemode":false,"metadata":{},
"name":"Jenny","phone":null,"preferred_locales":[],"tax_exempt":"none"}"#;
