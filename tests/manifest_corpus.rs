//! The manifest corpus: every file in `tests/manifests/{good,bad}/` is run through our validator
//! AND through Stripe's official JSON schema (`tests/data/stripe-app.schema.json`, checked with
//! the `jsonschema` crate), and the two verdicts must agree except for the listed divergences.
//!
//! Each corpus file is a complete manifest (with an `icon.png` beside it), so
//! `stripe-app validate tests/manifests/bad/<file>` shows what a developer would see.
//!
//! Schema rules covered by at least one bad file (see `SCHEMA_RULES`, checked below):
//! required fields ×6 (id, version, name, icon, permissions, ui_extension); additionalProperties
//! at the top level, in permission items and in post_install_action; id pattern; version and name
//! minLength; icon pattern; permission enum; purpose minLength and required; permission
//! required; viewport enum; component pattern; view viewport/component required; CSP purpose
//! required and type; connect-src pattern, type, item type and `format: uri`; image-src pattern
//! and type; allowed_redirect_uris pattern and type; post_install_action oneOf shapes (not an
//! object, no type, unknown type, external without url, external with a non-http url); constants
//! type; distribution_type and stripe_api_access_type enums; sandbox_install_compatible type;
//! and type errors (root, $schema, version, name, permissions, permission items, purpose,
//! ui_extension, views, view items, content_security_policy).
//!
//! `format`: the schema marks URL items `format: uri`. jsonschema 0.30 checks formats by default
//! for draft 7 (the schema's draft), but we turn it on explicitly with
//! `should_validate_formats(true)` so the verdicts never silently depend on that default;
//! `connect_src_space.json` is rejected by the format check alone, which proves it is on.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use stripe_app::manifest::{validate_with_files, Diagnostic};

/// What Stripe's official schema says about a corpus file.
#[derive(Debug, Clone, Copy)]
enum Schema {
    /// The schema accepts the file.
    Accepts,
    /// The schema rejects it: (`jsonschema` error kind it reports, schema rule the file covers).
    Rejects(&'static str, &'static str),
}
use Schema::{Accepts, Rejects};

/// Good files: we report no error. (file, what the schema says)
const GOOD: &[(&str, Schema)] = &[
    ("minimal.json", Accepts),
    ("typical.json", Accepts),
    ("every_field.json", Accepts),
    ("nulls.json", Accepts),
    ("onboarding.json", Accepts),
    ("wildcard_subdomain.json", Accepts),
    ("localhost_http.json", Accepts),
    ("exact_paths_and_port.json", Accepts),
    ("many_viewports.json", Accepts),
    ("empty_icon.json", Accepts),
    ("ui_extension_actions.json", Accepts),
    ("csp_unknown_key.json", Accepts),
    ("app_settings.json", Rejects("Enum", "enum: viewport")),
    ("extensions_null.json", Rejects("AdditionalProperties", "additionalProperties: top level")),
    ("icon_without_dot_slash.json", Rejects("Pattern", "pattern: icon")),
    ("fullpage_viewport.json", Rejects("Enum", "enum: viewport")),
    ("shipping_rates_viewports.json", Rejects("Enum", "enum: viewport")),
    ("unknown_viewport.json", Rejects("Enum", "enum: viewport")),
];

