//! The manifest model and validator: our own `stripe-app.json`, parsing, and each rule Stripe's
//! docs add to the schema, with the exact path and message a developer sees.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use stripe_app::manifest::{
    self, canonical_viewport, parse, validate_str, validate_value, validate_with_files, Diagnostic,
    DistributionType, PostInstallAction, Severity, StripeApiAccessType, KNOWN_PERMISSIONS,
    KNOWN_VIEWPORTS,
};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn our_manifest_text() -> String {
    fs::read_to_string(root().join("stripe-app.json")).unwrap()
}

/// A small valid manifest to break one rule at a time.
fn base() -> Value {
    json!({
        "id": "com.example.test",
        "version": "1.0.0",
        "name": "Test",
        "icon": "./icon.png",
        "permissions": [
            {"permission": "customer_read", "purpose": "Allows the app to read customers."},
            {"permission": "invoice_read", "purpose": "Allows the app to read invoices."}
        ],
        "ui_extension": {
            "views": [
                {"viewport": "stripe.dashboard.customer.detail", "component": "CustomerDetailView"},
                {"viewport": "app.settings", "component": "AppSettings"}
            ],
            "content_security_policy": {
                "connect-src": ["https://api.example.com/v1/"],
                "image-src": null,
                "purpose": "Syncs customers with Example."
            }
        }
    })
}

fn with_connect_src(url: &str) -> Value {
    let mut m = base();
    m["ui_extension"]["content_security_policy"]["connect-src"] = json!([url]);
    m
}

fn errors(v: &Value) -> Vec<Diagnostic> {
    validate_value(v).into_iter().filter(|d| d.is_error()).collect()
}

fn warnings(v: &Value) -> Vec<Diagnostic> {
    validate_value(v).into_iter().filter(|d| !d.is_error()).collect()
}

/// The single error of `v`, which must be at `path`; returns its message.
fn only_error_at(v: &Value, path: &str) -> String {
    let errs = errors(v);
    assert_eq!(errs.len(), 1, "expected one error at {path}, got {errs:#?}");
    assert_eq!(errs[0].path, path, "{}", errs[0]);
    errs[0].message.clone()
}

const CONNECT0: &str = "ui_extension.content_security_policy.connect-src[0]";

