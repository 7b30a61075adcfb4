//! Benchmark, not a test (prints figures; asserts only that the rows are there): a customer table
//! of 100 and 10,000 rows built with our UI kit (`Table`, `TableRow`, `TableCell`… and keyed
//! `<For>` rows), the script time and the time to the next frame; an update of every 10th
//! row's name (10%, one signal each); and the JS heap (`performance.memory`, after `gc()` when
//! Chromium exposes it) and wasm linear memory after 10,000 rows. Run by scripts/bench.sh
//! (release, with bench/webdriver.json's flags); bench/run.mjs does the same with React 18.
#![cfg(target_arch = "wasm32")]

mod bench_common;

use bench_common::{figure, now, report, slim, Slim};
use leptos::prelude::*;
use stripe_app::api::types::CustomerStatus;
use stripe_app::format::format_date;
use stripe_app::ui::{Badge, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RUNS: usize = 10;

/// A row of the table: what it shows of a customer (the React side's rows hold the same
/// fields: bench/customers.mjs `slim`), with the name as a signal (what an edit would change).
#[derive(Clone)]
struct Row {
    id: String,
    name: RwSignal<String>,
    email: String,
    created: i64,
    status: CustomerStatus,
}

impl Row {
    fn new(s: Slim) -> Self {
        Row {
            status: CustomerStatus::of(s.balance, Some(s.delinquent)),
            name: RwSignal::new(s.name),
            id: s.id,
            email: s.email,
            created: s.created,
        }
    }
}

#[component]
fn CustomerTable(rows: RwSignal<Vec<Row>>) -> impl IntoView {
    view! {
        <Table label="Customers">
            <TableHead>
                <TableRow>
                    <TableHeaderCell>"Customer"</TableHeaderCell>
                    <TableHeaderCell>"Created"</TableHeaderCell>
                    <TableHeaderCell>"Status"</TableHeaderCell>
                </TableRow>
            </TableHead>
            <TableBody>
                <For each=move || rows.get() key=|r| r.id.clone() let:r>
                    <CustomerRow row=r />
                </For>
            </TableBody>
        </Table>
    }
}

/// A row: name (a signal) and email, created date, status badge.
#[component]
fn CustomerRow(row: Row) -> impl IntoView {
    let Row { name, email, created, status, .. } = row;
    view! {
        <TableRow>
            <TableCell>
                <button type="button" class="link">{move || name.get()}</button>
                <div class="secondary">{email}</div>
            </TableCell>
            <TableCell>{format_date(created)}</TableCell>
            <TableCell>
                <Badge tone=status.tone() label=status.label() />
            </TableCell>
        </TableRow>
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn body_rows(root: &web_sys::Element) -> u32 {
    root.query_selector_all("tbody tr").unwrap().length()
}

/// Resolves after the next animation frame and the task after it (the frame was produced).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let after_frame = Closure::once_into_js(move || {
            let _ = web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        });
        let _ = web_sys::window().unwrap().request_animation_frame(after_frame.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A mounted table: drop it to unmount it and free its signals.
struct Mounted<M: Mountable> {
    rows: RwSignal<Vec<Row>>,
    root: web_sys::Element,
    handle: Option<leptos::mount::UnmountHandle<M>>,
    owner: Owner,
}

impl<M: Mountable> Drop for Mounted<M> {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.root.remove();
        self.owner.cleanup();
    }
}

/// Mounts a table of the first `n` customers (their data made before the clock starts, as the
/// React side's input is; moved into the rows, so it is held once); returns (script ms, ms to
/// the next frame) and the mount.
async fn render(n: usize) -> (f64, f64, Mounted<impl Mountable>) {
    let list: Vec<Slim> = (0..n).map(slim).collect();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let owner = Owner::new();
    let t0 = now();
    let rows = owner.with(|| RwSignal::new(list.into_iter().map(Row::new).collect::<Vec<_>>()));
    let handle = leptos::mount::mount_to(
        root.clone().unchecked_into(),
        move || view! { <CustomerTable rows /> },
    );
    while body_rows(&root) < n as u32 {
        leptos::task::tick().await;
    }
    let script = now() - t0;
    next_frame().await;
    (script, now() - t0, Mounted { rows, root, handle: Some(handle), owner })
}

fn js_heap() -> Option<f64> {
    let global = js_sys::global();
    if let Ok(gc) = js_sys::Reflect::get(&global, &"gc".into()) {
        if let Some(gc) = gc.dyn_ref::<js_sys::Function>() {
            let _ = gc.call0(&JsValue::NULL);
            let _ = gc.call0(&JsValue::NULL);
        }
    }
    let perf = js_sys::Reflect::get(&global, &"performance".into()).ok()?;
    let memory = js_sys::Reflect::get(&perf, &"memory".into()).ok()?;
    js_sys::Reflect::get(&memory, &"usedJSHeapSize".into()).ok()?.as_f64()
}

fn wasm_memory() -> f64 {
    let buffer = js_sys::Reflect::get(&wasm_bindgen::memory(), &"buffer".into()).unwrap();
    js_sys::Reflect::get(&buffer, &"byteLength".into()).unwrap().as_f64().unwrap()
}

#[wasm_bindgen_test]
async fn render_and_update_customer_tables() {
    let start_memory = wasm_memory();
    wasm_bindgen_test::console_log!(
        "Customer table with the UI kit, {RUNS} runs, ms (wasm linear memory before: {} bytes):",
        start_memory
    );
    let (mut r100, mut f100, mut r10k, mut f10k, mut upd, mut upd_f, mut heap, mut wasm) =
        (vec![], vec![], vec![], vec![], vec![], vec![], vec![], vec![]);
    for run in 0..RUNS {
        let (script, frame, mounted) = render(100).await;
        r100.push(script);
        f100.push(frame);
        drop(mounted);
        next_frame().await;

        let (script, frame, mounted) = render(10_000).await;
        let (rows, root) = (mounted.rows, mounted.root.clone());
        r10k.push(script);
        f10k.push(frame);

        let t0 = now();
        rows.with_untracked(|rows| {
            for (i, r) in rows.iter().enumerate().step_by(10) {
                r.name.set(format!("Customer {i} !!! {run}"));
            }
        });
        // Done when the first and the last updated rows show their new names.
        let first = root.query_selector("tbody tr .link").unwrap().unwrap();
        let last = root.query_selector("tbody tr:nth-child(9991) .link").unwrap().unwrap();
        let (want_first, want_last) =
            (format!("Customer 0 !!! {run}"), format!("Customer 9990 !!! {run}"));
        while first.text_content().as_deref() != Some(want_first.as_str())
            || last.text_content().as_deref() != Some(want_last.as_str())
        {
            leptos::task::tick().await;
        }
        upd.push(now() - t0);
        next_frame().await;
        upd_f.push(now() - t0);
        assert_eq!(body_rows(&root), 10_000);

        if let Some(h) = js_heap() {
            heap.push(h);
        }
        wasm.push(wasm_memory());
        drop(mounted);
        next_frame().await;
    }
    report("render100", "ms", r100);
    report("frame100", "ms", f100);
    report("render10k", "ms", r10k);
    report("frame10k", "ms", f10k);
    report("update", "ms", upd);
    report("updateFrame", "ms", upd_f);
    // Memory with 10,000 rows mounted: the first run's (a fresh instance, as a page would
    // have), and the highest the linear memory reached (it never shrinks).
    if let Some(h) = heap.first() {
        figure("heap10k", *h);
    }
    figure("wasm10k", wasm[0]);
    figure("wasm_start", start_memory);
    figure("wasm10k_max", wasm.iter().copied().fold(0.0, f64::max));
    wasm_bindgen_test::console_log!(
        "  JS heap with 10k rows: {:?} bytes; wasm memory: {} bytes (max {})",
        heap.first(),
        wasm[0],
        wasm.iter().copied().fold(0.0, f64::max)
    );
}
