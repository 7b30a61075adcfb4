//! The CSP guard natively (what `stripe-app csp-check` runs): every corpus URL gets the
//! verdict Chromium gave it (recorded by tests/csp_browser.rs), and refusals name the rule.

#[path = "csp/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;
use stripe_app::csp::{Allowlist, DenyReason};

#[test]
fn native_guard_gives_chromiums_verdict_on_every_corpus_url() {
    let corpus = corpus::load();
    let lists: BTreeMap<_, _> =
        corpus.lists.iter().map(|(k, v)| (k.clone(), Allowlist::new(v).unwrap())).collect();
    let wrong: Vec<String> = corpus
        .cases
        .iter()
        .filter_map(|c| {
            let ours = match lists[&c.list].check(&c.url) {
                Ok(_) => "allow".to_string(),
                Err(r) => format!("deny ({})", r.reason),
            };
            let chromium = c.browser.as_deref().unwrap_or("unrecorded");
            (!ours.starts_with(chromium))
                .then(|| format!("[{}] {:?}: chromium {chromium}, ours {ours}", c.list, c.url))
        })
        .collect();
    assert!(corpus.cases.len() >= 300);
    assert!(wrong.is_empty(), "{} disagreements:\n{}", wrong.len(), wrong.join("\n"));
}

fn list() -> Allowlist {
    Allowlist::new(&[
        "https://api.example.com/v1/".into(),
        "https://exact.example.org/hooks/sync".into(),
        "https://*.cdn.example.net/assets/".into(),
    ])
    .unwrap()
}

fn reason(url: &str) -> DenyReason {
    list().check(url).unwrap_err().reason
}

#[test]
fn an_allowed_url_names_the_entry_that_allows_it() {
    assert_eq!(
        list().check("https://a.cdn.example.net/assets/x.png").unwrap().raw,
        "https://*.cdn.example.net/assets/"
    );
}

#[test]
fn each_refusal_names_its_rule() {
    assert!(matches!(reason("https://api.stripe.com/v1/customers"), DenyReason::StripeApi { .. }));
    assert!(matches!(reason("https://files.stripe.com/x"), DenyReason::StripeApi { .. }));
    assert_eq!(reason("http://api.example.com/v1/x"), DenyReason::Scheme { scheme: "http".into() });
    assert_eq!(reason("https://ok.example.com@api.example.com/v1/"), DenyReason::Credentials);
    assert_eq!(
        reason("https://evil.example.com/v1/x"),
        DenyReason::NoMatchingOrigin { origin: "https://evil.example.com".into() }
    );
    assert_eq!(
        reason("https://cdn.example.net/assets/x"),
        DenyReason::NoMatchingOrigin { origin: "https://cdn.example.net".into() },
        "a wildcard doesn't cover the apex"
    );
    assert_eq!(
        reason("https://api.example.com/v2/x"),
        DenyReason::PathOutside {
            path: "/v2/x".into(),
            entries: vec!["https://api.example.com/v1/".into()]
        }
    );
    assert!(matches!(reason("not a url"), DenyReason::Unparsable(_)));
    assert_eq!(
        Allowlist::new(&[]).unwrap().check("https://x.example/a").unwrap_err().reason,
        DenyReason::NothingAllowed
    );
}

#[test]
fn refusal_messages_say_what_to_do() {
    let text = list().check("https://evil.example.com/v1/x").unwrap_err().to_string();
    assert!(
        text.starts_with("refused https://evil.example.com/v1/x: no connect-src entry matches"),
        "{text}"
    );
    assert!(text.contains("stripe-app grant url"), "{text}");
    let text = list().check("https://api.stripe.com/v1/customers").unwrap_err().to_string();
    assert!(text.contains("through the API client"), "{text}");
    let text = list().check("https://exact.example.org/hooks/sync/more").unwrap_err().to_string();
    assert!(
        text.contains("outside the connect-src entry https://exact.example.org/hooks/sync"),
        "{text}"
    );
}

#[test]
fn unusable_entries_are_reported_with_their_index() {
    let err = Allowlist::new(&["https://ok.example/a/".into(), "https://a.*.example/x".into()])
        .unwrap_err();
    assert_eq!(err.len(), 1);
    assert!(err[0].starts_with("connect-src[1]"), "{err:?}");
}