// Our manifest must stay valid with nothing to warn about, icon file included.
#[test]
fn our_manifest_is_valid_without_warnings() {
    let diags = validate_with_files(&our_manifest_text(), root());
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn parse_reads_every_field_of_our_manifest() {
    let m = parse(&our_manifest_text()).unwrap();
    assert_eq!(m.schema.as_deref(), Some("https://stripe.com/stripe-app.schema.json"));
    assert_eq!(
        (m.id.as_str(), m.version.as_str(), m.name.as_str(), m.icon.as_str()),
        ("com.example.customer-sync", "0.1.0", "Customer Sync", "./assets/icon.png")
    );
    assert_eq!(m.stripe_api_access_type, Some(StripeApiAccessType::Platform));
    assert_eq!(m.distribution_type, Some(DistributionType::Private));
    assert_eq!(m.sandbox_install_compatible, Some(true));
    assert_eq!(m.post_install_action, Some(PostInstallAction::Settings));
    let names: Vec<&str> = m.permissions.iter().map(|p| p.permission.as_str()).collect();
    assert_eq!(
        names,
        [
            "customer_read",
            "customer_write",
            "subscription_read",
            "subscription_write",
            "plan_read",
            "product_read",
            "invoice_read",
            "payment_method_read",
            "payment_method_write",
            "setup_intent_read",
            "setup_intent_write",
            "payment_intent_read",
            "mandate_read",
            "secret_write"
        ]
    );
    assert!(m.permissions.iter().all(|p| p.purpose.starts_with("Allows the app to ")));
    let views: Vec<(&str, &str)> =
        m.ui_extension.views.iter().map(|v| (v.viewport.as_str(), v.component.as_str())).collect();
    assert_eq!(
        views,
        [
            ("stripe.dashboard.customer.list", "CustomerListView"),
            ("stripe.dashboard.customer.detail", "CustomerDetailView"),
            ("app.settings", "AppSettings")
        ]
    );
    let csp = m.ui_extension.content_security_policy.as_ref().unwrap();
    assert_eq!(csp.connect_src, ["https://sync.customer-sync.example/api/"]);
    assert!(csp.image_src.is_empty(), "image-src: null reads as empty");
    assert!(csp.purpose.starts_with("Sends customer records"));
    assert_eq!(m.connect_src(), csp.connect_src.as_slice());
    assert!(m.has_permission("secret_write") && !m.has_permission("customer_portal_read"));
    assert_eq!(m.constants, None);
    assert!(m.allowed_redirect_uris.is_empty());
}

// Writing a parsed manifest back gives the same file, so later CLI verbs (grant, revoke,
// add view) can edit through the model without reformatting the developer's file.
#[test]
fn parse_then_serialize_round_trips_our_manifest_byte_for_byte() {
    let text = our_manifest_text();
    let m = parse(&text).unwrap();
    assert_eq!(serde_json::to_string_pretty(&m).unwrap() + "\n", text);
    assert_eq!(parse(&serde_json::to_string(&m).unwrap()).unwrap(), m);
}

#[test]
fn every_field_round_trips_through_the_model() {
    let mut v = base();
    v["post_install_action"] = json!({"type": "external", "url": "https://example.com/welcome"});
    v["constants"] = json!({"API_BASE": "https://api.example.com/v1/", "N": 3});
    v["allowed_redirect_uris"] = json!(["https://example.com/installed"]);
    v["distribution_type"] = json!("public");
    v["stripe_api_access_type"] = json!("restricted_api_key");
    v["ui_extension"]["content_security_policy"]["image-src"] = json!(["https://img.example.com/"]);
    let m = parse(&v.to_string()).unwrap();
    let url = "https://example.com/welcome".to_string();
    assert_eq!(m.post_install_action, Some(PostInstallAction::External { url }));
    assert_eq!(m.stripe_api_access_type, Some(StripeApiAccessType::RestrictedApiKey));
    assert_eq!(m.constants.as_ref().unwrap()["N"], 3);
    assert_eq!(serde_json::to_value(&m).unwrap(), v);
}

#[test]
fn diagnostics_display_as_severity_path_message() {
    let d = Diagnostic::error("permissions[3].purpose", "purpose is empty");
    assert_eq!(d.to_string(), "error: permissions[3].purpose: purpose is empty");
    let w = Diagnostic { severity: Severity::Warning, ..d };
    assert_eq!(w.to_string(), "warning: permissions[3].purpose: purpose is empty");
}

#[test]
fn parse_fails_with_every_finding_and_succeeds_despite_warnings() {
    let mut v = base();
    v["permissions"][0]["permission"] = json!("customer_reed");
    v["icon"] = json!("icon.png");
    let all = parse(&v.to_string()).unwrap_err();
    assert!(all.iter().any(|d| d.is_error() && d.path == "permissions[0].permission"));
    assert!(all.iter().any(|d| !d.is_error() && d.path == "icon"));
    v["permissions"][0]["permission"] = json!("customer_read");
    assert_eq!(parse(&v.to_string()).unwrap().icon, "icon.png");
}

#[test]
fn invalid_json_is_one_error_at_the_root_with_line_and_column() {
    let diags = validate_str("{\n  \"id\": \"x\",\n}");
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].path, "$");
    assert!(diags[0].message.starts_with("invalid JSON at line 3, column 1: "), "{}", diags[0]);
}

#[test]
fn a_missing_field_is_reported_at_its_own_path() {
    let mut v = base();
    v.as_object_mut().unwrap().remove("ui_extension");
    let msg = only_error_at(&v, "ui_extension");
    assert_eq!(
        msg,
        "missing required field \"ui_extension\"; add it, e.g. \"ui_extension\": {\"views\": []}"
    );
}

