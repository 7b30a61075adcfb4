//! The manifest-editing commands of the `stripe-app` binary (`grant`/`revoke` a permission or a
//! URL, `add view`), run on copies of our project files in a temporary folder: what they print,
//! what they write, that they write nothing when they refuse, and all-or-nothing writes.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{root, run_in, text};
use stripe_app::manifest::edit::snake_case;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use stripe_app::csp::extension_policy;
use stripe_app::manifest;

/// A copy of the project's manifest, extension.html, icon and views in a fresh temporary folder.
struct Project {
    dir: PathBuf,
}

impl Project {
    fn new() -> Project {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir()
            .join(format!("stripe-app-cli-edit-{}-{n}", std::process::id()))
            .join("app");
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("assets")).unwrap();
        fs::create_dir_all(dir.join("views")).unwrap();
        for file in ["stripe-app.json", "extension.html", "assets/icon.png"] {
            fs::copy(root().join(file), dir.join(file)).unwrap();
        }
        for entry in fs::read_dir(root().join("views")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                fs::copy(&path, dir.join("views").join(path.file_name().unwrap())).unwrap();
            }
        }
        Project { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap()
    }

    fn write(&self, rel: &str, contents: &str) {
        fs::write(self.path(rel), contents).unwrap();
    }

    /// Runs `stripe-app ARGS` in the project's folder.
    fn run(&self, args: &[&str]) -> Output {
        run_in(&self.dir, args)
    }

    /// Every file and folder under the project, with the files' bytes.
    fn snapshot(&self) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
        fn walk(dir: &Path, base: &Path, out: &mut BTreeMap<PathBuf, Option<Vec<u8>>>) {
            for entry in fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                let rel = path.strip_prefix(base).unwrap().to_path_buf();
                if path.is_dir() {
                    out.insert(rel, None);
                    walk(&path, base, out);
                } else {
                    out.insert(rel, Some(fs::read(&path).unwrap()));
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(&self.dir, &self.dir, &mut out);
        out
    }

    fn manifest(&self) -> manifest::Manifest {
        manifest::parse(&self.read("stripe-app.json")).expect("the manifest stays valid")
    }

    /// The manifest as JSON, for the tests that change it before running a command.
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.read("stripe-app.json")).unwrap()
    }

    fn set_json(&self, value: &serde_json::Value) {
        self.write("stripe-app.json", &(serde_json::to_string_pretty(value).unwrap() + "\n"));
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(self.dir.parent().unwrap());
    }
}

/// Asserts a successful run that printed `stdout` exactly; returns its stderr.
#[track_caller]
fn ok(out: &Output, stdout: &str) -> String {
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    assert_eq!(text(&out.stdout), stdout, "stderr: {stderr}");
    stderr
}

/// Runs a command that must be refused with status `code`, print nothing on stdout, say
/// `message` on stderr, and change no file.
#[track_caller]
fn refused(p: &Project, args: &[&str], code: i32, message: &str) -> String {
    let before = p.snapshot();
    let out = p.run(args);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    assert_eq!(text(&out.stdout), "", "{args:?}");
    assert!(stderr.contains(message), "{args:?}: expected {message:?} in:\n{stderr}");
    assert!(p.snapshot() == before, "{args:?} changed files");
    stderr
}

