//! Browser tests (wasm-bindgen-test in headless Chromium): the bridge and the views, driven
//! through the DOM. Run: `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use stripe_app::api::client::Client;
use stripe_app::api::types::{Customer, List};
use stripe_app::api::{
    customers, pagination::ListParams, ApiError, ApiRequest, ApiResponse, Method,
};
use stripe_app::bridge::port::Port;
use stripe_app::bridge::{ToExtension, ToHost};
use stripe_app::context::{ExtensionContext, Mode, ObjectContext};
use stripe_app::extension::fetch::{fetch, FetchError, Outbound};
use stripe_app::extension::link::HostLink;
use stripe_app::extension::{Mount, ViewRouter};
use stripe_app::preview::{Backend, PreviewState};
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
        ToHost::Ready | ToHost::RefreshDashboardData => {}
    });
    *port.borrow_mut() = Some(host_port);
    HostLink::install(channel.port1(), RwSignal::new(None));
    TestHost { navigations, _port: port }
}

/// The context the preview host gives a view: our manifest's permissions and CSP, the user
/// of `role`, the viewport and object of the deep-link query `q`.
fn context(q: &str) -> ExtensionContext {
    let manifest = stripe_app::manifest::parse(include_str!("../stripe-app.json")).unwrap();
    PreviewState::from_query(q, &manifest).context(&manifest)
}

fn list_context() -> ExtensionContext {
    context("viewport=stripe.dashboard.customer.list&role=developer")
}

/// A host backed by the real preview backend (credential check, role check, demo account),
/// for a developer.
fn demo_host(mode: Mode) -> TestHost {
    let mut backend = Backend::default();
    let roles = list_context().user_context.roles;
    connect(move |req| backend.answer(mode, &roles, req))
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
    wait_up_to(root, selector, 150).await
}

/// Like [`wait_for`], for up to ~6 s (answers that come after the client's retries).
async fn wait_for_long(root: &HtmlElement, selector: &str) -> web_sys::Element {
    wait_up_to(root, selector, 300).await
}

async fn wait_up_to(root: &HtmlElement, selector: &str, polls: u32) -> web_sys::Element {
    for _ in 0..polls {
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

/// Polls (up to ~4 s) until `done()` holds; the assertions after it say what was expected.
async fn wait_until(done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
}

fn focus_view_open(root: &HtmlElement) -> bool {
    root.query_selector(".focus-view").unwrap().is_some()
}

/// The `Idempotency-Key` of each POST a recording host received, in order.
fn post_keys(seen: &RefCell<Vec<ApiRequest>>) -> Vec<String> {
    seen.borrow()
        .iter()
        .filter(|r| r.method == Method::Post)
        .map(|r| r.header("Idempotency-Key").unwrap().to_string())
        .collect()
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
    let list: List<Customer> =
        Client::new(&list_context()).send(customers::list(&params)).await.unwrap();
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
    let res = link.fetch(req, false).await.unwrap();
    assert_eq!(res.status, 401);
    assert!(res.body.contains("real Stripe API key"), "{}", res.body);
}

#[wasm_bindgen_test]
async fn customer_list_pages_forward_and_back() {
    let _host = demo_host(Mode::Test);
    let root = mount("CustomerListView", list_context());
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
    let root = mount("CustomerListView", list_context());
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
    let root = mount("CustomerListView", list_context());
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
            backend.answer(Mode::Test, &list_context().user_context.roles, req)
        }
    });
    let root = mount("CustomerListView", list_context());
    let banner = wait_for_long(&root, ".banner-critical").await;
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
        let client = Client::new(&list_context());
        client.send::<List<Customer>>(customers::list(&params)).await.unwrap().data.remove(0)
    };
    let mut ctx = context("viewport=stripe.dashboard.customer.detail&role=developer");
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
    let root = mount("CustomerListView", list_context());
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