/// Bad files: (file, paths where we must report an error, what the schema says)
const BAD: &[(&str, &[&str], Schema)] = &[
    ("missing_id.json", &["id"], Rejects("Required", "required: id")),
    ("missing_version.json", &["version"], Rejects("Required", "required: version")),
    ("missing_name.json", &["name"], Rejects("Required", "required: name")),
    ("missing_icon.json", &["icon"], Rejects("Required", "required: icon")),
    ("missing_permissions.json", &["permissions"], Rejects("Required", "required: permissions")),
    ("missing_ui_extension.json", &["ui_extension"], Rejects("Required", "required: ui_extension")),
    (
        "unknown_top_level_field.json",
        &["description"],
        Rejects("AdditionalProperties", "additionalProperties: top level"),
    ),
    (
        "misspelled_top_level_field.json",
        &["permision", "permissions"],
        Rejects("AdditionalProperties", "additionalProperties: top level"),
    ),
    (
        "extensions_not_null.json",
        &["extensions"],
        Rejects("AdditionalProperties", "additionalProperties: top level"),
    ),
    (
        "permission_extra_field.json",
        &["permissions[0].name"],
        Rejects("AdditionalProperties", "additionalProperties: permission"),
    ),
    (
        "post_install_action_extra_field.json",
        &["post_install_action.url"],
        Rejects("OneOfNotValid", "additionalProperties: post_install_action"),
    ),
    ("id_with_spaces.json", &["id"], Rejects("Pattern", "pattern: id")),
    ("id_empty.json", &["id"], Rejects("Pattern", "pattern: id")),
    ("version_empty.json", &["version"], Rejects("MinLength", "minLength: version")),
    ("version_number.json", &["version"], Rejects("Type", "type: version")),
    ("name_empty.json", &["name"], Rejects("MinLength", "minLength: name")),
    ("name_null.json", &["name"], Rejects("Type", "type: name")),
    ("icon_jpg.json", &["icon"], Rejects("Pattern", "pattern: icon")),
    ("icon_absolute.json", &["icon"], Rejects("Pattern", "pattern: icon")),
    ("icon_two_dots.json", &["icon"], Rejects("Pattern", "pattern: icon")),
    ("permission_typo.json", &["permissions[0].permission"], Rejects("Enum", "enum: permission")),
    (
        "permission_comma_list.json",
        &["permissions[1].permission"],
        Rejects("Enum", "enum: permission"),
    ),
    (
        "permission_docs_only.json",
        &["permissions[3].permission"],
        Rejects("Enum", "enum: permission"),
    ),
    (
        "permission_missing.json",
        &["permissions[2].permission"],
        Rejects("Required", "required: permission"),
    ),
    ("purpose_missing.json", &["permissions[0].purpose"], Rejects("Required", "required: purpose")),
    ("purpose_empty.json", &["permissions[1].purpose"], Rejects("MinLength", "minLength: purpose")),
    ("purpose_locale_map.json", &["permissions[0].purpose"], Rejects("Type", "type: purpose")),
    ("permissions_object.json", &["permissions"], Rejects("Type", "type: permissions")),
    ("permission_item_string.json", &["permissions[0]"], Rejects("Type", "type: permission item")),
    ("duplicate_permission.json", &["permissions[3].permission"], Accepts),
    ("purpose_whitespace.json", &["permissions[1].purpose"], Accepts),
    ("ui_extension_array.json", &["ui_extension"], Rejects("Type", "type: ui_extension")),
    ("views_object.json", &["ui_extension.views"], Rejects("Type", "type: views")),
    ("view_not_object.json", &["ui_extension.views[0]"], Rejects("Type", "type: view item")),
    (
        "view_missing_viewport.json",
        &["ui_extension.views[0].viewport"],
        Rejects("Required", "required: view viewport"),
    ),
    (
        "view_missing_component.json",
        &["ui_extension.views[1].component"],
        Rejects("Required", "required: view component"),
    ),
    (
        "viewport_malformed.json",
        &["ui_extension.views[0].viewport"],
        Rejects("Enum", "enum: viewport"),
    ),
    (
        "component_file_path.json",
        &["ui_extension.views[0].component"],
        Rejects("Pattern", "pattern: component"),
    ),
    (
        "component_empty.json",
        &["ui_extension.views[1].component"],
        Rejects("Pattern", "pattern: component"),
    ),
    ("duplicate_viewport.json", &["ui_extension.views[2].viewport"], Accepts),
    (
        "settings_and_app_settings.json",
        &["ui_extension.views[2].viewport"],
        Rejects("Enum", "enum: viewport"),
    ),
    (
        "csp_null.json",
        &["ui_extension.content_security_policy"],
        Rejects("Type", "type: content_security_policy"),
    ),
    (
        "csp_missing_purpose.json",
        &["ui_extension.content_security_policy.purpose"],
        Rejects("Required", "required: content_security_policy.purpose"),
    ),
    (
        "csp_purpose_number.json",
        &["ui_extension.content_security_policy.purpose"],
        Rejects("Type", "type: content_security_policy.purpose"),
    ),
    (
        "connect_src_no_path.json",
        &["ui_extension.content_security_policy.connect-src[0]"],
        Rejects("Pattern", "pattern: connect-src"),
    ),
    (
        "connect_src_no_scheme.json",
        &["ui_extension.content_security_policy.connect-src[0]"],
        Rejects("Pattern", "pattern: connect-src"),
    ),
    (
        "connect_src_string.json",
        &["ui_extension.content_security_policy.connect-src"],
        Rejects("Type", "type: connect-src"),
    ),
    (
        "connect_src_item_number.json",
        &["ui_extension.content_security_policy.connect-src[1]"],
        Rejects("Type", "type: connect-src item"),
    ),
    (
        "connect_src_space.json",
        &["ui_extension.content_security_policy.connect-src[0]"],
        Rejects("Format", "format: uri"),
    ),
    (
        "connect_src_http_remote.json",
        &["ui_extension.content_security_policy.connect-src[0]"],
        Accepts,
    ),
    (
        "connect_src_wildcard_path.json",
        &["ui_extension.content_security_policy.connect-src[0]"],
        Accepts,
    ),
    (
        "connect_src_wildcard_mid_host.json",
        &["ui_extension.content_security_policy.connect-src[0]"],
        Accepts,
    ),
    (
        "connect_src_wildcard_host.json",
        &["ui_extension.content_security_policy.connect-src[0]"],
        Accepts,
    ),
    (
        "connect_src_stripe_api.json",
        &["ui_extension.content_security_policy.connect-src[1]"],
        Accepts,
    ),
    (
        "connect_src_stripe_files.json",
        &["ui_extension.content_security_policy.connect-src[0]"],
        Accepts,
    ),
    ("connect_src_query.json", &["ui_extension.content_security_policy.connect-src[0]"], Accepts),
    (
        "connect_src_fragment.json",
        &["ui_extension.content_security_policy.connect-src[0]"],
        Accepts,
    ),
    (
        "connect_src_credentials.json",
        &["ui_extension.content_security_policy.connect-src[0]"],
        Accepts,
    ),
    (
        "image_src_relative.json",
        &["ui_extension.content_security_policy.image-src[0]"],
        Rejects("Pattern", "pattern: image-src"),
    ),
    (
        "image_src_string.json",
        &["ui_extension.content_security_policy.image-src"],
        Rejects("Type", "type: image-src"),
    ),
    ("image_src_http_remote.json", &["ui_extension.content_security_policy.image-src[0]"], Accepts),
    (
        "post_install_action_string.json",
        &["post_install_action"],
        Rejects("OneOfNotValid", "oneOf: post_install_action not null or object"),
    ),
    (
        "post_install_action_missing_type.json",
        &["post_install_action.type"],
        Rejects("OneOfNotValid", "oneOf: post_install_action type required"),
    ),
    (
        "post_install_action_unknown_type.json",
        &["post_install_action.type"],
        Rejects("OneOfNotValid", "oneOf: post_install_action type const"),
    ),
    (
        "post_install_action_external_missing_url.json",
        &["post_install_action.url"],
        Rejects("OneOfNotValid", "oneOf: post_install_action external url required"),
    ),
    (
        "post_install_action_external_ftp_url.json",
        &["post_install_action.url"],
        Rejects("OneOfNotValid", "oneOf: post_install_action url pattern"),
    ),
    ("constants_array.json", &["constants"], Rejects("Type", "type: constants")),
    (
        "redirect_uri_no_path.json",
        &["allowed_redirect_uris[0]"],
        Rejects("Pattern", "pattern: allowed_redirect_uris"),
    ),
    (
        "redirect_uris_string.json",
        &["allowed_redirect_uris"],
        Rejects("Type", "type: allowed_redirect_uris"),
    ),
    (
        "distribution_type_unknown.json",
        &["distribution_type"],
        Rejects("Enum", "enum: distribution_type"),
    ),
    (
        "stripe_api_access_type_unknown.json",
        &["stripe_api_access_type"],
        Rejects("Enum", "enum: stripe_api_access_type"),
    ),
    (
        "sandbox_install_compatible_string.json",
        &["sandbox_install_compatible"],
        Rejects("Type", "type: sandbox_install_compatible"),
    ),
    ("schema_not_string.json", &["$schema"], Rejects("Type", "type: $schema")),
    ("root_array.json", &["$"], Rejects("Type", "type: root")),
];

