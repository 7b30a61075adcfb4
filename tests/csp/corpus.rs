//! tests/csp/corpus.json: allowlists and URLs with Chromium's recorded verdicts. Shared by the
//! native and browser CSP tests and the two CSP benchmarks.
#![allow(dead_code)] // each includer uses a subset

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
pub struct Corpus {
    /// Allowlists by name (`prod` has ten entries, `dev` four).
    pub lists: BTreeMap<String, Vec<String>>,
    pub cases: Vec<Case>,
}

#[derive(Deserialize)]
pub struct Case {
    pub list: String,
    pub url: String,
    /// Chromium's verdict, `allow` or `deny`, once recorded.
    pub browser: Option<String>,
}

pub fn load() -> Corpus {
    serde_json::from_str(include_str!("corpus.json")).expect("tests/csp/corpus.json parses")
}

impl Corpus {
    /// The URLs of the cases of `list`.
    pub fn urls(&self, list: &str) -> Vec<String> {
        self.cases.iter().filter(|c| c.list == list).map(|c| c.url.clone()).collect()
    }
}

/// The benchmarks' inputs: the `prod` list (10 entries), everyday allowed and refused URLs,
/// and all of the list's corpus URLs.
pub struct BenchInputs {
    pub list: stripe_app::csp::Allowlist,
    pub entries: usize,
    pub allowed: Vec<String>,
    pub refused: Vec<String>,
    pub all: Vec<String>,
}

pub fn bench_inputs() -> BenchInputs {
    let corpus = load();
    let entries = &corpus.lists["prod"];
    BenchInputs {
        list: stripe_app::csp::Allowlist::new(entries).unwrap(),
        entries: entries.len(),
        allowed: BENCH_ALLOWED.map(String::from).to_vec(),
        refused: BENCH_REFUSED.map(String::from).to_vec(),
        all: corpus.urls("prod"),
    }
}

/// Everyday URLs for the benchmarks, checked against the `prod` list.
pub const BENCH_ALLOWED: [&str; 3] = [
    "https://api.example.com/v1/customers/cus_123",
    "https://sync.customer-sync.example/api/customers",
    "https://a.cdn.example.net/assets/logo.png",
];
pub const BENCH_REFUSED: [&str; 1] = ["https://evil.example.com/steal"];
