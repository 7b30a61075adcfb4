//! The `stripe-app` binary: exit codes and the exact shape of what it prints.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{root, stripe_app, text};

use std::fs;

#[test]
fn our_manifest_validates() {
    for args in [&["validate"][..], &["validate", "stripe-app.json"]] {
        let out = stripe_app(args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let shown = args.get(1).copied().unwrap_or("./stripe-app.json");
        assert_eq!(
            text(&out.stdout),
            format!("ok: {shown} is a valid Stripe App manifest (14 permissions, 3 views)\n")
        );
        assert_eq!(text(&out.stderr), "");
    }
}

#[test]
fn a_bad_manifest_fails_with_one_line_per_problem() {
    let out = stripe_app(&["validate", "tests/manifests/bad/misspelled_top_level_field.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "");
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].starts_with(
        "error: permision: unknown field \"permision\"; did you mean \"permissions\"?"
    ));
    assert!(lines[1].starts_with("error: permissions: missing required field \"permissions\""));

    let out = stripe_app(&["validate", "tests/manifests/bad/connect_src_stripe_api.json"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("error: ui_extension.content_security_policy.connect-src[1]: "),
        "{stderr}"
    );
}

#[test]
fn warnings_go_to_stderr_and_do_not_fail() {
    let out = stripe_app(&["validate", "tests/manifests/good/localhost_http.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stdout).starts_with("ok: tests/manifests/good/localhost_http.json is a valid")
    );
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1);
    assert!(stderr.starts_with("warning: ui_extension.content_security_policy.connect-src[1]: "));
}

#[test]
fn the_icon_file_is_checked_relative_to_the_manifest() {
    let path = common::temp_file(
        "cli",
        "no-icon.json",
        &fs::read_to_string(root().join("stripe-app.json")).unwrap(),
    );
    let out = stripe_app(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("error: icon: icon file ") && stderr.contains("not found"),
        "{stderr}"
    );
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let out = stripe_app(&["validate", "no/such/stripe-app.json"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("error: $: cannot read no/such/stripe-app.json: "), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);
}

#[test]
fn invalid_json_is_an_error_with_line_and_column() {
    let path = common::temp_file(
        "cli",
        "broken.json",
        "{\n  \"id\": \"com.example.x\",\n  \"version\": 1.0.0\n}\n",
    );
    let out = stripe_app(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let expected = format!("error: $: {} is not valid JSON: ", path.display());
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert!(stderr.contains("at line 3, column "), "{stderr}");
}

#[test]
fn usage_errors_exit_2_with_usage_on_stderr() {
    for args in [&[][..], &["frobnicate"], &["validate", "a.json", "b.json"]] {
        let out = stripe_app(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&out.stdout), "", "{args:?}");
        assert!(text(&out.stderr).contains("usage: stripe-app <command>"), "{args:?}");
    }
    let out = stripe_app(&["frobnicate"]);
    assert!(text(&out.stderr).starts_with("stripe-app: unknown command \"frobnicate\""));
}

#[test]
fn asking_for_help_prints_usage_on_stdout_and_succeeds() {
    for args in [&["--help"][..], &["help"], &["validate", "--help"]] {
        let out = stripe_app(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(text(&out.stdout).contains("usage: stripe-app <command>"), "{args:?}");
    }
}