#[test]
fn unknown_permission_suggests_the_closest_name() {
    let mut v = base();
    v["permissions"][1]["permission"] = json!("customer_reed");
    assert_eq!(
        only_error_at(&v, "permissions[1].permission"),
        "unknown permission \"customer_reed\"; did you mean \"customer_read\"? Permission names \
         are listed at https://docs.stripe.com/stripe-apps/reference/permissions"
    );
    v["permissions"][1]["permission"] = json!("apple_pay_domain_read");
    let msg = only_error_at(&v, "permissions[1].permission");
    assert!(msg.contains("did you mean \"apply_pay_domain_read\"?"), "{msg}");
    v["permissions"][1]["permission"] = json!("zzz");
    let msg = only_error_at(&v, "permissions[1].permission");
    assert!(!msg.contains("did you mean"), "{msg}");
}

#[test]
fn a_duplicated_permission_names_both_entries() {
    let mut v = base();
    v["permissions"]
        .as_array_mut()
        .unwrap()
        .push(json!({"permission": "customer_read", "purpose": "Allows the app to read them."}));
    assert_eq!(
        only_error_at(&v, "permissions[2].permission"),
        "duplicate permission \"customer_read\": permissions[0] already requests it; remove \
         permissions[2] or permissions[0]"
    );
}

#[test]
fn purposes_must_say_something() {
    for blank in ["", "  \t "] {
        let mut v = base();
        v["permissions"][1]["purpose"] = json!(blank);
        let msg = only_error_at(&v, "permissions[1].purpose");
        assert!(msg.contains("why the app needs \"invoice_read\""), "{msg}");
    }
}

#[test]
fn connect_src_must_be_https_except_localhost_which_warns() {
    let msg = only_error_at(&with_connect_src("http://api.example.com/v1/"), CONNECT0);
    assert!(msg.contains("https://") && msg.contains("\"https://api.example.com/v1/\""), "{msg}");
    for local in ["http://localhost:8888/v1/", "http://127.0.0.1:3000/api/"] {
        let v = with_connect_src(local);
        assert!(errors(&v).is_empty(), "{local}");
        let w = warnings(&v);
        assert_eq!(w.len(), 1, "{local}: {w:?}");
        assert_eq!(w[0].path, CONNECT0);
        assert!(w[0].message.contains("dev manifest"), "{}", w[0]);
    }
}

#[test]
fn connect_src_needs_a_path() {
    for url in ["https://api.example.com/", "https://api.example.com"] {
        let msg = only_error_at(&with_connect_src(url), CONNECT0);
        assert!(msg.contains("path cannot be empty"), "{msg}");
        assert!(msg.contains("\"https://api.example.com/api/\""), "{msg}");
    }
    for ok in ["https://api.example.com/v1", "https://api.example.com:8443/v1/"] {
        assert!(errors(&with_connect_src(ok)).is_empty(), "{ok}");
    }
}

#[test]
fn a_wildcard_is_only_the_whole_left_most_host_label() {
    assert!(errors(&with_connect_src("https://*.example.com/api/")).is_empty());
    for bad in [
        "https://*/api/",
        "https://api.*.example.com/api/",
        "https://*example.com/api/",
        "https://*.*.example.com/api/",
    ] {
        let msg = only_error_at(&with_connect_src(bad), CONNECT0);
        assert!(msg.contains("left-most label"), "{bad}: {msg}");
    }
    let msg = only_error_at(&with_connect_src("https://api.example.com/v1/*"), CONNECT0);
    assert!(msg.contains("not allowed in the path"), "{msg}");
    assert!(msg.contains("\"https://api.example.com/v1/\""), "{msg}");
}

#[test]
fn stripe_hosts_are_refused_with_a_pointer_to_the_api_client() {
    for url in [
        "https://api.stripe.com/v1/",
        "https://files.stripe.com/links/",
        "https://*.stripe.com/v1/",
        "https://STRIPE.COM/v1/",
    ] {
        let msg = only_error_at(&with_connect_src(url), CONNECT0);
        assert!(msg.contains("must not fetch Stripe hosts") && msg.contains("API client"), "{msg}");
    }
    assert!(errors(&with_connect_src("https://notstripe.com/v1/")).is_empty());
}

