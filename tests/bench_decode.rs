//! Benchmark, not a test (prints figures; asserts only that both decoders read the page): µs to
//! decode a 100-customer `/v1/customers` page (Stripe's shape) with our typed decoder
//! (`api::error::decode::<List<Customer>>`, the one the client uses) against `JSON.parse` of
//! the same string, in wasm, in Chromium. Run by scripts/bench.sh (release).
#![cfg(target_arch = "wasm32")]

mod bench_common;

use bench_common::{list_page, now, report};
use stripe_app::api::error::decode;
use stripe_app::api::types::{Customer, List};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PER_SAMPLE: usize = 20;
const SAMPLES: usize = 15;

#[inline(never)]
fn ours(body: &str) -> usize {
    decode::<List<Customer>>(std::hint::black_box(body)).unwrap().data.len()
}

#[wasm_bindgen_test]
fn decode_a_100_customer_page() {
    let body = list_page(100);
    wasm_bindgen_test::console_log!(
        "Decode a 100-customer list page ({} bytes), µs per page, {SAMPLES} samples of {PER_SAMPLE}:",
        body.len()
    );
    assert_eq!(ours(&body), 100);
    // JSON.parse gets the page as a JS string already in the JS heap, as `Response.json()` would
    // have it; the conversion below is outside the timing.
    let js_body = js_sys::JsString::from(body.as_str());
    let parsed = js_sys::JSON::parse(&body).unwrap();
    let data = js_sys::Reflect::get(&parsed, &"data".into()).unwrap();
    assert_eq!(js_sys::Array::from(&data).length(), 100);

    let time = |f: &dyn Fn()| -> Vec<f64> {
        for _ in 0..PER_SAMPLE * 2 {
            f(); // warm-up
        }
        (0..SAMPLES)
            .map(|_| {
                let t = now();
                for _ in 0..PER_SAMPLE {
                    f();
                }
                (now() - t) * 1000.0 / PER_SAMPLE as f64
            })
            .collect()
    };
    report(
        "decode",
        "µs",
        time(&|| {
            std::hint::black_box(ours(&body));
        }),
    );
    let parse = js_sys::Function::new_with_args("s", "return JSON.parse(s)");
    report(
        "parse",
        "µs",
        time(&|| {
            std::hint::black_box(parse.call1(&wasm_bindgen::JsValue::NULL, &js_body).unwrap());
        }),
    );
}