/// Where our verdict and the schema's differ on purpose: (file, why).
const DIVERGENCES: &[(&str, &str)] = &[
    // We accept, the schema rejects.
    ("good/app_settings.json", "DESIGN: app.settings is our name for the settings page"),
    ("good/extensions_null.json", "the Stripe CLI writes \"extensions\": null (#1029)"),
    ("good/icon_without_dot_slash.json", "the Stripe CLI accepts icon paths without ./ (warning)"),
    ("good/fullpage_viewport.json", "docs/SDK viewport the schema enum lags behind"),
    ("good/shipping_rates_viewports.json", "docs viewports the schema enum lags behind"),
    (
        "good/unknown_viewport.json",
        "unknown but well-formed viewport: a warning (schema lags docs)",
    ),
    // We reject, the schema accepts: docs rules the schema cannot express.
    ("bad/connect_src_http_remote.json", "docs: connect-src is https only"),
    ("bad/image_src_http_remote.json", "docs: sources are https only"),
    ("bad/connect_src_wildcard_path.json", "docs: no wildcards in the path (#204)"),
    ("bad/connect_src_wildcard_mid_host.json", "docs: * only as the left-most DNS label"),
    ("bad/connect_src_wildcard_host.json", "docs: * only as the left-most DNS label"),
    ("bad/connect_src_stripe_api.json", "docs: no Stripe API hosts, use the API client"),
    ("bad/connect_src_stripe_files.json", "docs: no Stripe hosts (#321)"),
    ("bad/connect_src_query.json", "CSP sources carry no query"),
    ("bad/connect_src_fragment.json", "CSP sources carry no fragment"),
    ("bad/connect_src_credentials.json", "CSP sources carry no credentials"),
    ("bad/duplicate_permission.json", "a permission is requested once"),
    ("bad/duplicate_viewport.json", "a viewport shows one view"),
    ("bad/purpose_whitespace.json", "a blank purpose tells the installer nothing"),
];

