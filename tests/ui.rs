//! Browser tests (wasm-bindgen-test in headless Chromium) of the UI kit in src/ui: what a user
//! notices, through the DOM. Run: `cargo test --target wasm32-unknown-unknown --test ui`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::time::Duration;
use stripe_app::ui::{
    use_toast, Align, Checkbox, Link, Select, Switch, Table, TableBody, TableCell, TableHead,
    TableHeaderCell, TableRow, ToastHandle, ToastKind, Toaster,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Markup an attacker might put in a customer's name.
const HOSTILE: &str = "<img src=x onerror=alert(1)>";

/// Mounts `view` in a fresh `<section>` of the page and returns the section.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> HtmlElement {
    let doc = window().document().unwrap();
    let root: HtmlElement = doc.create_element("section").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&root).unwrap();
    std::mem::forget(leptos::mount::mount_to(root.clone(), view));
    root
}

fn find(root: &HtmlElement, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no `{selector}` in: {}", root.inner_html()))
}

fn find_all(root: &HtmlElement, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.get(i).unwrap().unchecked_into()).collect()
}

/// Dispatches a `keydown` of `key` ("Enter", " ") that bubbles, as a keyboard would.
fn press_key(el: &Element, key: &str) {
    let init = js_sys::Object::new();
    for (name, value) in
        [("key", key.into()), ("bubbles", true.into()), ("cancelable", true.into())]
    {
        js_sys::Reflect::set(&init, &name.into(), &value).unwrap();
    }
    let class: js_sys::Function =
        js_sys::Reflect::get(&window(), &"KeyboardEvent".into()).unwrap().unchecked_into();
    let args = js_sys::Array::of2(&"keydown".into(), &init);
    let event = js_sys::Reflect::construct(&class, &args).unwrap();
    el.dispatch_event(event.unchecked_ref()).unwrap();
}

/// Lets effects and the renderer catch up.
async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
        gloo_timers::future::TimeoutFuture::new(5).await;
    }
}

