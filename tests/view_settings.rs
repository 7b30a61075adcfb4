//! Browser tests of `app.settings` and sync on save (wasm-bindgen-test in headless Chromium),
//! through the real bridge to the preview backend (DemoAccount::seeded()).
//! Run: `cargo test --target wasm32-unknown-unknown --test view_settings`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use stripe_app::api::client::Client;
use stripe_app::api::secrets::{self, Scope};
use stripe_app::api::types::{Customer, List, Secret};
use stripe_app::api::{customers, pagination::ListParams, ApiRequest, ApiResponse, Method};
use stripe_app::bridge::port::Port;
use stripe_app::bridge::{ToExtension, ToHost};
use stripe_app::context::{ExtensionContext, Mode};
use stripe_app::extension::link::HostLink;
use stripe_app::extension::{Mount, ViewRouter};
use stripe_app::forms::settings::{AppSettings, SETTINGS_SECRET};
use stripe_app::preview::{Backend, PreviewState};
use stripe_app::ui::Toaster;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, MessageChannel};

wasm_bindgen_test_configure!(run_in_browser);

/// Inside the manifest's connect-src, and resolving nowhere under the test browser's flags
/// (webdriver.json maps every host name to NOTFOUND).
const ENDPOINT: &str = "https://sync.customer-sync.example/api/customers";

/// Every request the host received, in order.
type Seen = Rc<RefCell<Vec<ApiRequest>>>;

/// The host end of a real MessageChannel, answering from the preview backend with `role`'s
/// rights and recording each request; `fail_finds` makes settings reads fail with a 500, and
/// `fail_writes` that many Secret Store writes.
struct TestHost {
    seen: Seen,
    fail_finds: Rc<RefCell<bool>>,
    fail_writes: Rc<RefCell<usize>>,
    _port: Rc<RefCell<Option<Port>>>,
}

fn host(role: &str) -> TestHost {
    let channel = MessageChannel::new().unwrap();
    let port: Rc<RefCell<Option<Port>>> = Rc::default();
    let (seen, fail_finds): (Seen, _) = (Rc::default(), Rc::new(RefCell::new(false)));
    let fail_writes = Rc::new(RefCell::new(0));
    let (reply, log, failing) = (port.clone(), seen.clone(), fail_finds.clone());
    let failing_writes = fail_writes.clone();
    let roles = context(&format!("viewport=app.settings&role={role}")).user_context.roles;
    let backend = RefCell::new(Backend::default());
    let host_port = Port::listen::<ToHost>(channel.port2(), move |msg| {
        if let ToHost::ApiRequest { id, request } = msg {
            log.borrow_mut().push(request.clone());
            let path = request.path_only();
            let write = request.method == Method::Post && path == "/v1/apps/secrets";
            let response = if *failing.borrow() && path == "/v1/apps/secrets/find" {
                ApiResponse::stripe_error(500, "api_error", "The Secret Store is down.", None, None)
            } else if write && *failing_writes.borrow() > 0 {
                *failing_writes.borrow_mut() -= 1;
                ApiResponse::stripe_error(500, "api_error", "The connection dropped.", None, None)
            } else {
                backend.borrow_mut().answer(Mode::Test, &roles, &request)
            };
            reply.borrow().as_ref().unwrap().send(&ToExtension::ApiResponse { id, response });
        }
    });
    *port.borrow_mut() = Some(host_port);
    HostLink::install(channel.port1(), RwSignal::new(None));
    TestHost { seen, fail_finds, fail_writes, _port: port }
}

impl TestHost {
    /// Writes to the Secret Store (`POST /v1/apps/secrets`).
    fn secret_writes(&self) -> usize {
        let seen = self.seen.borrow();
        seen.iter()
            .filter(|r| r.method == Method::Post && r.path_only() == "/v1/apps/secrets")
            .count()
    }

    /// The `Idempotency-Key` of each Secret Store write, in order.
    fn write_keys(&self) -> Vec<String> {
        let seen = self.seen.borrow();
        let writes = seen.iter().filter(|r| r.method == Method::Post);
        writes.map(|r| r.header("Idempotency-Key").unwrap().to_string()).collect()
    }

    fn secret_requests(&self) -> usize {
        self.seen.borrow().iter().filter(|r| r.path_only().starts_with("/v1/apps/secrets")).count()
    }
}

/// The context the preview host gives a view for the deep-link query `q`.
fn context(q: &str) -> ExtensionContext {
    let manifest = stripe_app::manifest::parse(include_str!("../stripe-app.json")).unwrap();
    PreviewState::from_query(q, &manifest).context(&manifest)
}

fn settings_context(role: &str) -> ExtensionContext {
    context(&format!("viewport=app.settings&role={role}"))
}

