//! `stripe-app csp-check`: its output lines and exit codes on our manifest. (What the matcher
//! allows is tested with the CSP guard itself; here only that the CLI reports its verdicts.)
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{root, stripe_app, text};

use std::fs;

use stripe_app::csp::Allowlist;

/// The verdict line csp-check must print for `url` on our manifest, from the guard itself.
fn verdict(url: &str) -> String {
    let json = fs::read_to_string(root().join("stripe-app.json")).unwrap();
    let manifest = stripe_app::manifest::parse(&json).unwrap();
    let allowlist = Allowlist::from_manifest(&manifest).unwrap();
    match allowlist.check(url) {
        Ok(_) => format!("allow\t{url}\n"),
        Err(refusal) => format!("deny\t{url}\t{}\n", refusal.reason),
    }
}

#[test]
fn an_allowed_url_prints_allow_and_exits_0() {
    let url = "https://sync.customer-sync.example/api/customers/cus_123?expand=all";
    let out = stripe_app(&["csp-check", url]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("allow\t{url}\n"));
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn one_denied_url_among_several_exits_1_with_a_line_naming_the_rule() {
    let urls = [
        "https://sync.customer-sync.example/api/v1/records",
        "https://api.stripe.com/v1/customers",
        "https://sync.customer-sync.example/api/",
    ];
    let out =
        stripe_app(&["csp-check", "--manifest", "stripe-app.json", urls[0], urls[1], urls[2]]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout, urls.map(verdict).concat());
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], format!("allow\t{}", urls[0]));
    assert_eq!(lines[2], format!("allow\t{}", urls[2]));
    let fields: Vec<&str> = lines[1].split('\t').collect();
    assert_eq!(fields.len(), 3, "{:?}", lines[1]);
    assert_eq!(fields[..2], ["deny", urls[1]]);
    assert!(fields[2].contains("Stripe API host"), "{}", fields[2]);
    assert_eq!(text(&out.stderr), "");

    // Another origin, and a path outside the entry: each denial says which rule.
    for (url, rule) in [
        ("https://evil.example/api/", "no connect-src entry matches"),
        ("https://sync.customer-sync.example/admin/", "outside the connect-src entry"),
    ] {
        let out = stripe_app(&["--manifest", "./stripe-app.json", "csp-check", url]);
        assert_eq!(out.status.code(), Some(1));
        let stdout = text(&out.stdout);
        assert_eq!(stdout, verdict(url));
        assert!(stdout.starts_with(&format!("deny\t{url}\t")) && stdout.contains(rule), "{stdout}");
    }
}

#[test]
fn an_unusable_manifest_exits_2_and_says_why() {
    let url = "https://sync.customer-sync.example/api/";
    let broken = common::temp_file("cli-csp", "broken.json", "{\"id\": \"com.example.x\",");
    let cases = [
        ("no/such/stripe-app.json".to_owned(), "error: $: cannot read no/such/stripe-app.json: "),
        (broken.display().to_string(), "is not valid JSON: "),
        (
            "tests/manifests/bad/connect_src_stripe_api.json".to_owned(),
            "error: ui_extension.content_security_policy.connect-src[1]: ",
        ),
    ];
    for (manifest, message) in cases {
        let out = stripe_app(&["csp-check", "--manifest", &manifest, url]);
        assert_eq!(out.status.code(), Some(2), "{manifest}");
        assert_eq!(text(&out.stdout), "", "{manifest}");
        let stderr = text(&out.stderr);
        assert!(stderr.starts_with("error: ") && stderr.contains(message), "{manifest}: {stderr}");
    }
    let out = stripe_app(&[
        "csp-check",
        "--manifest",
        "tests/manifests/bad/connect_src_stripe_api.json",
        url,
    ]);
    assert!(text(&out.stderr).ends_with("has errors; fix them first (see above)\n"));
}

#[test]
fn no_url_is_a_usage_error() {
    for args in [&["csp-check"][..], &["csp-check", "--manifest", "stripe-app.json"]] {
        let out = stripe_app(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&out.stdout), "");
        let stderr = text(&out.stderr);
        assert!(stderr.starts_with("stripe-app: csp-check needs at least one URL"), "{stderr}");
        assert!(stderr.contains("usage: stripe-app <command>"));
    }
}
