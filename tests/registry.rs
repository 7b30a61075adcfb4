//! The manifest, the view registry, the files under views/ and extension.html's CSP agree.

use std::collections::BTreeSet;
use stripe_app::manifest;
use stripe_app::manifest::edit::snake_case;
use stripe_app::registry::VIEWS;

fn our_manifest() -> manifest::Manifest {
    let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/stripe-app.json"))
        .expect("stripe-app.json is readable");
    manifest::parse(&json).expect("stripe-app.json is valid")
}

#[test]
fn every_manifest_view_has_a_registered_component_and_vice_versa() {
    let declared: BTreeSet<String> =
        our_manifest().ui_extension.views.iter().map(|v| v.component.clone()).collect();
    let registered: BTreeSet<String> = VIEWS.iter().map(|(c, _)| c.to_string()).collect();
    let unregistered: Vec<_> = declared.difference(&registered).collect();
    let undeclared: Vec<_> = registered.difference(&declared).collect();
    assert!(unregistered.is_empty(), "manifest views without a component: {unregistered:?}");
    assert!(undeclared.is_empty(), "components without a manifest view: {undeclared:?}");
}

#[test]
fn each_component_lives_in_its_own_file_named_after_it() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/views");
    let files: BTreeSet<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".rs") && f != "mod.rs" && f != "registry.rs")
        .collect();
    let listed: BTreeSet<String> = VIEWS.iter().map(|(_, f)| format!("{f}.rs")).collect();
    assert_eq!(files, listed, "every views/*.rs file is registered, and only those");
    for (component, file) in VIEWS {
        assert_eq!(
            *file,
            snake_case(component),
            "views/{file}.rs should be named after {component}"
        );
    }
}

#[test]
fn extension_document_carries_the_manifest_csp() {
    let html =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/extension.html")).unwrap();
    let expected = stripe_app::csp::extension_policy(&our_manifest());
    let meta = format!(r#"<meta http-equiv="Content-Security-Policy" content="{expected}" />"#);
    assert!(html.contains(&meta), "extension.html must carry the manifest's policy:\n  {meta}");
}

// Views reach the network only through the toolkit: the API client (through the host) and
// `extension::fetch` (through the CSP guard). A direct fetch would bypass both guards.
#[test]
fn views_and_components_never_fetch_directly() {
    let forbidden = [
        "fetch_with",
        "gloo_net",
        "web_sys::Request",
        "XmlHttpRequest",
        "WebSocket",
        "EventSource",
        "send_beacon",
    ];
    // Every file below these folders, subfolders included (a view may be split into modules).
    let mut pending: Vec<std::path::PathBuf> = ["views", "src/components", "src/ui"]
        .iter()
        .map(|d| format!("{}/{d}", env!("CARGO_MANIFEST_DIR")).into())
        .collect();
    let mut files = Vec::new();
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 20, "found the view, component and UI files: {}", files.len());
    {
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            for word in forbidden {
                assert!(
                    !text.contains(word),
                    "{} uses `{word}`: use stripe_app::extension::fetch or the API client",
                    path.display()
                );
            }
        }
    }
}

// The bootstrap script in extension.html prefetches each view's first requests; its table must
// be the one the views' own request builders give, or the prefetch is wasted.
#[test]
fn extension_bootstrap_prefetches_what_the_views_ask_first() {
    let html =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/extension.html")).unwrap();
    let table = stripe_app::bridge::prefetch::bootstrap_table();
    let line = format!("const PREFETCH = {table};");
    assert!(html.contains(&line), "extension.html's bootstrap must read:\n    {line}");
    let first_id = format!("FIRST_ID = {:#x}", stripe_app::bridge::prefetch::FIRST_ID);
    assert!(html.contains(&first_id), "extension.html's bootstrap must set {first_id}");
    assert!(html.contains(stripe_app::bridge::prefetch::OBJECT_ID));
    assert!(
        html.find("__stripeAppBoot") < html.find(r#"rel="rust""#),
        "the bootstrap must run before the bundle"
    );
}