/// Resource-timing entries the browser recorded for `url` (a fetch that left the page).
fn network_entries(url: &str) -> u32 {
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).unwrap();
    let get: js_sys::Function =
        js_sys::Reflect::get(&perf, &"getEntriesByName".into()).unwrap().unchecked_into();
    let entries: js_sys::Array = get.call1(&perf, &url.into()).unwrap().unchecked_into();
    entries.length()
}

fn context_allowing(entries: &[&str]) -> ExtensionContext {
    let mut ctx = ExtensionContext::mock("app.settings");
    ctx.app_context.authorized_content_security_policy.connect_src =
        Some(entries.iter().map(|e| e.to_string()).collect());
    ctx
}

#[wasm_bindgen_test]
async fn guarded_fetch_reaches_an_allowed_endpoint() {
    let origin = window().location().origin().unwrap();
    let ctx = context_allowing(&[&format!("{origin}/tests/csp/")]);
    let url = format!("{origin}/tests/csp/corpus.json");
    let res =
        fetch(&ctx, Outbound { method: "GET", url: url.clone(), json_body: None }).await.unwrap();
    assert_eq!(res.status, 200);
    assert!(res.body.contains("\"lists\""));
    assert_eq!(network_entries(&url), 1);
}

#[wasm_bindgen_test]
async fn refused_fetches_never_reach_the_network_and_say_why() {
    let origin = window().location().origin().unwrap();
    let ctx = context_allowing(&[&format!("{origin}/tests/csp/")]);
    for (url, rule) in [
        (format!("{origin}/tests/web.rs"), "outside the connect-src entry"),
        (format!("{origin}/tests/csp/%2e%2e/web.rs"), "outside the connect-src entry"),
        ("https://evil.example.com/x".to_string(), "no connect-src entry matches"),
        ("https://api.stripe.com/v1/customers".to_string(), "through the API client"),
    ] {
        let err = fetch(
            &ctx,
            Outbound { method: "POST", url: url.clone(), json_body: Some("{}".into()) },
        )
        .await
        .unwrap_err();
        assert!(matches!(err, FetchError::Refused(_)), "{err}");
        let text = err.to_string();
        assert!(text.contains(&url) && text.contains(rule), "{text}");
        assert_eq!(network_entries(&url), 0, "{url} must not reach the network");
        // One error type for views: the refusal becomes `ApiError::Blocked`, url and rule kept.
        let blocked = ApiError::from(err);
        assert_eq!(blocked.kind(), stripe_app::api::ErrorKind::Blocked);
        let text = blocked.to_string();
        assert!(text.contains(&url) && text.contains(rule), "{text}");
    }
}

