//! Benchmark, not a test (prints figures; asserts nothing about time): ns per CSP guard check
//! in wasm, in Chromium, with the corpus's 10-entry allowlist. Run: scripts/bench-csp.sh.
#![cfg(target_arch = "wasm32")]

#[path = "csp/corpus.rs"]
mod corpus;

use stripe_app::csp::Allowlist;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).unwrap();
    let f: js_sys::Function = js_sys::Reflect::get(&perf, &"now".into()).unwrap().into();
    f.call0(&perf).unwrap().as_f64().unwrap()
}

/// One round over `urls`, kept out of line so V8 optimizes it after the warm-up rounds (wasm
/// has no on-stack replacement: a loop in a function entered once stays in baseline code).
#[inline(never)]
fn round(list: &Allowlist, urls: &[String]) -> usize {
    urls.iter().filter(|u| list.check(std::hint::black_box(u)).is_ok()).count()
}

fn report(label: &str, list: &Allowlist, urls: &[String], rounds: usize) {
    for _ in 0..rounds / 10 {
        std::hint::black_box(round(list, urls)); // warm-up: let the engine tier up
    }
    let mut samples: Vec<f64> = (0..7)
        .map(|_| {
            let start = now();
            let mut allowed = 0;
            for _ in 0..rounds {
                allowed += round(list, urls);
            }
            std::hint::black_box(allowed);
            (now() - start) * 1e6 / (rounds * urls.len()) as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    console_log!(
        "  {label}: {:.0} ns/check (min {:.0}, max {:.0})",
        samples[3],
        samples[0],
        samples[6]
    );
}

#[wasm_bindgen_test]
fn csp_guard_ns_per_check_in_wasm() {
    let corpus::BenchInputs { list, entries, allowed, refused, all } = corpus::bench_inputs();
    console_log!("CSP guard, wasm in Chromium ({} entries), median of 7 rounds:", entries);
    report("allowed URLs (fast path)", &list, &allowed, 50_000);
    report(
        "refused URL (fast path; builds the refusal and its message data)",
        &list,
        &refused,
        50_000,
    );
    report(
        &format!("whole corpus ({} URLs, odd spellings parsed by the browser's URL)", all.len()),
        &list,
        &all,
        100,
    );
}
