//! Shared by the wasm benchmarks (tests/bench_decode.rs, tests/bench_render.rs): the clock,
//! medians, the `BENCH key value` lines bench/run.mjs reads, and the benchmark's customers.
#![allow(dead_code)]

use serde_json::Value;
use stripe_app::api::types::Customer;

/// `performance.now()`, in ms.
pub fn now() -> f64 {
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).unwrap();
    let f: js_sys::Function = js_sys::Reflect::get(&perf, &"now".into()).unwrap().into();
    f.call0(&perf).unwrap().as_f64().unwrap()
}

/// Prints `BENCH <key>_median|_p25|_p75 <value>` for bench/run.mjs, and a readable line.
pub fn report(key: &str, unit: &str, mut xs: Vec<f64>) {
    xs.sort_by(f64::total_cmp);
    let q = |p: f64| {
        let i = (xs.len() - 1) as f64 * p;
        let lo = i.floor() as usize;
        let hi = (lo + 1).min(xs.len() - 1);
        xs[lo] + (xs[hi] - xs[lo]) * (i - lo as f64)
    };
    let (m, p25, p75) = (q(0.5), q(0.25), q(0.75));
    wasm_bindgen_test::console_log!("BENCH {key}_median {m}");
    wasm_bindgen_test::console_log!("BENCH {key}_p25 {p25}");
    wasm_bindgen_test::console_log!("BENCH {key}_p75 {p75}");
    wasm_bindgen_test::console_log!(
        "  {key}: {m:.2} {unit} (p25-p75 {p25:.2}-{p75:.2}, n={})",
        xs.len()
    );
}

/// Prints one `BENCH <key> <value>` figure.
pub fn figure(key: &str, value: f64) {
    wasm_bindgen_test::console_log!("BENCH {key} {value}");
}

const FIXTURES: &str = include_str!("../fixtures/stripe-api-fixtures.json");

/// Customer `i`, newest first: Stripe's sample customer with the fields bench/customers.mjs
/// sets (same rule, so both sides read the same data).
pub fn customer_json(sample: &Value, i: usize) -> Value {
    let mut c = sample.clone();
    let o = c.as_object_mut().unwrap();
    let s = slim(i);
    o.insert("id".into(), s.id.into());
    o.insert("name".into(), s.name.into());
    o.insert("email".into(), s.email.into());
    o.insert("created".into(), s.created.into());
    o.insert("balance".into(), s.balance.into());
    o.insert("delinquent".into(), s.delinquent.into());
    c
}

/// The fields of customer `i` a table row shows (bench/customers.mjs `slim`, the React
/// side's rows).
pub struct Slim {
    pub id: String,
    pub name: String,
    pub email: String,
    pub created: i64,
    pub balance: i64,
    pub delinquent: bool,
}

/// Customer `i`'s row fields, by the rule bench/customers.mjs `customer(i)` uses.
pub fn slim(i: usize) -> Slim {
    let balance = if i.is_multiple_of(7) {
        500
    } else if i.is_multiple_of(11) {
        -250
    } else {
        0
    };
    Slim {
        id: format!("cus_bench{i:05}"),
        name: format!("Customer {i}"),
        email: format!("customer{i}@example.com"),
        created: 1_700_000_000 - i as i64 * 3600,
        balance,
        delinquent: i.is_multiple_of(13),
    }
}

/// The fixture's sample customer.
pub fn sample() -> Value {
    let fixtures: Value = serde_json::from_str(FIXTURES).unwrap();
    fixtures["resources"]["customer"].clone()
}

/// A `/v1/customers` page of the first `n` customers, in Stripe's shape, as text.
pub fn list_page(n: usize) -> String {
    let sample = sample();
    let data: Vec<Value> = (0..n).map(|i| customer_json(&sample, i)).collect();
    serde_json::json!({ "object": "list", "data": data, "has_more": true, "url": "/v1/customers" })
        .to_string()
}

/// The first `n` customers as our type.
pub fn customers(n: usize) -> Vec<Customer> {
    let sample = sample();
    (0..n).map(|i| serde_json::from_value(customer_json(&sample, i)).unwrap()).collect()
}