/// Types `text` into the field matched by `selector` (sets the value, fires `input`).
fn type_into(root: &HtmlElement, selector: &str, text: &str) {
    let el = root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"));
    js_sys::Reflect::set(&el, &"value".into(), &text.into()).unwrap();
    el.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

/// A demo host that records each request and can fail the first `fail` writes with a 500.
fn recording_host(fail: usize) -> (TestHost, Rc<RefCell<Vec<ApiRequest>>>) {
    let seen: Rc<RefCell<Vec<ApiRequest>>> = Rc::default();
    let log = seen.clone();
    let mut backend = Backend::default();
    let roles = list_context().user_context.roles;
    let mut failures = fail;
    let host = connect(move |req| {
        log.borrow_mut().push(req.clone());
        if req.method == Method::Post && failures > 0 {
            failures -= 1;
            return ApiResponse::stripe_error(
                500,
                "api_error",
                "The connection dropped.",
                None,
                None,
            );
        }
        backend.answer(Mode::Test, &roles, req)
    });
    (host, seen)
}

async fn first_customer() -> Customer {
    let params = ListParams { limit: Some(1), ..Default::default() };
    let client = Client::new(&list_context());
    client.send::<List<Customer>>(customers::list(&params)).await.unwrap().data.remove(0)
}

fn detail_context(role: &str, id: &str) -> ExtensionContext {
    context(&format!("viewport=stripe.dashboard.customer.detail&object={id}&role={role}"))
}

#[wasm_bindgen_test]
async fn a_view_only_user_sees_edit_disabled_and_why() {
    let _host = demo_host(Mode::Test);
    let c = first_customer().await;
    let root = mount("CustomerDetailView", detail_context("view_only", &c.id));
    wait_for(&root, ".profile-head").await;
    let edit = button(&root, "Edit details");
    assert!(edit.has_attribute("disabled"));
    let why = wait_for(&root, ".refusal").await.text_content().unwrap();
    assert!(why.contains("customer_write") && why.contains("View only"), "{why}");
    assert_eq!(edit.title(), why, "the reason is also the button's tooltip");
}

#[wasm_bindgen_test]
async fn an_app_without_the_permission_says_the_manifest_lacks_it() {
    let _host = demo_host(Mode::Test);
    let c = first_customer().await;
    let mut ctx = detail_context("admin", &c.id);
    ctx.app_context.authorized_permissions.retain(|p| p != "customer_write");
    let root = mount("CustomerDetailView", ctx);
    let why = wait_for(&root, ".refusal").await.text_content().unwrap();
    assert!(
        why.contains("manifest does not request")
            && why.contains("stripe-app grant permission customer_write"),
        "{why}"
    );
}

#[wasm_bindgen_test]
async fn a_refused_write_never_reaches_the_host() {
    let (_host, seen) = recording_host(0);
    let viewer = Client::new(&detail_context("view_only", "cus_x"));
    let update = customers::CustomerUpdate { description: Some("x".into()), ..Default::default() };
    let err = viewer.send::<Customer>(customers::update("cus_x", &update, "k1")).await.unwrap_err();
    assert!(matches!(err, ApiError::Refused(_)), "{err}");
    assert!(seen.borrow().is_empty(), "nothing was sent: {:?}", seen.borrow());
}

#[wasm_bindgen_test]
async fn editing_saves_the_description_and_metadata() {
    let _host = demo_host(Mode::Test);
    let c = first_customer().await;
    let root = mount("CustomerDetailView", detail_context("developer", &c.id));
    wait_for(&root, ".profile-head").await;
    button(&root, "Edit details").click();
    wait_for(&root, ".focus-view textarea").await;
    type_into(&root, ".focus-view textarea", "Prefers invoices by email");
    button(&root, "Add metadata").click();
    settle().await;
    let n = root.query_selector_all(".metadata-row").unwrap().length();
    type_into(&root, &format!(".metadata-row:nth-of-type({n}) input[type=text]"), "renewal");
    let values = root.query_selector_all(".metadata-row input").unwrap();
    let last_value = values.get(values.length() - 1).unwrap();
    js_sys::Reflect::set(&last_value, &"value".into(), &"2027-01".into()).unwrap();
    last_value.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    button(&root, "Save").click();
    wait_for(&root, ".banner").await;
    wait_until(|| {
        root.inner_text().contains("Prefers invoices by email") && !focus_view_open(&root)
    })
    .await;
    let text = root.inner_text();
    assert!(text.contains("Customer updated"), "{text}");
    assert!(
        text.contains("Prefers invoices by email")
            && text.contains("renewal")
            && text.contains("2027-01"),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn a_failed_save_keeps_the_edit_and_the_retry_reuses_its_key() {
    // Three failures: the first attempt and the client's two automatic retries.
    let (_host, seen) = recording_host(3);
    let c = first_customer().await;
    let root = mount("CustomerDetailView", detail_context("developer", &c.id));
    wait_for(&root, ".profile-head").await;
    button(&root, "Edit details").click();
    wait_for(&root, ".focus-view textarea").await;
    type_into(&root, ".focus-view textarea", "Second try wins");
    button(&root, "Save").click();
    let banner = wait_for_long(&root, ".focus-view .banner-critical").await.text_content().unwrap();
    assert!(
        banner.contains("Your changes are still here")
            && banner.contains("The connection dropped."),
        "{banner}"
    );
    let kept = root.query_selector(".focus-view textarea").unwrap().unwrap();
    assert_eq!(
        js_sys::Reflect::get(&kept, &"value".into()).unwrap().as_string().unwrap(),
        "Second try wins"
    );
    button(&root, "Save").click();
    wait_until(|| !focus_view_open(&root)).await;
    let keys = post_keys(&seen);
    assert_eq!(keys.len(), 4, "three failed attempts, then the user's retry");
    assert!(keys.iter().all(|k| *k == keys[0]), "every attempt of the action reuses its key");
    wait_until(|| root.inner_text().contains("Second try wins")).await;
    assert!(root.inner_text().contains("Second try wins"), "{}", root.inner_text());
}

#[wasm_bindgen_test]
async fn settings_strike_out_what_the_users_role_refuses() {
    let ctx = context("viewport=app.settings&role=view_only");
    let writes =
        ctx.app_context.authorized_permissions.iter().filter(|p| p.ends_with("_write")).count();
    let root = mount("AppSettings", ctx);
    wait_for(&root, ".chips").await;
    let denied = root.query_selector_all(".chip-denied").unwrap();
    assert_eq!(denied.length() as usize, writes, "a view-only user may use no write permission");
    let first: web_sys::Element = denied.get(0).unwrap().unchecked_into();
    assert!(first.get_attribute("title").unwrap().contains("View only"));
    let admin = mount("AppSettings", context("viewport=app.settings&role=admin"));
    wait_for(&admin, ".chips").await;
    assert_eq!(admin.query_selector_all(".chip-denied").unwrap().length(), 0);
}

#[wasm_bindgen_test]
async fn a_passing_server_error_is_retried_with_the_same_key_and_no_banner() {
    let (_host, seen) = recording_host(1);
    let c = first_customer().await;
    let root = mount("CustomerDetailView", detail_context("developer", &c.id));
    wait_for(&root, ".profile-head").await;
    button(&root, "Edit details").click();
    wait_for(&root, ".focus-view textarea").await;
    type_into(&root, ".focus-view textarea", "Saved on the second attempt");
    button(&root, "Save").click();
    // The editor closes on success; the profile shows the saved text once it has re-read it.
    wait_until(|| !focus_view_open(&root)).await;
    wait_until(|| root.inner_text().contains("Saved on the second attempt")).await;
    assert!(root.inner_text().contains("Saved on the second attempt"), "{}", root.inner_text());
    let posts = post_keys(&seen);
    assert_eq!(posts.len(), 2, "one 500, one automatic retry");
    assert_eq!(posts[0], posts[1]);
}

// The typed client through the real bridge to the demo account: the auto-pager streams every
// customer page by page, and an Amazon Pay setup comes back waiting for the customer.
#[wasm_bindgen_test]
async fn the_typed_client_pages_and_sets_up_amazon_pay_through_the_bridge() {
    use futures::StreamExt;
    use stripe_app::api::setup_intents::{self, SetupIntentCreate};
    use stripe_app::api::types::{SetupIntent, SetupIntentStatus};
    let _host = demo_host(Mode::Test);
    let client = Client::new(&list_context());
    let total = stripe_app::demo::DemoAccount::seeded().customers().len();
    let pages: Vec<_> =
        client.pages::<Customer, _>(customers::list, ListParams::new().limit(30)).collect().await;
    assert_eq!(pages.len(), total.div_ceil(30));
    let seen: Vec<String> = pages.into_iter().flat_map(|p| p.unwrap().data).map(|c| c.id).collect();
    assert_eq!(seen.len(), total);
    let customer = &seen[0];
    let setup = SetupIntentCreate::amazon_pay(customer, "https://example.com/back", "1", "ua");
    let admin = Client::new(&context("viewport=stripe.dashboard.customer.list&role=admin"));
    let intent: SetupIntent = admin.send(setup_intents::create(&setup, "key-1")).await.unwrap();
    assert_eq!(intent.status, SetupIntentStatus::RequiresAction);
    assert!(intent.redirect_url().is_some());
}
