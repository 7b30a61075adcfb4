//! Benchmark (prints figures; not a test): ns per CSP guard check, natively, with the
//! 10-entry allowlist of the corpus. The same numbers in wasm: scripts/bench-csp.sh.
//! Run: `cargo bench --bench csp`.

use std::hint::black_box;
use std::time::Instant;
#[path = "../tests/csp/corpus.rs"]
mod corpus;

use stripe_app::csp::Allowlist;

fn main() {
    let corpus::BenchInputs { list, entries, allowed, refused, all } = corpus::bench_inputs();
    println!("CSP guard, native ({} entries), median of 7 rounds:", entries);
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