/// Every schema rule some bad file must exercise (labels used in `BAD`).
const SCHEMA_RULES: &[&str] = &[
    "required: id",
    "required: version",
    "required: name",
    "required: icon",
    "required: permissions",
    "required: ui_extension",
    "additionalProperties: top level",
    "additionalProperties: permission",
    "additionalProperties: post_install_action",
    "pattern: id",
    "minLength: version",
    "minLength: name",
    "pattern: icon",
    "enum: permission",
    "required: permission",
    "required: purpose",
    "minLength: purpose",
    "enum: viewport",
    "pattern: component",
    "required: view viewport",
    "required: view component",
    "required: content_security_policy.purpose",
    "pattern: connect-src",
    "type: connect-src",
    "type: connect-src item",
    "format: uri",
    "pattern: image-src",
    "type: image-src",
    "pattern: allowed_redirect_uris",
    "type: allowed_redirect_uris",
    "oneOf: post_install_action not null or object",
    "oneOf: post_install_action type required",
    "oneOf: post_install_action type const",
    "oneOf: post_install_action external url required",
    "oneOf: post_install_action url pattern",
    "type: constants",
    "enum: distribution_type",
    "enum: stripe_api_access_type",
    "type: sandbox_install_compatible",
    "type: root",
    "type: $schema",
    "type: version",
    "type: name",
    "type: permissions",
    "type: permission item",
    "type: purpose",
    "type: ui_extension",
    "type: views",
    "type: view item",
    "type: content_security_policy",
    "type: content_security_policy.purpose",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn official_schema() -> jsonschema::Validator {
    let text = fs::read_to_string(root().join("tests/data/stripe-app.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the official schema compiles")
}

/// Every corpus file with its text, our findings and the schema's error kinds.
struct Run {
    file: String,
    ours: Vec<Diagnostic>,
    schema_errors: Vec<String>,
}

fn run(dir: &str, name: &str, schema: &jsonschema::Validator) -> Run {
    let path = root().join("tests/manifests").join(dir).join(name);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: Value = serde_json::from_str(&text).unwrap();
    Run {
        file: format!("{dir}/{name}"),
        ours: validate_with_files(&text, path.parent().unwrap()),
        schema_errors: schema.iter_errors(&value).map(|e| format!("{:?}", e.kind)).collect(),
    }
}

fn listed_files(dir: &str) -> BTreeSet<String> {
    fs::read_dir(root().join("tests/manifests").join(dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect()
}

fn check_schema_claim(r: &Run, claim: Schema) {
    match claim {
        Accepts => assert!(
            r.schema_errors.is_empty(),
            "{}: table says the schema accepts it, but it reports {:?}",
            r.file,
            r.schema_errors
        ),
        Rejects(kind, rule) => assert!(
            r.schema_errors.iter().any(|e| e.starts_with(kind)),
            "{}: table says the schema rejects it with {kind} ({rule}), but it reports {:?}",
            r.file,
            r.schema_errors
        ),
    }
}

// The corpus is as big as promised and every file in it is in a table (and vice versa).
#[test]
fn every_corpus_file_has_an_expectation() {
    let good: BTreeSet<String> = GOOD.iter().map(|(f, _)| f.to_string()).collect();
    let bad: BTreeSet<String> = BAD.iter().map(|(f, ..)| f.to_string()).collect();
    assert_eq!(listed_files("good"), good, "tests/manifests/good vs GOOD");
    assert_eq!(listed_files("bad"), bad, "tests/manifests/bad vs BAD");
    assert!(good.len() >= 12 && bad.len() >= 40, "{} good, {} bad", good.len(), bad.len());
}

// (a) every bad file gets an error from us at each expected path.
#[test]
fn bad_files_get_errors_at_the_expected_paths() {
    let schema = official_schema();
    for (name, paths, claim) in BAD {
        let r = run("bad", name, &schema);
        check_schema_claim(&r, *claim);
        for path in *paths {
            assert!(
                r.ours.iter().any(|d| d.is_error() && d.path == *path),
                "{}: expected an error at {path}, got:\n{}",
                r.file,
                lines(&r.ours)
            );
        }
        for d in r.ours.iter().filter(|d| d.is_error()) {
            assert!(d.message.len() > 20 && !d.message.contains('\n'), "{}: {d}", r.file);
        }
    }
}

// (b) every good file passes (icon file included); warnings are allowed.
#[test]
fn good_files_have_no_errors() {
    let schema = official_schema();
    for (name, claim) in GOOD {
        let r = run("good", name, &schema);
        check_schema_claim(&r, *claim);
        assert!(
            !r.ours.iter().any(Diagnostic::is_error),
            "{}: unexpected errors:\n{}",
            r.file,
            lines(&r.ours)
        );
    }
}

// (c) our verdict equals the official schema's on every file, except the listed divergences,
// and each listed divergence really diverges (so the list cannot go stale).
#[test]
fn verdicts_agree_with_the_official_schema_except_listed_divergences() {
    let schema = official_schema();
    let files = GOOD.iter().map(|(f, _)| ("good", *f)).chain(BAD.iter().map(|(f, ..)| ("bad", *f)));
    let mut diverging = BTreeSet::new();
    for (dir, name) in files {
        let r = run(dir, name, &schema);
        let ours_ok = !r.ours.iter().any(Diagnostic::is_error);
        let schema_ok = r.schema_errors.is_empty();
        if ours_ok != schema_ok {
            diverging.insert(r.file.clone());
            assert!(
                DIVERGENCES.iter().any(|(f, _)| *f == r.file),
                "{}: we say {}, the schema says {} ({:?}); fix one or list it in DIVERGENCES",
                r.file,
                if ours_ok { "valid" } else { "invalid" },
                if schema_ok { "valid" } else { "invalid" },
                r.schema_errors
            );
        }
    }
    let listed: BTreeSet<String> = DIVERGENCES.iter().map(|(f, _)| f.to_string()).collect();
    assert_eq!(listed, diverging, "DIVERGENCES must list exactly the diverging files");
}

// Every rule of the official schema is exercised by at least one bad file.
#[test]
fn every_schema_rule_is_covered_by_a_bad_file() {
    let covered: BTreeSet<&str> = BAD
        .iter()
        .filter_map(|(_, _, s)| match s {
            Rejects(_, rule) => Some(*rule),
            Accepts => None,
        })
        .collect();
    for rule in SCHEMA_RULES {
        assert!(covered.contains(rule), "no bad file covers schema rule {rule:?}");
    }
    for rule in &covered {
        assert!(SCHEMA_RULES.contains(rule), "{rule:?} is not listed in SCHEMA_RULES");
    }
}

// Our own manifest differs from the schema only by `app.settings`: with the schema's spelling
// `settings` it is schema-valid too.
#[test]
fn our_manifest_diverges_from_the_schema_only_by_app_settings() {
    let schema = official_schema();
    let text = fs::read_to_string(root().join("stripe-app.json")).unwrap();
    let mut value: Value = serde_json::from_str(&text).unwrap();
    let errors: Vec<String> =
        schema.iter_errors(&value).map(|e| e.instance_path.to_string()).collect();
    assert_eq!(errors, ["/ui_extension/views/2/viewport"]);
    value["ui_extension"]["views"][2]["viewport"] = "settings".into();
    assert!(schema.is_valid(&value));
}

// The warning for an http://localhost connect-src says to move it to a dev manifest: such a
// manifest is valid under Stripe's local-manifest schema.
#[test]
fn localhost_sources_belong_in_a_local_manifest() {
    let read = |f: &str| -> Value {
        serde_json::from_str(&fs::read_to_string(root().join("tests/data").join(f)).unwrap())
            .unwrap()
    };
    let main = jsonschema::Resource::from_contents(read("stripe-app.schema.json")).unwrap();
    let local = jsonschema::draft7::options()
        .should_validate_formats(true)
        .with_resource("https://stripe.com/stripe-app.schema.json", main)
        .build(&read("stripe-app-local.schema.json"))
        .expect("the local schema compiles");
    let dev = serde_json::json!({
        "extends": "stripe-app.json",
        "ui_extension": {"content_security_policy": {"connect-src": ["http://localhost:8888/v1/"]}},
        "constants": {"API_BASE": "http://localhost:8888/v1/"}
    });
    let errors: Vec<String> = local.iter_errors(&dev).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(!local.is_valid(&serde_json::json!({"extends": "other.json"})));
}

// Our hand-written URL syntax check (no url crate in the bundle) is at least as strict as the
// schema's `format: uri` + `pattern` on tricky inputs, for every field that holds URLs; on
// plain URLs both accept.
#[test]
fn url_checks_are_at_least_as_strict_as_the_schema() {
    let schema = official_schema();
    let tricky = [
        "https://a.example/p q/",
        "https://a.example/%zz/",
        "https://a.example/x/%",
        "https://a.example:80a/x",
        "https://[::1/x",
        "https://[::1]]/x",
        "https://[::1]x/y",
        "https://a[b].example/x",
        "https://u[@a.example/x",
        "https://a.example/x#a#b",
        "https://a.example/\u{fc}/",
        "https://b\u{fc}cher.example/x",
        "https://a.example/x|y",
        "https://a.example/{id}/",
        "https://a.example/x\\y",
        "https://a.example/x^",
        "https://a.example/`",
        "https://a.example/<x>",
        "https://a.example/x?y=[1]",
        "https://a.example/x\ny",
        "HTTPS://a.example/x",
        "//a.example/x",
    ];
    let plain = [
        "https://a.example/%41/",
        "https://[::1]:8080/x",
        "https://a_b.example/x",
        "https://a.example/~user/",
        "https://a.example:8443/v1/",
    ];
    let with_url = |field: usize, url: &str| {
        let mut m = serde_json::json!({
            "id": "a", "version": "1", "name": "n", "icon": "", "permissions": [],
            "ui_extension": {"content_security_policy": {"purpose": "p"}}
        });
        let csp = &mut m["ui_extension"]["content_security_policy"];
        match field {
            0 => csp["connect-src"] = serde_json::json!([url]),
            1 => csp["image-src"] = serde_json::json!([url]),
            _ => m["allowed_redirect_uris"] = serde_json::json!([url]),
        }
        m
    };
    for field in 0..3 {
        for url in tricky.iter().chain(&plain) {
            let m = with_url(field, url);
            let ours_ok = !stripe_app::manifest::validate_value(&m).iter().any(|d| d.is_error());
            let schema_ok = schema.is_valid(&m);
            assert!(schema_ok || !ours_ok, "field {field}: {url:?}: schema rejects, we accept");
            if plain.contains(url) {
                assert!(schema_ok && ours_ok, "field {field}: {url:?} should pass both");
            } else {
                assert!(!schema_ok, "field {field}: {url:?} is not tricky for the schema");
            }
        }
    }
}

fn lines(diags: &[Diagnostic]) -> String {
    diags.iter().map(|d| format!("  {d}\n")).collect()
}