#[test]
fn sources_carry_no_query_or_fragment() {
    let msg = only_error_at(&with_connect_src("https://api.example.com/v1/?key=1"), CONNECT0);
    assert!(msg.contains("query string") && msg.contains("\"?key=1\""), "{msg}");
    let msg = only_error_at(&with_connect_src("https://api.example.com/v1/#x"), CONNECT0);
    assert!(msg.contains("fragment"), "{msg}");
}

#[test]
fn image_src_follows_the_same_scheme_and_wildcard_rules_but_needs_no_path() {
    let mut v = base();
    let path = "ui_extension.content_security_policy.image-src[0]";
    for (url, ok) in [
        ("https://img.example.com", true),
        ("https://*.img.example.com/", true),
        ("http://img.example.com/", false),
        ("https://img.*.example.com/", false),
        ("img.example.com/a.png", false),
    ] {
        v["ui_extension"]["content_security_policy"]["image-src"] = json!([url]);
        if ok {
            assert!(errors(&v).is_empty(), "{url}");
        } else {
            only_error_at(&v, path);
        }
    }
}

#[test]
fn component_names_are_identifiers() {
    let mut v = base();
    for bad in ["Customer-Detail", "views/Customer.tsx", "", "Kundenübersicht"] {
        v["ui_extension"]["views"][0]["component"] = json!(bad);
        let msg = only_error_at(&v, "ui_extension.views[0].component");
        assert!(msg.contains("letters, digits and \"_\""), "{msg}");
    }
}

#[test]
fn settings_and_app_settings_are_the_same_viewport() {
    assert_eq!(canonical_viewport("app.settings"), "settings");
    assert_eq!(canonical_viewport("settings"), "settings");
    assert_eq!(
        canonical_viewport("stripe.dashboard.customer.list"),
        "stripe.dashboard.customer.list"
    );
    // Either spelling alone is valid, without a warning.
    let mut v = base();
    assert!(validate_value(&v).is_empty());
    v["ui_extension"]["views"][1]["viewport"] = json!("settings");
    assert!(validate_value(&v).is_empty());
    // Both together declare the settings page twice.
    v["ui_extension"]["views"]
        .as_array_mut()
        .unwrap()
        .push(json!({"viewport": "app.settings", "component": "MoreSettings"}));
    let msg = only_error_at(&v, "ui_extension.views[2].viewport");
    assert!(msg.contains("already used by ui_extension.views[1]"), "{msg}");
    assert!(msg.contains("same page"), "{msg}");
    // Lookups find the view under either name.
    let m = parse(&base().to_string()).unwrap();
    assert_eq!(m.view_for("settings").unwrap().component, "AppSettings");
    assert_eq!(m.view_for("app.settings").unwrap().component, "AppSettings");
}

#[test]
fn a_viewport_is_declared_once() {
    let mut v = base();
    v["ui_extension"]["views"][1]["viewport"] = json!("stripe.dashboard.customer.detail");
    assert_eq!(
        only_error_at(&v, "ui_extension.views[1].viewport"),
        "viewport \"stripe.dashboard.customer.detail\" is already used by ui_extension.views[0]; \
         a viewport shows one view, remove one of them"
    );
}

#[test]
fn unknown_viewports_warn_but_malformed_ones_are_errors() {
    let mut v = base();
    v["ui_extension"]["views"][0]["viewport"] = json!("stripe.dashboard.customer.detial");
    assert!(errors(&v).is_empty());
    let w = warnings(&v);
    assert_eq!(w[0].path, "ui_extension.views[0].viewport");
    assert!(
        w[0].message.contains("did you mean \"stripe.dashboard.customer.detail\"?"),
        "{}",
        w[0]
    );
    v["ui_extension"]["views"][0]["viewport"] = json!("Customer detail");
    let msg = only_error_at(&v, "ui_extension.views[0].viewport");
    assert!(msg.contains("is not a viewport ID"), "{msg}");
    // Docs-only viewports the schema lags behind are known: no warning.
    v["ui_extension"]["views"][0]["viewport"] = json!("stripe.dashboard.fullpage");
    assert!(validate_value(&v).is_empty());
}

