//! The CSP guard against Chromium's own CSP, on tests/csp/corpus.json: for every URL, our
//! guard (this wasm, parsing with the browser's URL) and Chromium enforcing the same list as a
//! real `Content-Security-Policy` must agree, and agree with the verdict recorded in the
//! corpus (which the native test holds the CLI to).
//!
//! Chromium's verdict: a `securitypolicyviolation` event for the fetch means "deny"; so does a
//! URL that `new Request()` refuses (unparsable, or credentials in it). Otherwise "allow".
//! Allowed fetches go nowhere: webdriver.json maps every host name to NOTFOUND, and the
//! corpus's IP literals are loopback.
//!
//! To record verdicts for new corpus entries: `cargo test --target wasm32-unknown-unknown
//! --test csp_browser -- --nocapture 2>&1 | scripts/record_csp_verdicts.py`.
#![cfg(target_arch = "wasm32")]

#[path = "csp/corpus.rs"]
mod corpus;

use stripe_app::csp::Allowlist;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export async function chromium_verdicts(policy, urls) {
  const frame = document.createElement('iframe');
  frame.srcdoc = '<!doctype html><meta http-equiv="Content-Security-Policy" content="connect-src ' + policy + '">';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.appendChild(frame);
  await loaded;
  const w = frame.contentWindow;
  let violations = 0;
  w.document.addEventListener('securitypolicyviolation', () => { violations += 1; });
  const out = [];
  for (const url of urls) {
    let request;
    try { request = new w.Request(url); } catch (e) { out.push('deny'); continue; }
    const before = violations;
    try { await w.fetch(request, { mode: 'no-cors', cache: 'no-store' }); } catch (e) {}
    await new Promise((r) => w.setTimeout(r, 0));
    out.push(violations > before ? 'deny' : 'allow');
  }
  frame.remove();
  return out;
}
"#)]
extern "C" {
    async fn chromium_verdicts(policy: &str, urls: Vec<JsValue>) -> JsValue;
}

#[wasm_bindgen_test]
async fn guard_agrees_with_chromium_csp_on_the_whole_corpus() {
    let corpus = corpus::load();
    let mut disagreements = Vec::new();
    let mut unrecorded = Vec::new();
    let (mut allowed, mut total) = (0, 0);
    for (name, entries) in &corpus.lists {
        let list = Allowlist::new(entries).unwrap();
        let cases: Vec<&corpus::Case> = corpus.cases.iter().filter(|c| &c.list == name).collect();
        let urls = cases.iter().map(|c| JsValue::from_str(&c.url)).collect();
        let verdicts = js_sys::Array::from(&chromium_verdicts(&entries.join(" "), urls).await);
        for (case, verdict) in cases.iter().zip(verdicts.iter()) {
            let chromium = verdict.as_string().unwrap();
            let ours = match list.check(&case.url) {
                Ok(_) => "allow".to_string(),
                Err(refusal) => format!("deny ({})", refusal.reason),
            };
            total += 1;
            allowed += usize::from(chromium == "allow");
            if !ours.starts_with(&chromium) {
                disagreements
                    .push(format!("[{name}] {:?}: chromium {chromium}, ours {ours}", case.url));
            }
            match &case.browser {
                Some(recorded) if *recorded != chromium => disagreements.push(format!(
                    "[{name}] {:?}: chromium now says {chromium}, corpus recorded {recorded}",
                    case.url
                )),
                None => unrecorded
                    .push(serde_json::json!({"list": name, "url": case.url, "browser": chromium})),
                _ => {}
            }
        }
    }
    console_log!(
        "CSP differential: {total} URLs, {allowed} allowed by Chromium, {} disagreements",
        disagreements.len()
    );
    if !unrecorded.is_empty() {
        console_log!("CSP-RECORD {}", serde_json::Value::from(unrecorded.clone()));
    }
    assert!(total >= 300, "the corpus must hold at least 300 URLs, has {total}");
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
    assert!(
        unrecorded.is_empty(),
        "{} corpus URLs have no recorded browser verdict (see the module doc)",
        unrecorded.len()
    );
}