/// The CSP `<meta>` line extension.html must carry for the project's manifest.
fn expected_meta(p: &Project) -> String {
    let policy = extension_policy(&p.manifest());
    format!(r#"<meta http-equiv="Content-Security-Policy" content="{policy}" />"#)
}

#[test]
fn granting_then_revoking_a_permission_gives_back_the_same_bytes() {
    let p = Project::new();
    let original = p.read("stripe-app.json");
    for indent in ["  ", "    ", "\t"] {
        // Re-indent our (2-space) manifest with `indent`.
        let reindented: String = original
            .lines()
            .map(|line| {
                let body = line.trim_start_matches(' ');
                let depth = (line.len() - body.len()) / 2;
                format!("{}{body}\n", indent.repeat(depth))
            })
            .collect();
        p.write("stripe-app.json", &reindented);
        let before = p.snapshot();

        let out =
            p.run(&["grant", "permission", "invoice_write", "Allows the app to draft invoices."]);
        ok(&out, "granted permission invoice_write\n");
        let granted = p.read("stripe-app.json");
        assert!(granted.contains(&format!(
            "{i}{i}{{\n{i}{i}{i}\"permission\": \"invoice_write\",\n{i}{i}{i}\"purpose\": \
             \"Allows the app to draft invoices.\"\n{i}{i}}}\n{i}],\n",
            i = indent
        )));
        let m = p.manifest();
        let last = m.permissions.last().unwrap();
        assert_eq!((last.permission.as_str(), m.permissions.len()), ("invoice_write", 15));

        let out = p.run(&["revoke", "permission", "invoice_write"]);
        ok(&out, "revoked permission invoice_write\n");
        assert!(p.snapshot() == before, "indent {indent:?}: not byte-identical");
    }
}

#[test]
fn granting_then_revoking_a_url_gives_back_the_same_bytes_and_updates_extension_html() {
    let p = Project::new();
    let original = p.read("stripe-app.json");
    for file in [original.clone(), original.replace("  ", "    ")] {
        p.write("stripe-app.json", &file);
        let before = p.snapshot();
        let url = "https://media.customer-sync.example/logos/";
        let out = p.run(&["grant", "url", url, "Loads customer logos."]);
        let stderr = ok(
            &out,
            &format!(
                "granted url {url} (connect-src)\nupdated extension.html Content-Security-Policy\n"
            ),
        );
        // Our CSP already has a purpose, which does not mention logos: kept, with a note.
        assert!(
            stderr.starts_with("note: kept the content_security_policy purpose \"Sends customer")
                && stderr.contains("\"Loads customer logos.\""),
            "{stderr}"
        );
        assert_eq!(
            p.manifest().connect_src(),
            ["https://sync.customer-sync.example/api/", url].map(String::from)
        );
        let html = p.read("extension.html");
        assert!(html.contains(&expected_meta(&p)), "{html}");
        assert!(html.contains(&format!(
            "connect-src 'self' https://sync.customer-sync.example/api/ {url};"
        )));

        let out = p.run(&["revoke", "url", url]);
        ok(
            &out,
            &format!(
                "revoked url {url} (connect-src)\nupdated extension.html Content-Security-Policy\n"
            ),
        );
        assert!(!p.read("extension.html").contains(url));
        assert!(p.snapshot() == before, "not byte-identical");
    }
}

#[test]
fn revoke_connect_src_is_stripes_spelling_of_revoke_url() {
    let p = Project::new();
    let before = p.snapshot();
    let url = "https://*.customer-sync.example/v2/";
    ok(
        &p.run(&["grant", "url", url, "Sends customer records you choose to sync"]),
        &format!(
            "granted url {url} (connect-src)\nupdated extension.html Content-Security-Policy\n"
        ),
    );
    ok(
        &p.run(&["revoke", "connect-src", url]),
        &format!(
            "revoked url {url} (connect-src)\nupdated extension.html Content-Security-Policy\n"
        ),
    );
    assert!(p.snapshot() == before);
}

#[test]
fn granting_a_url_sets_a_missing_or_empty_purpose_and_creates_the_policy() {
    let p = Project::new();
    let url = "https://api.example.com/v1/";

    let mut json = p.json();
    json["ui_extension"]["content_security_policy"]["purpose"] = "".into();
    p.set_json(&json);
    let out = p.run(&["grant", "url", url, "Fetches exchange rates."]);
    ok(
        &out,
        &format!(
            "granted url {url} (connect-src)\nset content_security_policy purpose to \"Fetches \
             exchange rates.\"\nupdated extension.html Content-Security-Policy\n"
        ),
    );
    let csp = p.manifest().ui_extension.content_security_policy.unwrap();
    assert_eq!(csp.purpose, "Fetches exchange rates.");

    let mut json = p.json();
    json["ui_extension"].as_object_mut().unwrap().remove("content_security_policy");
    p.set_json(&json);
    let out = p.run(&["grant", "url", url, "Fetches exchange rates."]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json = p.json();
    assert_eq!(
        json["ui_extension"]["content_security_policy"],
        serde_json::json!({"connect-src": [url], "purpose": "Fetches exchange rates."})
    );
    assert!(p.read("extension.html").contains(&expected_meta(&p)));
    assert!(p.read("extension.html").contains(&format!("connect-src 'self' {url};")));
}

#[test]
fn refused_edits_write_nothing_and_say_why() {
    let p = Project::new();
    let purpose = "Allows the app to do it.";
    let cases: &[(&[&str], &str)] = &[
        (
            &["grant", "permission", "customer_read", purpose],
            "error: permission \"customer_read\" is already granted (permissions[0])",
        ),
        (
            &["revoke", "permission", "invoice_write"],
            "error: permission \"invoice_write\" is not granted, so there is nothing to revoke; \
             granted: customer_read, customer_write, subscription_read,",
        ),
        (
            &["grant", "permission", "custmer_write", purpose],
            "error: permissions[14].permission: unknown permission \"custmer_write\"; did you \
             mean \"customer_write\"?",
        ),
        (
            &["grant", "permission", "invoice_write", ""],
            "error: permissions[14].purpose: purpose is empty",
        ),
        (
            &["grant", "permission", "invoice_write", "   "],
            "error: permissions[14].purpose: purpose is only whitespace",
        ),
        (&["grant", "permission", "invoice_read, invoice_write", purpose], "is not one permission"),
        (&["grant", "url", "https://api.example.com/v1/", ""], "error: the purpose is empty"),
        (
            &["grant", "url", "http://api.example.com/v1/", purpose],
            "error: ui_extension.content_security_policy.connect-src[1]: \
             \"http://api.example.com/v1/\" uses http://",
        ),
        (
            &["grant", "url", "https://api.example.com/", purpose],
            "connect-src[1]: \"https://api.example.com/\": path cannot be empty",
        ),
        (
            &["grant", "url", "https://api.example.com", purpose],
            "connect-src[1]: \"https://api.example.com\": path cannot be empty",
        ),
        (&["grant", "url", "https://api.stripe.com/v1/", purpose], "points at Stripe"),
        (&["grant", "url", "https://files.stripe.com/files/", purpose], "points at Stripe"),
        (
            &["grant", "url", "https://api.*.example.com/v1/", purpose],
            "\"*\" is only allowed as the whole left-most label of the host",
        ),
        (
            &["grant", "url", "https://api.example.com/*", purpose],
            "wildcards are not allowed in the path",
        ),
        (
            &["grant", "url", "https://sync.customer-sync.example/api/", purpose],
            "error: \"https://sync.customer-sync.example/api/\" is already in connect-src",
        ),
        (
            &["revoke", "url", "https://api.example.com/v1/"],
            "error: \"https://api.example.com/v1/\" is not in connect-src, so there is nothing \
             to revoke; connect-src: https://sync.customer-sync.example/api/",
        ),
    ];
    for (args, message) in cases {
        let stderr = refused(&p, args, 1, message);
        if message.contains("permissions[14]") || message.contains("connect-src[1]") {
            assert!(
                stderr.ends_with(
                    "nothing written: the change would make ./stripe-app.json invalid\n"
                ),
                "{stderr}"
            );
        }
    }
}

#[test]
fn a_manifest_that_already_has_errors_is_not_edited() {
    let p = Project::new();
    fs::remove_file(p.path("assets/icon.png")).unwrap();
    refused(
        &p,
        &["grant", "permission", "invoice_write", "Allows it."],
        1,
        "nothing written: ./stripe-app.json already has errors; fix them first",
    );
    p.write("stripe-app.json", "{\"id\": ");
    refused(&p, &["revoke", "permission", "customer_read"], 1, "is not valid JSON");
    refused(
        &p,
        &["--manifest", "missing.json", "revoke", "permission", "customer_read"],
        1,
        "error: $: cannot read missing.json: ",
    );
}

#[test]
fn usage_errors_exit_2() {
    let p = Project::new();
    for args in [
        &["grant"][..],
        &["grant", "permission", "invoice_write"],
        &["grant", "url", "https://api.example.com/v1/"],
        &["grant", "secret", "x", "y"],
        &["revoke", "permission"],
        &["revoke", "url", "a", "b"],
        &["add", "view", "stripe.dashboard.invoice.detail"],
        &["add", "widget", "a", "B"],
        &["grant", "permission", "invoice_write", "x", "--frobnicate"],
        &["--manifest"],
        &["--manifest", "a.json", "--manifest", "b.json", "revoke", "permission", "x"],
    ] {
        refused(&p, args, 2, "usage: stripe-app <command>");
    }
}

#[test]
fn the_manifest_option_goes_before_or_after_the_command() {
    let p = Project::new();
    let parent = p.dir.parent().unwrap();
    let before = p.snapshot();
    let out = run_in(
        parent,
        &["--manifest", "app/stripe-app.json", "grant", "permission", "invoice_read_x", "P"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr)
        .contains("nothing written: the change would make app/stripe-app.json invalid"));

    let url = "https://api.example.com/v1/";
    let out = run_in(
        parent,
        &[
            "grant",
            "url",
            url,
            "Sends customer records you choose",
            "--manifest",
            "app/stripe-app.json",
        ],
    );
    ok(
        &out,
        &format!(
            "granted url {url} (connect-src)\nupdated app/extension.html Content-Security-Policy\n"
        ),
    );
    let out = run_in(parent, &["revoke", "--manifest=app/stripe-app.json", "url", url]);
    ok(
        &out,
        &format!(
            "revoked url {url} (connect-src)\nupdated app/extension.html Content-Security-Policy\n"
        ),
    );
    assert!(p.snapshot() == before);

    let out = run_in(
        parent,
        &[
            "add",
            "view",
            "--manifest",
            "app/stripe-app.json",
            "stripe.dashboard.invoice.detail",
            "InvoiceDetailView",
        ],
    );
    ok(
        &out,
        "added view InvoiceDetailView for stripe.dashboard.invoice.detail\nwrote \
         app/views/invoice_detail_view.rs\nupdated app/views/registry.rs\nupdated \
         app/views/mod.rs\n",
    );
    assert!(p.path("views/invoice_detail_view.rs").exists());
}

/// The `Component => file` entries of the `views! { … }` list of a registry.rs.
fn registry_entries(registry: &str) -> Vec<(String, String)> {
    let start = registry.find("\nviews! {\n").expect("registry.rs has a views! list");
    let body = &registry[start + "\nviews! {\n".len()..];
    let body = &body[..body.find("\n}").unwrap()];
    body.lines()
        .map(|line| {
            let (c, f) = line.trim().trim_end_matches(',').split_once(" => ").unwrap();
            (c.to_owned(), f.to_owned())
        })
        .collect()
}

/// The checks of tests/registry.rs, on the project's copy: manifest components ⇔ registry ⇔
/// files under views/ (named after their component), sorted lists, and extension.html's CSP.
#[track_caller]
fn assert_registry_agrees(p: &Project) {
    let m = p.manifest();
    let declared: BTreeSet<String> =
        m.ui_extension.views.iter().map(|v| v.component.clone()).collect();
    let entries = registry_entries(&p.read("views/registry.rs"));
    let registered: BTreeSet<String> = entries.iter().map(|(c, _)| c.clone()).collect();
    assert_eq!(declared, registered, "manifest views ⇔ registry");
    let mut sorted = entries.clone();
    sorted.sort();
    assert_eq!(entries, sorted, "the registry stays sorted");
    let files: BTreeSet<String> = fs::read_dir(p.path("views"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".rs") && f != "mod.rs" && f != "registry.rs")
        .collect();
    let listed: BTreeSet<String> = entries.iter().map(|(_, f)| format!("{f}.rs")).collect();
    assert_eq!(files, listed, "registry ⇔ files");
    for (component, file) in &entries {
        assert_eq!(*file, snake_case(component));
    }
    let mods: Vec<String> = p
        .read("views/mod.rs")
        .lines()
        .filter_map(|l| Some(l.strip_prefix("pub mod ")?.strip_suffix(';')?.to_owned()))
        .collect();
    let mut sorted_mods = mods.clone();
    sorted_mods.sort();
    assert_eq!(mods, sorted_mods, "views/mod.rs stays sorted");
    let files: Vec<String> =
        entries.iter().map(|(_, f)| f.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    assert_eq!(mods, files, "views/mod.rs ⇔ files");
    assert!(p.read("extension.html").contains(&expected_meta(p)));
}

#[test]
fn add_view_writes_the_manifest_entry_the_file_the_registry_line_and_the_mod_line() {
    let p = Project::new();
    assert_registry_agrees(&p);
    let registry = p.read("views/registry.rs");
    let out = p.run(&["add", "view", "stripe.dashboard.invoice.detail", "InvoiceDetailView"]);
    ok(
        &out,
        "added view InvoiceDetailView for stripe.dashboard.invoice.detail\nwrote \
         views/invoice_detail_view.rs\nupdated views/registry.rs\nupdated views/mod.rs\n",
    );
    let m = p.manifest();
    let last = m.ui_extension.views.last().unwrap();
    assert_eq!(
        (last.viewport.as_str(), last.component.as_str()),
        ("stripe.dashboard.invoice.detail", "InvoiceDetailView")
    );
    assert!(p.read("stripe-app.json").contains(
        "      {\n        \"viewport\": \"stripe.dashboard.invoice.detail\",\n        \
         \"component\": \"InvoiceDetailView\"\n      }\n    ],\n"
    ));
    assert_eq!(
        p.read("views/registry.rs"),
        registry.replace(
            "    CustomerListView => customer_list_view,\n",
            "    CustomerListView => customer_list_view,\n    InvoiceDetailView => invoice_detail_view,\n"
        )
    );
    assert!(p
        .read("views/mod.rs")
        .ends_with("pub mod customer_list_view;\npub mod invoice_detail_view;\n"));
    assert_registry_agrees(&p);

    // One that sorts first goes first, in the registry and in mod.rs.
    ok(
        &p.run(&["add", "view", "stripe.dashboard.home.overview", "AccountOverview"]),
        "added view AccountOverview for stripe.dashboard.home.overview\nwrote \
         views/account_overview.rs\nupdated views/registry.rs\nupdated views/mod.rs\n",
    );
    assert!(p
        .read("views/registry.rs")
        .contains("views! {\n    AccountOverview => account_overview,\n    AppSettings"));
    assert_registry_agrees(&p);
    assert_eq!(p.run(&["validate"]).status.code(), Some(0));
}

#[test]
fn add_view_refuses_a_taken_viewport_or_component_and_bad_names() {
    let p = Project::new();
    let cases: &[(&[&str], &str)] = &[
        (
            &["add", "view", "stripe.dashboard.customer.list", "OtherList"],
            "error: viewport \"stripe.dashboard.customer.list\" already has a view: \
             CustomerListView (ui_extension.views[0])",
        ),
        (
            &["add", "view", "settings", "MySettings"],
            "error: viewport \"settings\" already has a view as \"app.settings\" (\"app.settings\" \
             and \"settings\" are the same page): AppSettings",
        ),
        (&["add", "view", "app.settings", "MySettings"], "already has a view: AppSettings"),
        (
            &["add", "view", "stripe.dashboard.invoice.detail", "CustomerDetailView"],
            "error: component CustomerDetailView is already declared (ui_extension.views[1]",
        ),
        (&["add", "view", "stripe.dashboard.invoice.detail", "invoiceView"], "must start with an uppercase letter"),
        (&["add", "view", "stripe.dashboard.invoice.detail", "Invoice_View"], "contains '_'"),
        (&["add", "view", "stripe.dashboard.invoice.detail", "views/Invoice"], "must start with an uppercase letter"),
        (&["add", "view", "stripe.dashboard.invoice.detail", "Invoice-View"], "contains '-'"),
        (&["add", "view", "stripe.dashboard.invoice.detail", "Mod"], "is taken"),
        (&["add", "view", "stripe.dashboard.invoice.detail", "Type"], "a Rust keyword"),
        (&["add", "view", "stripe.dashboard.invoice.detail", "ContextView"], "is taken"),
        (
            &["add", "view", "Stripe.Dashboard.Invoice", "InvoiceView"],
            "error: ui_extension.views[3].viewport: \"Stripe.Dashboard.Invoice\" is not a viewport ID",
        ),
    ];
    for (args, message) in cases {
        refused(&p, args, 1, message);
    }
    p.write("views/invoice_view.rs", "// someone's work in progress\n");
    refused(
        &p,
        &["add", "view", "stripe.dashboard.invoice.detail", "InvoiceView"],
        1,
        "error: views/invoice_view.rs already exists",
    );
}

#[test]
fn an_unknown_but_well_formed_viewport_is_added_with_the_validators_warning() {
    let p = Project::new();
    let out = p.run(&["add", "view", "stripe.dashboard.widget.detail", "WidgetView"]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("warning: ui_extension.views[3].viewport: unknown viewport"),
        "{stderr}"
    );
    assert_registry_agrees(&p);
}

#[test]
fn a_failure_before_the_renames_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let p = Project::new();
    let url = "https://api.example.com/v1/";
    let grant = ["grant", "url", url, "Sends customer records you choose to sync"];

    // A read-only extension.html (a mode check, so it holds when the tests run as root too).
    let html = p.path("extension.html");
    fs::set_permissions(&html, fs::Permissions::from_mode(0o444)).unwrap();
    refused(
        &p,
        &grant,
        1,
        "extension.html is read-only; make it writable and try again; nothing was changed",
    );
    fs::set_permissions(&html, fs::Permissions::from_mode(0o644)).unwrap();

    // The temporary for extension.html cannot be created (a folder has its name): the
    // manifest's temporary, already written, is removed.
    fs::create_dir(p.path(".extension.html.stripe-app-tmp")).unwrap();
    let stderr = refused(&p, &grant, 1, "cannot create .extension.html.stripe-app-tmp");
    assert!(stderr.ends_with("; nothing was changed\n"), "{stderr}");
    fs::remove_dir(p.path(".extension.html.stripe-app-tmp")).unwrap();

    // Same for add view, failing on its last file (views/mod.rs).
    fs::create_dir(p.path("views/.mod.rs.stripe-app-tmp")).unwrap();
    let add = ["add", "view", "stripe.dashboard.invoice.detail", "InvoiceDetailView"];
    refused(&p, &add, 1, "cannot create views/.mod.rs.stripe-app-tmp");
    fs::remove_dir(p.path("views/.mod.rs.stripe-app-tmp")).unwrap();

    // A read-only views/ folder: refused before any temporary is written when not root; as
    // root the write goes through, so only check that the outcome is all or nothing.
    let views = p.path("views");
    fs::set_permissions(&views, fs::Permissions::from_mode(0o555)).unwrap();
    let before = p.snapshot();
    let out = p.run(&add);
    fs::set_permissions(&views, fs::Permissions::from_mode(0o755)).unwrap();
    if out.status.code() == Some(0) {
        assert_registry_agrees(&p);
    } else {
        assert!(p.snapshot() == before, "a refused add view changed files");
    }

    // And nothing was left behind.
    let leftovers: Vec<_> = p
        .snapshot()
        .into_keys()
        .filter(|k| k.to_string_lossy().contains("stripe-app-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// The scaffold `add view` writes is a view in the style of ours: the golden files under
/// tests/cli/ (compiled for wasm32 when they were made, as views/ would), `//!` header naming
/// the viewport, the imports our views use, one `#[component]`; and it is rustfmt-clean.
#[test]
fn the_view_scaffold_follows_the_template_of_our_views() {
    let p = Project::new();
    ok(
        &p.run(&["add", "view", "stripe.dashboard.invoice.detail", "InvoiceDetailView"]),
        "added view InvoiceDetailView for stripe.dashboard.invoice.detail\nwrote \
         views/invoice_detail_view.rs\nupdated views/registry.rs\nupdated views/mod.rs\n",
    );
    let drawer = p.read("views/invoice_detail_view.rs");
    let golden =
        fs::read_to_string(root().join("tests/cli/invoice_detail_view.rs.expected")).unwrap();
    assert_eq!(drawer, golden);

    // The settings page gets a SettingsView, like views/app_settings.rs.
    let mut json = p.json();
    json["ui_extension"]["views"]
        .as_array_mut()
        .unwrap()
        .retain(|v| v["viewport"] != "app.settings");
    json.as_object_mut().unwrap().remove("post_install_action");
    p.set_json(&json);
    fs::remove_file(p.path("views/app_settings.rs")).unwrap();
    let registry = p.read("views/registry.rs").replace("    AppSettings => app_settings,\n", "");
    p.write("views/registry.rs", &registry);
    p.write("views/mod.rs", &p.read("views/mod.rs").replace("pub mod app_settings;\n", ""));
    ok(
        &p.run(&["add", "view", "settings", "SyncSettings"]),
        "added view SyncSettings for settings\nwrote views/sync_settings.rs\nupdated \
         views/registry.rs\nupdated views/mod.rs\n",
    );
    assert_registry_agrees(&p);
    let settings = p.read("views/sync_settings.rs");
    let golden = fs::read_to_string(root().join("tests/cli/sync_settings.rs.expected")).unwrap();
    assert_eq!(settings, golden);

    let ours: Vec<String> = ["app_settings", "customer_detail_view", "customer_list_view"]
        .iter()
        .map(|f| fs::read_to_string(root().join(format!("views/{f}.rs"))).unwrap())
        .collect();
    for (source, viewport, component) in [
        (&drawer, "stripe.dashboard.invoice.detail", "InvoiceDetailView"),
        (&settings, "settings", "SyncSettings"),
    ] {
        assert!(source.starts_with(&format!("//! `{viewport}`: ")));
        for line in source.lines().filter(|l| l.starts_with("use ")) {
            // Each import is one our views make: the same line, or items from the same module.
            let (module, items) = line.trim_end_matches(';').rsplit_once("::").unwrap();
            let items = items.trim_matches(['{', '}']).split(", ");
            for item in items {
                let used = ours.iter().any(|v| {
                    v.lines().any(|l| l.starts_with(&format!("{module}::")) && l.contains(item))
                });
                assert!(used, "{component}: `{line}` is not an import our views make");
            }
        }
        assert_eq!(source.matches("#[component]\n").count(), 1);
        assert!(
            source.contains(&format!("#[component]\npub fn {component}() -> impl IntoView {{\n"))
        );
        assert!(source.contains("use_extension_context()") && source.contains("view! {"));
        for (open, close) in [('{', '}'), ('(', ')'), ('[', ']')] {
            assert_eq!(
                source.matches(open).count(),
                source.matches(close).count(),
                "{open}{close}"
            );
        }
        assert_rustfmt_clean(&p.path(&format!("views/{}.rs", snake_case(component))));
    }
}

/// `rustfmt --check` with the repo's settings, when rustfmt is installed.
fn assert_rustfmt_clean(file: &Path) {
    let out = Command::new("rustfmt")
        .args(["--edition", "2021", "--check", "--config-path"])
        .arg(root().join("rustfmt.toml"))
        .arg(file)
        .output();
    match out {
        Ok(out) => assert!(
            out.status.success(),
            "{} is not rustfmt-clean:\n{}{}",
            file.display(),
            text(&out.stdout),
            text(&out.stderr)
        ),
        Err(e) => eprintln!("rustfmt not run ({e}); skipping the format check"),
    }
}