#[test]
fn extensions_null_is_tolerated_and_anything_else_is_an_error() {
    let mut v = base();
    v["extensions"] = Value::Null;
    assert!(validate_value(&v).is_empty());
    assert!(parse(&v.to_string()).is_ok());
    v["extensions"] = json!([]);
    let msg = only_error_at(&v, "extensions");
    assert!(msg.contains("v1 manifest") && msg.contains("remove the field"), "{msg}");
}

#[test]
fn an_icon_without_dot_slash_is_a_warning() {
    let mut v = base();
    v["icon"] = json!("brand_icon.png");
    assert!(errors(&v).is_empty());
    assert_eq!(warnings(&v)[0].path, "icon");
    v["icon"] = json!("brand_icon.jpg");
    only_error_at(&v, "icon");
}

#[test]
fn a_settings_post_install_action_wants_a_settings_view() {
    let mut v = base();
    v["post_install_action"] = json!({"type": "settings"});
    assert!(validate_value(&v).is_empty(), "app.settings counts as the settings view");
    v["post_install_action"] = json!({"type": "onboarding"});
    let w = warnings(&v);
    assert_eq!((w.len(), w[0].path.as_str()), (1, "post_install_action.type"));
}

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("stripe-app-manifest-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// The first 33 bytes of a PNG: signature and IHDR chunk of a `w`×`h` RGBA image.
fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    b.extend(w.to_be_bytes());
    b.extend(h.to_be_bytes());
    b.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
    b
}

#[test]
fn the_icon_file_must_exist_be_a_png_and_be_300_by_300() {
    let dir = temp_dir("icon");
    let json = base().to_string();
    let icon_error = |dir: &Path| -> Option<String> {
        let d = validate_with_files(&json, dir);
        d.into_iter().find(|d| d.is_error() && d.path == "icon").map(|d| d.message)
    };
    let msg = icon_error(&dir).unwrap();
    assert!(msg.contains("icon.png not found"), "{msg}");
    fs::write(dir.join("icon.png"), b"GIF89a not a png at all").unwrap();
    assert!(icon_error(&dir).unwrap().contains("is not a PNG image"));
    fs::write(dir.join("icon.png"), png_header(128, 64)).unwrap();
    assert!(icon_error(&dir).unwrap().contains("is 128×64 pixels; Stripe requires 300×300"));
    fs::write(dir.join("icon.png"), png_header(300, 300)).unwrap();
    assert_eq!(icon_error(&dir), None);
    let _ = fs::remove_dir_all(&dir);
}

// Our name lists match Stripe's schema: every schema permission and viewport, and for
// viewports exactly four additions (docs-only ones and our app.settings).
#[test]
fn known_names_match_the_official_schema() {
    let text = fs::read_to_string(root().join("tests/data/stripe-app.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let strings = |v: &Value| -> Vec<String> {
        v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_owned()).collect()
    };
    let props = &schema["properties"];
    let permissions = strings(&props["permissions"]["items"]["properties"]["permission"]["enum"]);
    assert_eq!(permissions, KNOWN_PERMISSIONS);
    let views = &props["ui_extension"]["properties"]["views"]["items"]["properties"];
    let viewports = strings(&views["viewport"]["enum"]);
    let extra: Vec<&str> =
        KNOWN_VIEWPORTS.iter().copied().filter(|v| !viewports.iter().any(|s| s == v)).collect();
    assert!(viewports.iter().all(|v| KNOWN_VIEWPORTS.contains(&v.as_str())));
    assert_eq!(
        extra,
        [
            "stripe.dashboard.fullpage",
            "stripe.dashboard.shipping-rates.list",
            "stripe.dashboard.shipping-rates.detail",
            "app.settings"
        ]
    );
    assert!(manifest::has_errors(&validate_str("[]")));
}