/// Polls (up to ~`ms`) until `done()` holds; the assertions after it say what was expected.
async fn wait_until(ms: u32, done: impl Fn() -> bool) {
    for _ in 0..ms / 20 {
        if done() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
}

/// The text under `root` says `HOSTILE` literally and no `<img>` was made from it.
fn shows_hostile_as_text(root: &HtmlElement, selector: &str) {
    let el = find(root, selector);
    assert!(el.text_content().unwrap().contains(HOSTILE), "{}", el.outer_html());
    assert!(root.query_selector("img").unwrap().is_none(), "{}", root.inner_html());
}

fn active_element() -> Option<Element> {
    window().document().unwrap().active_element()
}

// ---- Table ----

#[wasm_bindgen_test]
async fn table_rows_are_keyed_cells_are_text_and_amounts_align_right() {
    let items = RwSignal::new(vec![("cus_1", "Ada"), ("cus_2", HOSTILE)]);
    let root = mount(move || {
        view! {
            <Table label="Customers">
                <TableHead>
                    <TableRow>
                        <TableHeaderCell>"Name"</TableHeaderCell>
                        <TableHeaderCell align=Align::Right>"Balance"</TableHeaderCell>
                    </TableRow>
                </TableHead>
                <TableBody>
                    <For each=move || items.get() key=|(id, _)| *id let:item>
                        <TableRow>
                            <TableCell>{item.1}</TableCell>
                            <TableCell align=Align::Right>"$1.00"</TableCell>
                        </TableRow>
                    </For>
                </TableBody>
            </Table>
        }
    });
    assert_eq!(find(&root, "table").get_attribute("aria-label").as_deref(), Some("Customers"));
    assert_eq!(find(&root, "thead th").get_attribute("scope").as_deref(), Some("col"));
    assert!(find(&root, "thead th.align-right").text_content().unwrap().contains("Balance"));
    assert_eq!(find_all(&root, "tbody td.align-right").len(), 2);
    shows_hostile_as_text(&root, "tbody");
    let ada = find(&root, "tbody tr");
    items.update(|v| v.insert(0, ("cus_0", "Grace")));
    settle().await;
    let rows = find_all(&root, "tbody tr");
    assert_eq!(rows.len(), 3);
    assert!(rows[1].is_same_node(Some(&ada)), "a keyed row is moved, not rebuilt");
    assert!(!ada.has_attribute("tabindex"), "a plain row is not a tab stop");
}

#[wasm_bindgen_test]
async fn a_pressable_row_is_a_tab_stop_and_activates_on_click_enter_and_space() {
    let presses = RwSignal::new(0);
    let inner = RwSignal::new(0);
    let root = mount(move || {
        view! {
            <Table>
                <TableBody>
                    <TableRow on_press=move || presses.update(|n| *n += 1)>
                        <TableCell>"Ada"</TableCell>
                        <TableCell>
                            <button on:click=move |_| inner.update(|n| *n += 1)>"Edit"</button>
                        </TableCell>
                    </TableRow>
                </TableBody>
            </Table>
        }
    });
    let row: HtmlElement = find(&root, "tr").unchecked_into();
    assert_eq!(row.tab_index(), 0, "reachable with Tab");
    assert_eq!(row.get_attribute("role"), None, "keeps the row role of <tr>");
    row.focus().unwrap();
    assert!(active_element().is_some_and(|a| a.is_same_node(Some(&row))), "takes focus");
    press_key(&row, "Enter");
    assert_eq!(presses.get_untracked(), 1, "Enter activates");
    press_key(&row, " ");
    assert_eq!(presses.get_untracked(), 2, "Space activates");
    press_key(&row, "a");
    assert_eq!(presses.get_untracked(), 2, "other keys do nothing");
    find(&root, "td").unchecked_into::<HtmlElement>().click();
    assert_eq!(presses.get_untracked(), 3, "a click on a cell activates");
    let edit: HtmlElement = find(&root, "button").unchecked_into();
    edit.click();
    press_key(&edit, "Enter");
    assert_eq!(inner.get_untracked(), 1);
    assert_eq!(presses.get_untracked(), 3, "a press on a button inside is the button's alone");
}

// ---- Select ----

fn plans() -> Vec<(String, String)> {
    [("basic", "Basic"), ("pro", "Pro"), ("evil", HOSTILE)]
        .map(|(v, l)| (v.to_string(), l.to_string()))
        .into()
}

/// Picks `value` in the `<select>` as a user would: sets it and fires `change`.
fn pick(select: &HtmlSelectElement, value: &str) {
    select.set_value(value);
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn select_is_named_by_its_label_and_reports_the_chosen_value() {
    let value = RwSignal::new("pro".to_string());
    let changes = RwSignal::new(Vec::<String>::new());
    let root = mount(move || {
        view! {
            <Select
                label="Plan"
                options=plans()
                value=value
                on_change=move |v: String| {
                    changes.update(|c| c.push(v.clone()));
                    value.set(v);
                }
                description="Billed monthly."
            />
        }
    });
    let select: HtmlSelectElement = find(&root, "select").unchecked_into();
    let label = find(&root, "label");
    assert_eq!(label.get_attribute("for"), Some(select.id()), "the label names the control");
    let labels = select.labels();
    assert_eq!(labels.length(), 1);
    assert_eq!(labels.item(0).unwrap().text_content().as_deref(), Some("Plan"));
    assert_eq!(select.value(), "pro", "shows the current value");
    let description = find(&root, ".field-description");
    assert_eq!(select.get_attribute("aria-describedby"), Some(description.id()));
    pick(&select, "basic");
    assert_eq!(changes.get_untracked(), ["basic"]);
    settle().await;
    assert_eq!(select.value(), "basic");
    value.set("evil".into());
    settle().await;
    assert_eq!(select.value(), "evil", "follows the value signal");
    shows_hostile_as_text(&root, "option[value=evil]");
}

#[wasm_bindgen_test]
async fn select_error_is_described_and_marks_it_invalid() {
    let error = RwSignal::new(None::<String>);
    let root = mount(move || {
        view! {
            <Select label="Plan" options=plans() value="basic" on_change=|_| {} error=error />
        }
    });
    let select = find(&root, "select");
    assert_eq!(select.get_attribute("aria-describedby"), None);
    error.set(Some("Pick a paid plan.".into()));
    settle().await;
    let message = find(&root, ".field-error");
    assert_eq!(message.text_content().as_deref(), Some("Pick a paid plan."));
    assert_eq!(select.get_attribute("aria-describedby"), Some(message.id()));
    assert_eq!(select.get_attribute("aria-invalid").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn a_disabled_select_cannot_change() {
    let changes = RwSignal::new(0);
    let root = mount(move || {
        view! {
            <Select
                label="Plan"
                options=plans()
                value="basic"
                on_change=move |_| changes.update(|n| *n += 1)
                disabled=true
            />
        }
    });
    let select: HtmlSelectElement = find(&root, "select").unchecked_into();
    assert!(select.disabled());
    pick(&select, "pro");
    assert_eq!(changes.get_untracked(), 0);
    assert_eq!(select.value(), "basic", "the shown value is put back");
}

// ---- Switch and Checkbox ----

#[wasm_bindgen_test]
async fn switch_toggles_with_click_space_and_its_label() {
    let on = RwSignal::new(false);
    let root = mount(move || {
        view! {
            <Switch
                label="Email receipts"
                description="Sent after each payment."
                checked=on
                on_change=move |v| on.set(v)
            />
        }
    });
    let switch: HtmlElement = find(&root, "[role=switch]").unchecked_into();
    let label = find(&root, "label");
    assert_eq!(label.get_attribute("for"), Some(switch.id()), "the label names the switch");
    assert_eq!(label.text_content().as_deref(), Some("Email receipts"));
    let description = find(&root, ".field-description");
    assert_eq!(switch.get_attribute("aria-describedby"), Some(description.id()));
    let checked = || switch.get_attribute("aria-checked").unwrap();
    assert_eq!(checked(), "false");
    switch.click();
    settle().await;
    assert_eq!(checked(), "true", "click toggles");
    press_key(&switch, " ");
    settle().await;
    assert_eq!(checked(), "false", "Space toggles");
    label.unchecked_ref::<HtmlElement>().click();
    settle().await;
    assert_eq!(checked(), "true", "a click on the label toggles");
    assert!(on.get_untracked());
}

#[wasm_bindgen_test]
async fn a_disabled_switch_cannot_toggle() {
    let changes = RwSignal::new(0);
    let root = mount(move || {
        view! {
            <Switch
                label="Email receipts"
                checked=true
                on_change=move |_| changes.update(|n| *n += 1)
                disabled=true
            />
        }
    });
    let switch: HtmlElement = find(&root, "[role=switch]").unchecked_into();
    assert!(switch.has_attribute("disabled"));
    switch.click();
    press_key(&switch, " ");
    settle().await;
    assert_eq!(changes.get_untracked(), 0);
    assert_eq!(switch.get_attribute("aria-checked").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn checkbox_toggles_by_its_label_unless_disabled() {
    let on = RwSignal::new(false);
    let disabled = RwSignal::new(false);
    let root = mount(move || {
        view! {
            <Checkbox label=HOSTILE checked=on on_change=move |v| on.set(v) disabled=disabled />
        }
    });
    let input: HtmlInputElement = find(&root, "input[type=checkbox]").unchecked_into();
    shows_hostile_as_text(&root, "label");
    find(&root, "label").unchecked_into::<HtmlElement>().click();
    settle().await;
    assert!(on.get_untracked() && input.checked());
    disabled.set(true);
    settle().await;
    input.click();
    settle().await;
    assert!(on.get_untracked() && input.checked(), "a disabled check box stays as it was");
}

// ---- Link ----

#[wasm_bindgen_test]
async fn external_link_opens_a_new_tab_safely_and_says_so() {
    let root = mount(|| {
        view! { <Link href="https://docs.stripe.com/" external=true>{HOSTILE}</Link> }
    });
    let a = find(&root, "a");
    assert_eq!(a.get_attribute("href").as_deref(), Some("https://docs.stripe.com/"));
    assert_eq!(a.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(a.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert!(a.text_content().unwrap().contains("(opens in a new tab)"));
    assert!(find(&root, ".link-external").text_content().unwrap().contains('↗'));
    shows_hostile_as_text(&root, "a");
}

#[wasm_bindgen_test]
async fn link_without_href_is_a_button_and_internal_links_stay_in_the_tab() {
    let presses = RwSignal::new(0);
    let root = mount(move || {
        view! {
            <Link on_press=move || presses.update(|n| *n += 1)>"Show more"</Link>
            <Link href="/settings">"Settings"</Link>
        }
    });
    let button: HtmlElement = find(&root, "button.link").unchecked_into();
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
    button.click();
    assert_eq!(presses.get_untracked(), 1);
    let a = find(&root, "a.link");
    assert!(!a.has_attribute("target") && !a.has_attribute("rel"));
}

#[wasm_bindgen_test]
async fn link_refuses_script_urls() {
    let root = mount(|| {
        view! {
            <Link href="javascript:alert(1)">"one"</Link>
            <Link href=" JAVA\tSCRIPT:alert(1)">"two"</Link>
            <Link href="data:text/html,<script>alert(1)</script>">"three"</Link>
        }
    });
    assert!(root.query_selector("a").unwrap().is_none(), "{}", root.inner_html());
    assert_eq!(root.text_content().as_deref(), Some("onetwothree"));
}

// ---- Toasts ----

/// Mounts a `Toaster` (with `dismiss_after`) and returns its handle and the mount root.
fn toaster(dismiss_after: Duration) -> (ToastHandle, HtmlElement) {
    let slot = RwSignal::new(None);
    let root = mount(move || {
        view! {
            <Toaster dismiss_after>
                {
                    slot.set(Some(use_toast()));
                }
            </Toaster>
        }
    });
    let handle = slot.get_untracked().expect("use_toast() inside the Toaster");
    (handle, root)
}

fn toasts(root: &HtmlElement) -> Vec<Element> {
    find_all(root, ".toaster .toast")
}

#[wasm_bindgen_test]
async fn a_toast_appears_in_the_live_region_and_update_changes_it() {
    let (toast, root) = toaster(Duration::from_secs(60));
    let region = find(&root, ".toaster");
    assert_eq!(region.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(region.get_attribute("aria-live").as_deref(), Some("polite"));
    let id = toast.show(format!("Saving {HOSTILE}…"), ToastKind::Pending);
    settle().await;
    let shown = toasts(&root);
    assert_eq!(shown.len(), 1);
    assert!(shown[0].class_list().contains("toast-pending"));
    shows_hostile_as_text(&root, ".toast-message");
    toast.update(id, "Saved", ToastKind::Success);
    settle().await;
    let shown = toasts(&root);
    assert_eq!(shown.len(), 1, "updated in place, not added");
    assert_eq!(shown[0].text_content().unwrap().trim_start_matches('✓'), "Saved");
    assert!(shown[0].class_list().contains("toast-success"));
    toast.dismiss(id);
    settle().await;
    assert!(toasts(&root).is_empty());
}

#[wasm_bindgen_test]
async fn success_dismisses_itself_and_pending_stays() {
    let (toast, root) = toaster(Duration::from_millis(200));
    toast.show("Customer saved", ToastKind::Success);
    toast.show("Syncing…", ToastKind::Pending);
    settle().await;
    assert_eq!(toasts(&root).len(), 2);
    wait_until(2000, || toasts(&root).len() == 1).await;
    let left = toasts(&root);
    assert_eq!(left.len(), 1, "the success toast went away on its own");
    assert!(left[0].class_list().contains("toast-pending"));
    gloo_timers::future::TimeoutFuture::new(400).await;
    assert_eq!(toasts(&root).len(), 1, "pending stays until updated or dismissed");
}

#[wasm_bindgen_test]
async fn caution_is_an_alert_and_at_most_three_show() {
    let (toast, root) = toaster(Duration::from_secs(60));
    let first = toast.show("Couldn't save", ToastKind::Caution);
    for n in 2..=4 {
        toast.show(format!("toast {n}"), ToastKind::Pending);
    }
    settle().await;
    let shown = toasts(&root);
    assert_eq!(shown.len(), 3);
    assert_eq!(shown[0].get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(shown[1].get_attribute("role"), None, "only caution interrupts");
    toast.dismiss(first);
    settle().await;
    let texts: Vec<String> = toasts(&root).iter().map(|t| t.text_content().unwrap()).collect();
    assert_eq!(texts, ["toast 2", "toast 3", "toast 4"], "the waiting toast moves up");
}

// The real delay, once: long enough to read (~4 s), then gone without the user's help.
#[wasm_bindgen_test]
async fn by_default_a_success_toast_stays_about_four_seconds() {
    let (toast, root) = toaster(stripe_app::ui::DEFAULT_DISMISS_AFTER);
    toast.show("Customer saved", ToastKind::Success);
    gloo_timers::future::TimeoutFuture::new(3500).await;
    assert_eq!(toasts(&root).len(), 1, "still there after 3.5 s");
    wait_until(1500, || toasts(&root).is_empty()).await;
    assert!(toasts(&root).is_empty(), "gone by 5 s");
}
