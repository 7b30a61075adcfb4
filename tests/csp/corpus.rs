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

/// Everyday URLs for the benchmarks, checked against the `prod` list.
pub const BENCH_ALLOWED: [&str; 3] = [
    "https://api.example.com/v1/customers/cus_123",
    "https://sync.customer-sync.example/api/customers",
    "https://a.cdn.example.net/assets/logo.png",
];
pub const BENCH_REFUSED: [&str; 1] = ["https://evil.example.com/steal"];
