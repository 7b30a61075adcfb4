//! Benchmark (prints figures; not a test): ns per CSP guard check, natively, with the
//! 10-entry allowlist of the corpus. The same numbers in wasm: scripts/bench-csp.sh.
//! Run: `cargo bench --bench csp`.

use std::hint::black_box;
use std::time::Instant;
use stripe_app::csp::Allowlist;

fn main() {
    let corpus: serde_json::Value =
        serde_json::from_str(include_str!("../tests/csp/corpus.json")).unwrap();
    let entries: Vec<String> = serde_json::from_value(corpus["lists"]["prod"].clone()).unwrap();
    let list = Allowlist::new(&entries).unwrap();
    let all: Vec<String> = corpus["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["list"] == "prod")
        .map(|c| c["url"].as_str().unwrap().to_string())
        .collect();
    let allowed: Vec<String> = [
        "https://api.example.com/v1/customers/cus_123",
        "https://sync.customer-sync.example/api/customers",
        "https://a.cdn.example.net/assets/logo.png",
    ]
    .map(String::from)
    .to_vec();
    let refused = vec!["https://evil.example.com/steal".to_string()];
    println!("CSP guard, native ({} entries), median of 7 rounds:", entries.len());
    report("allowed URLs (fast path)", &list, &allowed, 200_000);
    report(
        "refused URL (fast path; builds the refusal and its message data)",
        &list,
        &refused,
        200_000,
    );
    report(
        &format!("whole corpus ({} URLs, odd spellings parsed by WHATWG)", all.len()),
        &list,
        &all,
        2_000,
    );
}

fn report(label: &str, list: &Allowlist, urls: &[String], rounds: usize) {
    let mut samples: Vec<f64> = (0..7)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..rounds {
                for u in urls {
                    black_box(list.check(black_box(u)).is_ok());
                }
            }
            start.elapsed().as_nanos() as f64 / (rounds * urls.len()) as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    println!(
        "  {label}: {:.0} ns/check (min {:.0}, max {:.0})",
        samples[3], samples[0], samples[6]
    );
}