/// Mounts `component` as the extension does: inside the app's one Toaster.
fn mount(component: &str, context: ExtensionContext) -> HtmlElement {
    let doc = window().document().unwrap();
    let root: HtmlElement = doc.create_element("section").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&root).unwrap();
    let m = Mount { component: component.into(), context };
    let handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <Toaster><ViewRouter mount=m /></Toaster> },
    );
    std::mem::forget(handle);
    root
}

/// Waits (up to ~6 s: answers may come after the client's retries) for `selector`.
async fn wait_for(root: &HtmlElement, selector: &str) -> web_sys::Element {
    for _ in 0..300 {
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

fn el(root: &HtmlElement, selector: &str) -> web_sys::Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

fn value(root: &HtmlElement, selector: &str) -> String {
    js_sys::Reflect::get(&el(root, selector), &"value".into()).unwrap().as_string().unwrap()
}

/// Sets the control's value and fires `event` (`input` for text, `change` for a select).
fn set_value(root: &HtmlElement, selector: &str, text: &str, event: &str) {
    let control = el(root, selector);
    js_sys::Reflect::set(&control, &"value".into(), &text.into()).unwrap();
    control.dispatch_event(&web_sys::Event::new(event).unwrap()).unwrap();
}

fn button(root: &HtmlElement, label: &str) -> HtmlElement {
    let all = root.query_selector_all("button").unwrap();
    (0..all.length())
        .map(|i| all.get(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|b| b.inner_text().trim() == label)
        .unwrap_or_else(|| panic!("no `{label}` button in: {}", root.inner_text()))
}

fn switch_on(root: &HtmlElement) -> bool {
    el(root, ".settings-form [role=switch]").get_attribute("aria-checked").as_deref()
        == Some("true")
}

fn disabled(root: &HtmlElement, selector: &str) -> bool {
    el(root, selector).matches(":disabled").unwrap()
}

/// Stores `settings` as the app would, through the bridge (a developer's rights).
async fn store(settings: &AppSettings) {
    let client = Client::new(&settings_context("developer"));
    let request = secrets::set(&Scope::Account, SETTINGS_SECRET, &settings.to_payload(), None, "k");
    client.send::<Secret>(request).await.unwrap();
}

async fn first_customer() -> Customer {
    let params = ListParams { limit: Some(1), ..Default::default() };
    let client = Client::new(&settings_context("developer"));
    client.send::<List<Customer>>(customers::list(&params)).await.unwrap().data.remove(0)
}

#[wasm_bindgen_test]
async fn first_load_shows_the_defaults_and_the_recurring_prices() {
    let _host = host("developer");
    let root = mount("AppSettings", settings_context("developer"));
    wait_for(&root, ".settings-form select").await;
    assert_eq!(value(&root, ".settings-form input"), "");
    assert_eq!(value(&root, ".settings-form select"), "", "None is selected");
    assert!(!switch_on(&root));
    let options = root.query_selector_all(".settings-form option").unwrap();
    assert!(options.length() > 1, "recurring prices are offered: {}", root.inner_text());
    let first: HtmlElement = options.get(0).unwrap().unchecked_into();
    assert_eq!(first.inner_text(), "None");
    let second: HtmlElement = options.get(1).unwrap().unchecked_into();
    assert!(second.inner_text().contains(" / ") || second.inner_text().contains("every"));
    assert!(!button(&root, "Save").has_attribute("disabled"));
    // What was there before stays: the user's rights and the app's lists.
    assert!(root.inner_text().contains("Authorized permissions"));
}

#[wasm_bindgen_test]
async fn a_url_outside_connect_src_shows_the_guards_reason_and_save_is_refused() {
    let host = host("developer");
    let root = mount("AppSettings", settings_context("developer"));
    wait_for(&root, ".settings-form select").await;
    for (url, rule) in [
        ("https://evil.example/api/customers", "no connect-src entry matches https://evil.example"),
        ("https://sync.customer-sync.example/admin", "path /admin is outside"),
        ("http://sync.customer-sync.example/api/customers", "scheme http:"),
    ] {
        set_value(&root, ".settings-form input", url, "input");
        let error_text = || {
            let error = root.query_selector(".settings-form .field-error").unwrap();
            error.and_then(|e| e.text_content()).unwrap_or_default()
        };
        wait_until(|| error_text().contains(rule)).await;
        let error = error_text();
        assert!(error.contains(rule) && error.contains("The app may not call this URL"), "{error}");
        assert!(button(&root, "Save").has_attribute("disabled"), "{url}");
        button(&root, "Save").click();
    }
    set_value(&root, ".settings-form input", ENDPOINT, "input");
    wait_until(|| root.query_selector(".settings-form .field-error").unwrap().is_none()).await;
    assert!(root.query_selector(".settings-form .field-error").unwrap().is_none());
    assert!(!button(&root, "Save").has_attribute("disabled"));
    assert_eq!(host.secret_writes(), 0, "nothing was saved while the URL was refused");
}

#[wasm_bindgen_test]
async fn saving_writes_one_secret_and_a_remount_shows_the_saved_values() {
    let host = host("developer");
    let root = mount("AppSettings", settings_context("developer"));
    wait_for(&root, ".settings-form select").await;
    set_value(&root, ".settings-form input", ENDPOINT, "input");
    el(&root, ".settings-form [role=switch]").unchecked_into::<HtmlElement>().click();
    let price = el(&root, ".settings-form option:nth-child(2)").get_attribute("value").unwrap();
    set_value(&root, ".settings-form select", &price, "change");
    leptos::task::tick().await;
    let save = button(&root, "Save");
    save.click();
    save.click(); // a double click is one save
    wait_until(|| root.inner_text().contains("Saved.")).await;
    assert!(root.inner_text().contains("Saved."), "{}", root.inner_text());
    assert_eq!(host.secret_writes(), 1);
    let toast = wait_for(&root, ".toast-success").await.text_content().unwrap();
    assert!(toast.contains("Settings saved"), "{toast}");

    // The view mounted again (another viewport and back, a reloaded frame) reads them back.
    let again = mount("AppSettings", settings_context("admin"));
    wait_for(&again, ".settings-form select").await;
    assert_eq!(value(&again, ".settings-form input"), ENDPOINT);
    assert_eq!(value(&again, ".settings-form select"), price);
    assert!(switch_on(&again));
    assert_eq!(host.secret_writes(), 1);
}

#[wasm_bindgen_test]
async fn a_failed_save_keeps_the_values_and_its_retry_reuses_the_key() {
    let host = host("developer");
    // Three failures: the first attempt and the client's two automatic retries.
    *host.fail_writes.borrow_mut() = 3;
    let root = mount("AppSettings", settings_context("developer"));
    wait_for(&root, ".settings-form select").await;
    set_value(&root, ".settings-form input", ENDPOINT, "input");
    button(&root, "Save").click();
    let banner = wait_for(&root, ".banner-critical").await.text_content().unwrap();
    assert!(
        banner.contains("Couldn't save the settings") && banner.contains("The connection dropped."),
        "{banner}"
    );
    assert_eq!(value(&root, ".settings-form input"), ENDPOINT, "the values stay");
    button(&root, "Save").click();
    wait_until(|| root.inner_text().contains("Saved.")).await;
    let keys = host.write_keys();
    assert_eq!(keys.len(), 4, "three failed attempts, then the merchant's retry");
    assert!(keys.iter().all(|k| *k == keys[0]), "one key for the whole save: {keys:?}");
    assert!(root.query_selector(".banner-critical").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_failed_settings_read_says_why_and_retry_recovers() {
    let host = host("developer");
    *host.fail_finds.borrow_mut() = true;
    let root = mount("AppSettings", settings_context("developer"));
    let banner = wait_for(&root, ".banner-critical").await.text_content().unwrap();
    assert!(
        banner.contains("Couldn't load the settings")
            && banner.contains("The Secret Store is down."),
        "{banner}"
    );
    assert!(
        root.query_selector(".settings-form").unwrap().is_none(),
        "no form over unknown values"
    );
    *host.fail_finds.borrow_mut() = false;
    button(&root, "Try again").click();
    wait_for(&root, ".settings-form select").await;
}

#[wasm_bindgen_test]
async fn an_unreadable_secret_is_shown_and_saving_replaces_it() {
    let host = host("developer");
    let client = Client::new(&settings_context("developer"));
    let request = secrets::set(&Scope::Account, SETTINGS_SECRET, "not json", None, "k0");
    client.send::<Secret>(request).await.unwrap();
    let root = mount("AppSettings", settings_context("developer"));
    let banner = wait_for(&root, ".banner-caution").await.text_content().unwrap();
    assert!(banner.contains("can't be read") && banner.contains("saving replaces"), "{banner}");
    assert_eq!(value(&root, ".settings-form input"), "", "the form starts from the defaults");
    button(&root, "Save").click();
    wait_until(|| root.inner_text().contains("Saved.")).await;
    assert!(root.query_selector(".banner-caution").unwrap().is_none(), "{}", root.inner_text());
    assert_eq!(host.secret_writes(), 2);
}

#[wasm_bindgen_test]
async fn a_view_only_user_sees_the_form_disabled_with_the_permission_named() {
    let host = host("view_only");
    let root = mount("AppSettings", settings_context("view_only"));
    let banner = wait_for(&root, ".banner-caution").await.text_content().unwrap();
    assert!(
        banner.contains("You can't change these settings")
            && banner.contains("secret_write")
            && banner.contains("View only"),
        "{banner}"
    );
    assert!(disabled(&root, ".settings-form input"));
    assert!(disabled(&root, ".settings-form select"));
    assert!(disabled(&root, ".settings-form [role=switch]"));
    assert!(button(&root, "Save").has_attribute("disabled"));
    leptos::task::tick().await;
    assert_eq!(host.secret_requests(), 0, "the Secret Store is not even asked");
}

/// Opens the editor of `customer`, types `description`, saves.
async fn edit_and_save(root: &HtmlElement, description: &str) {
    wait_for(root, ".profile-head").await;
    button(root, "Edit details").click();
    wait_for(root, ".focus-view textarea").await;
    set_value(root, ".focus-view textarea", description, "input");
    button(root, "Save").click();
}

#[wasm_bindgen_test]
async fn with_sync_on_a_failed_sync_is_reported_and_the_customer_stays_saved() {
    let _host = host("developer");
    store(&AppSettings {
        sync_endpoint: ENDPOINT.into(),
        sync_on_save: true,
        ..Default::default()
    })
    .await;
    let c = first_customer().await;
    let ctx = context(&format!("viewport=stripe.dashboard.customer.detail&object={}", c.id));
    let root = mount("CustomerDetailView", ctx);
    edit_and_save(&root, "Synced or not, saved").await;
    let toast = wait_for(&root, ".toast-caution").await.text_content().unwrap();
    assert!(
        toast.contains("Customer saved, but not synced")
            && toast.contains(ENDPOINT)
            && toast.contains("could not be reached"),
        "{toast}"
    );
    wait_until(|| root.inner_text().contains("Synced or not, saved")).await;
    assert!(root.inner_text().contains("Customer updated"), "{}", root.inner_text());
    assert!(root.inner_text().contains("Synced or not, saved"), "{}", root.inner_text());
    let client = Client::new(&settings_context("developer"));
    let stored = client.send::<Customer>(customers::retrieve(&c.id)).await.unwrap();
    assert_eq!(stored.description.as_deref(), Some("Synced or not, saved"));
}

#[wasm_bindgen_test]
async fn a_sync_endpoint_the_guard_refuses_is_reported_and_never_fetched() {
    let _host = host("developer");
    let outside = "https://evil.example/collect";
    store(&AppSettings { sync_endpoint: outside.into(), sync_on_save: true, ..Default::default() })
        .await;
    let c = first_customer().await;
    let ctx = context(&format!("viewport=stripe.dashboard.customer.detail&object={}", c.id));
    let root = mount("CustomerDetailView", ctx);
    edit_and_save(&root, "Refused sync").await;
    let toast = wait_for(&root, ".toast-caution").await.text_content().unwrap();
    assert!(
        toast.contains("the app may not call")
            && toast.contains(outside)
            && toast.contains("no connect-src entry"),
        "{toast}"
    );
    wait_until(|| root.inner_text().contains("Refused sync")).await;
    assert!(root.inner_text().contains("Refused sync"), "{}", root.inner_text());
    assert_eq!(network_entries(outside), 0, "a refused URL never reaches the network");
}

/// Resource-timing entries the browser recorded for `url` (a fetch that left the page).
fn network_entries(url: &str) -> u32 {
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).unwrap();
    let get: js_sys::Function =
        js_sys::Reflect::get(&perf, &"getEntriesByName".into()).unwrap().unchecked_into();
    let entries: js_sys::Array = get.call1(&perf, &url.into()).unwrap().unchecked_into();
    entries.length()
}

#[wasm_bindgen_test]
async fn with_sync_off_saving_a_customer_sends_nothing_and_says_nothing() {
    let host = host("developer");
    store(&AppSettings {
        sync_endpoint: ENDPOINT.into(),
        sync_on_save: false,
        ..Default::default()
    })
    .await;
    let c = first_customer().await;
    let ctx = context(&format!("viewport=stripe.dashboard.customer.detail&object={}", c.id));
    let root = mount("CustomerDetailView", ctx);
    edit_and_save(&root, "No sync").await;
    wait_until(|| root.inner_text().contains("Customer updated")).await;
    let finds =
        || host.seen.borrow().iter().filter(|r| r.path_only() == "/v1/apps/secrets/find").count();
    wait_until(|| finds() == 1).await;
    assert_eq!(finds(), 1, "the settings are read at save time");
    gloo_timers::future::TimeoutFuture::new(100).await;
    assert!(root.query_selector(".toast").unwrap().is_none(), "{}", root.inner_text());
}
