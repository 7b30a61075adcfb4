//! The manifest rules: every rule of Stripe's `stripe-app.schema.json`, plus the rules its docs
//! state and the schema cannot express (https-only sources, `*` placement, no Stripe hosts,
//! duplicates, blank purposes). Works on a `serde_json::Value` so each finding has a JSON path.

use serde_json::{Map, Value};

use super::names::{canonical_viewport, did_you_mean, KNOWN_PERMISSIONS, KNOWN_VIEWPORTS};
use super::url::{self, UrlParts};
use super::{Diagnostic, Severity};

const PERMISSIONS_DOCS: &str = "https://docs.stripe.com/stripe-apps/reference/permissions";
const VIEWPORTS_DOCS: &str = "https://docs.stripe.com/stripe-apps/reference/viewports";

const TOP_LEVEL: &[&str] = &[
    "$schema",
    "id",
    "version",
    "name",
    "icon",
    "permissions",
    "ui_extension",
    "post_install_action",
    "constants",
    "allowed_redirect_uris",
    "distribution_type",
    "stripe_api_access_type",
    "sandbox_install_compatible",
];

/// Required top-level fields, each with an example to add.
const REQUIRED: &[(&str, &str)] = &[
    ("id", r#""id": "com.example.my-app""#),
    ("version", r#""version": "0.1.0""#),
    ("name", r#""name": "My App""#),
    ("icon", r#""icon": "./icon.png""#),
    ("permissions", r#""permissions": []"#),
    ("ui_extension", r#""ui_extension": {"views": []}"#),
];

/// Where a URL appears; the rules differ.
#[derive(Clone, Copy, PartialEq, Eq)]
enum UrlKind {
    ConnectSrc,
    ImageSrc,
    RedirectUri,
    ExternalAction,
}

/// Runs every rule on a parsed manifest and returns the findings, in document order.
pub fn validate_value(v: &Value) -> Vec<Diagnostic> {
    let mut c = Checker(Vec::new());
    c.manifest(v);
    c.0
}

struct Checker(Vec<Diagnostic>);

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `parent.key` (or `key` at the root); keys that are not plain names are written `["key"]`.
fn child(parent: &str, key: &str) -> String {
    let plain =
        !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || "_-$".contains(c));
    match (parent, plain) {
        ("$", true) => key.to_owned(),
        (_, true) => format!("{parent}.{key}"),
        (_, false) => format!("{parent}[{}]", Value::from(key)),
    }
}

fn item(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

/// The schema's icon pattern `^$|^\./((\.\./|[a-zA-Z0-9_/\-\\])[^\.\.]*\.png)$`.
fn icon_matches_schema(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("./") else {
        return s.is_empty();
    };
    let rest = match rest.strip_prefix("../") {
        Some(r) => r,
        None => {
            let mut chars = rest.chars();
            match chars.next() {
                Some(c) if c.is_ascii_alphanumeric() || "_/-\\".contains(c) => chars.as_str(),
                _ => return false,
            }
        }
    };
    rest.strip_suffix(".png").is_some_and(|mid| !mid.contains('.'))
}

/// Viewport IDs are dot-separated lowercase labels (`stripe.dashboard.customer.detail`).
fn is_viewport_shaped(s: &str) -> bool {
    s.split('.').all(|label| {
        !label.is_empty()
            && label
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    })
}

fn is_localhost(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    host == "localhost" || host == "127.0.0.1" || host == "[::1]"
}

impl Checker {
    fn push(&mut self, severity: Severity, path: &str, message: String) {
        self.0.push(Diagnostic { severity, path: path.to_owned(), message });
    }

    fn error(&mut self, path: &str, message: String) {
        self.push(Severity::Error, path, message);
    }

    fn warn(&mut self, path: &str, message: String) {
        self.push(Severity::Warning, path, message);
    }

    /// The string at `path`, or an error naming what was found instead.
    fn string<'a>(&mut self, path: &str, v: &'a Value, example: &str) -> Option<&'a str> {
        let s = v.as_str();
        if s.is_none() {
            let msg = format!("must be a string, e.g. {example}, but found {}", kind(v));
            self.error(path, msg);
        }
        s
    }

    /// An array (or, when `nullable`, null → empty), or an error.
    fn array<'a>(
        &mut self,
        path: &str,
        v: &'a Value,
        nullable: bool,
        example: &str,
    ) -> &'a [Value] {
        match v {
            Value::Array(items) => items,
            Value::Null if nullable => &[],
            _ => {
                let or_null = if nullable { " (or null)" } else { "" };
                let msg =
                    format!("must be an array{or_null}, e.g. {example}, but found {}", kind(v));
                self.error(path, msg);
                &[]
            }
        }
    }

    /// Warns about keys of `obj` outside `known`: the schema allows them here, Stripe ignores them.
    fn ignored_keys(&mut self, path: &str, obj: &Map<String, Value>, known: &[&str]) {
        for key in obj.keys().filter(|k| !known.contains(&k.as_str())) {
            let msg = format!(
                "unknown field \"{key}\" is ignored; {}only {} are read here",
                did_you_mean(key, known),
                quoted_list(known)
            );
            self.warn(&child(path, key), msg);
        }
    }

    fn manifest(&mut self, v: &Value) {
        let Some(root) = v.as_object() else {
            let msg = format!(
                "a manifest is a JSON object ({{\"id\": …, \"permissions\": […], …}}), but this \
                 file holds {}",
                kind(v)
            );
            return self.error("$", msg);
        };
        for (key, value) in root {
            if key == "extensions" {
                if !value.is_null() {
                    let msg = "the v1 manifest (stripe-app.schema.json) has no \"extensions\"; \
                               remove the field (only the \"extensions\": null the Stripe CLI \
                               writes is tolerated)";
                    self.error("extensions", msg.into());
                }
            } else if !TOP_LEVEL.contains(&key.as_str()) {
                let msg = format!(
                    "unknown field \"{key}\"; {}remove it: a manifest may only contain {}",
                    did_you_mean(key, TOP_LEVEL),
                    quoted_list(TOP_LEVEL)
                );
                self.error(&child("$", key), msg);
            }
        }
        for (field, example) in REQUIRED {
            if !root.contains_key(*field) {
                let msg = format!("missing required field \"{field}\"; add it, e.g. {example}");
                self.error(field, msg);
            }
        }
        if let Some(v) = root.get("$schema") {
            self.string("$schema", v, "\"https://stripe.com/stripe-app.schema.json\"");
        }
        if let Some(id) = root.get("id") {
            self.id(id);
        }
        for (field, example, what) in [
            ("version", "\"0.1.0\"", "any version label"),
            ("name", "\"Customer Sync\"", "the name shown in the Dashboard"),
        ] {
            let Some(v) = root.get(field) else { continue };
            if self.string(field, v, example) == Some("") {
                self.error(field, format!("{field} is empty; set {what}, e.g. {example}"));
            }
        }
        if let Some(v) = root.get("icon") {
            self.icon(v);
        }
        if let Some(v) = root.get("permissions") {
            self.permissions(v);
        }
        if let Some(v) = root.get("ui_extension") {
            self.ui_extension(v);
        }
        if let Some(v) = root.get("post_install_action") {
            self.post_install_action(v, root.get("ui_extension"));
        }
        if let Some(v) = root.get("constants") {
            if !(v.is_object() || v.is_null()) {
                let msg = format!(
                    "constants must be an object of values passed to views (or null), e.g. \
                     {{\"API_BASE\": \"https://api.example.com/v1/\"}}, but found {}",
                    kind(v)
                );
                self.error("constants", msg);
            }
        }
        if let Some(v) = root.get("allowed_redirect_uris") {
            let example = "[\"https://example.com/installed\"]";
            for (i, u) in self.array("allowed_redirect_uris", v, true, example).iter().enumerate() {
                self.url_entry(&item("allowed_redirect_uris", i), u, UrlKind::RedirectUri);
            }
        }
        for (field, allowed) in [
            ("distribution_type", &["public", "private"][..]),
            ("stripe_api_access_type", &["platform", "oauth", "restricted_api_key"][..]),
        ] {
            let Some(v) = root.get(field) else { continue };
            let Some(s) = self.string(field, v, &format!("\"{}\"", allowed[0])) else {
                continue;
            };
            if !allowed.contains(&s) {
                let msg = format!(
                    "{field} \"{s}\" is not allowed; {}use one of {}",
                    did_you_mean(s, allowed),
                    quoted_list(allowed)
                );
                self.error(field, msg);
            }
        }
        if let Some(v) = root.get("sandbox_install_compatible") {
            if !v.is_boolean() {
                let msg = format!("must be true or false (without quotes), but found {}", kind(v));
                self.error("sandbox_install_compatible", msg);
            }
        }
    }

    fn id(&mut self, v: &Value) {
        let Some(id) = self.string("id", v, "\"com.example.my-app\"") else {
            return;
        };
        let bad = id.chars().find(|c| !(c.is_ascii_alphanumeric() || "_-.".contains(*c)));
        let msg = match bad {
            _ if id.is_empty() => "id is empty".to_owned(),
            Some(c) => format!("id \"{id}\" contains {c:?}"),
            None => return,
        };
        let fix = "; use only letters, digits, \"_\", \"-\" and \".\", e.g. \"com.example.my-app\"";
        self.error("id", msg + fix);
    }

    fn icon(&mut self, v: &Value) {
        let Some(icon) = self.string("icon", v, "\"./icon.png\"") else {
            return;
        };
        if icon.is_empty() {
            let msg = "icon is empty; Stripe shows a 300×300 PNG icon for the app, set e.g. \
                       \"./icon.png\"";
            return self.warn("icon", msg.into());
        }
        if icon_matches_schema(icon) {
            return;
        }
        let plain_relative = !icon.starts_with(['.', '/', '\\']) && !icon.contains(':');
        if plain_relative && icon_matches_schema(&format!("./{icon}")) {
            let msg = format!(
                "icon \"{icon}\" should start with \"./\" (\"./{icon}\") as Stripe's schema \
                 requires; the Stripe CLI accepts it without"
            );
            return self.warn("icon", msg);
        }
        let msg = format!(
            "icon \"{icon}\" must be a relative path to a .png file starting with \"./\", with \
             no other \".\" than the one in \".png\", e.g. \"./icon.png\""
        );
        self.error("icon", msg);
    }

    fn permissions(&mut self, v: &Value) {
        let example = r#"[{"permission": "customer_read", "purpose": "Allows the app to …"}]"#;
        let mut seen: Vec<(&str, usize)> = Vec::new();
        for (i, p) in self.array("permissions", v, false, example).iter().enumerate() {
            let path = item("permissions", i);
            let Some(obj) = p.as_object() else {
                let msg = format!(
                    "each permission must be an object like {{\"permission\": \
                     \"customer_read\", \"purpose\": \"Allows the app to …\"}}, but found {}",
                    kind(p)
                );
                self.error(&path, msg);
                continue;
            };
            for key in obj.keys().filter(|k| *k != "permission" && *k != "purpose") {
                let msg = format!(
                    "unknown field \"{key}\"; {}a permission has only \"permission\" and \
                     \"purpose\", remove it",
                    did_you_mean(key, &["permission", "purpose"])
                );
                self.error(&child(&path, key), msg);
            }
            let name_path = child(&path, "permission");
            let name = match obj.get("permission") {
                None => {
                    let msg = "missing \"permission\"; add the permission name, e.g. \
                               \"permission\": \"customer_read\"";
                    self.error(&name_path, msg.into());
                    None
                }
                Some(v) => self.string(&name_path, v, "\"customer_read\""),
            };
            if let Some(name) = name {
                if name.contains([',', ' ']) {
                    let msg = format!(
                        "\"{name}\" is not one permission; give each permission its own \
                         {{\"permission\", \"purpose\"}} entry"
                    );
                    self.error(&name_path, msg);
                } else if !KNOWN_PERMISSIONS.contains(&name) {
                    let msg = format!(
                        "unknown permission \"{name}\"; {}Permission names are listed at \
                         {PERMISSIONS_DOCS}",
                        did_you_mean(name, KNOWN_PERMISSIONS)
                    );
                    self.error(&name_path, msg);
                } else if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name) {
                    let msg = format!(
                        "duplicate permission \"{name}\": permissions[{first}] already requests \
                         it; remove permissions[{i}] or permissions[{first}]"
                    );
                    self.error(&name_path, msg);
                } else {
                    seen.push((name, i));
                }
            }
            let purpose_path = child(&path, "purpose");
            let what = name.map_or("it".to_owned(), |n| format!("\"{n}\""));
            let fix = format!(
                "say in one sentence why the app needs {what}, e.g. \"purpose\": \"Allows the \
                 app to …\""
            );
            match obj.get("purpose") {
                None => self.error(&purpose_path, format!("missing \"purpose\"; {fix}")),
                Some(v) => match self.string(&purpose_path, v, "\"Allows the app to …\"") {
                    Some("") => self.error(&purpose_path, format!("purpose is empty; {fix}")),
                    Some(s) if s.trim().is_empty() => {
                        self.error(&purpose_path, format!("purpose is only whitespace; {fix}"));
                    }
                    _ => {}
                },
            }
        }
    }

    fn ui_extension(&mut self, v: &Value) {
        let path = "ui_extension";
        let Some(obj) = v.as_object() else {
            let msg = format!(
                "must be an object like {{\"views\": […], \"content_security_policy\": {{…}}}}, \
                 but found {}",
                kind(v)
            );
            return self.error(path, msg);
        };
        self.ignored_keys(path, obj, &["views", "content_security_policy"]);
        if let Some(views) = obj.get("views") {
            self.views(views);
        }
        if let Some(csp) = obj.get("content_security_policy") {
            self.csp(csp);
        }
    }

    fn views(&mut self, v: &Value) {
        let path = "ui_extension.views";
        let example = concat!(
            r#"[{"viewport": "stripe.dashboard.customer.detail", "#,
            r#""component": "CustomerDetailView"}]"#
        );
        let mut seen: Vec<(&str, usize)> = Vec::new();
        for (i, view) in self.array(path, v, false, example).iter().enumerate() {
            let path = item(path, i);
            let Some(obj) = view.as_object() else {
                let msg = format!(
                    "each view must be an object like {{\"viewport\": \
                     \"stripe.dashboard.customer.detail\", \"component\": \
                     \"CustomerDetailView\"}}, but found {}",
                    kind(view)
                );
                self.error(&path, msg);
                continue;
            };
            self.ignored_keys(&path, obj, &["viewport", "component"]);
            let vp_path = child(&path, "viewport");
            let viewport = match obj.get("viewport") {
                None => {
                    let msg = "missing \"viewport\"; add where the view shows, e.g. \"viewport\": \
                               \"stripe.dashboard.customer.detail\"";
                    self.error(&vp_path, msg.into());
                    None
                }
                Some(v) => self.string(&vp_path, v, "\"stripe.dashboard.customer.detail\""),
            };
            if let Some(vp) = viewport {
                let hint = did_you_mean(&vp.to_ascii_lowercase(), KNOWN_VIEWPORTS);
                if !is_viewport_shaped(vp) {
                    let msg = format!(
                        "\"{vp}\" is not a viewport ID; {hint}viewport IDs are dot-separated \
                         lowercase names such as \"stripe.dashboard.customer.detail\", listed at \
                         {VIEWPORTS_DOCS}"
                    );
                    self.error(&vp_path, msg);
                } else if !KNOWN_VIEWPORTS.contains(&vp) {
                    let msg = format!(
                        "unknown viewport \"{vp}\"; {hint}neither Stripe's schema nor its docs \
                         list it, so the view may never show. Viewport IDs are listed at \
                         {VIEWPORTS_DOCS}"
                    );
                    self.warn(&vp_path, msg);
                }
                let canon = canonical_viewport(vp);
                if let Some((first, j)) = seen.iter().find(|(c, _)| canonical_viewport(c) == canon)
                {
                    let same = if *first == vp {
                        String::new()
                    } else {
                        format!(
                            " as \"{first}\" (\"app.settings\" and \"settings\" are the same page)"
                        )
                    };
                    let msg = format!(
                        "viewport \"{vp}\" is already used by ui_extension.views[{j}]{same}; a \
                         viewport shows one view, remove one of them"
                    );
                    self.error(&vp_path, msg);
                } else {
                    seen.push((vp, i));
                }
            }
            let comp_path = child(&path, "component");
            match obj.get("component") {
                None => {
                    let msg = "missing \"component\"; add the view's component name, e.g. \
                               \"component\": \"CustomerDetailView\"";
                    self.error(&comp_path, msg.into());
                }
                Some(v) => {
                    let Some(c) = self.string(&comp_path, v, "\"CustomerDetailView\"") else {
                        continue;
                    };
                    if c.is_empty() || !c.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                        let msg = format!(
                            "component \"{c}\" is not a component name; use letters, digits and \
                             \"_\" only, e.g. \"CustomerDetailView\" (the view's name, not a file \
                             path)"
                        );
                        self.error(&comp_path, msg);
                    }
                }
            }
        }
    }

    fn csp(&mut self, v: &Value) {
        let path = "ui_extension.content_security_policy";
        let Some(obj) = v.as_object() else {
            let msg = format!(
                "must be an object like {{\"connect-src\": [\"https://api.example.com/v1/\"], \
                 \"purpose\": \"…\"}} (remove it if the app fetches nothing), but found {}",
                kind(v)
            );
            return self.error(path, msg);
        };
        self.ignored_keys(path, obj, &["connect-src", "image-src", "purpose"]);
        let mut has_sources = false;
        for (key, kind) in [("connect-src", UrlKind::ConnectSrc), ("image-src", UrlKind::ImageSrc)]
        {
            let Some(list) = obj.get(key) else { continue };
            let list_path = child(path, key);
            let example = "[\"https://api.example.com/v1/\"]";
            let items = self.array(&list_path, list, true, example);
            has_sources |= !items.is_empty();
            for (i, entry) in items.iter().enumerate() {
                let entry_path = item(&list_path, i);
                self.url_entry(&entry_path, entry, kind);
                if let Some(j) = items[..i].iter().position(|e| e == entry) {
                    let msg = format!("duplicates {key}[{j}]; remove one of them");
                    self.warn(&entry_path, msg);
                }
            }
        }
        let purpose_path = child(path, "purpose");
        match obj.get("purpose") {
            None => {
                let msg = "missing \"purpose\"; add a sentence shown to installers that says why \
                           the app talks to these URLs";
                self.error(&purpose_path, msg.into());
            }
            Some(p) => {
                let purpose = self.string(&purpose_path, p, "\"Sends … to your … account.\"");
                if has_sources && purpose.is_some_and(|s| s.trim().is_empty()) {
                    let msg = "purpose is empty; installers are shown it, say why the app talks \
                               to these URLs";
                    self.warn(&purpose_path, msg.into());
                }
            }
        }
    }

    fn post_install_action(&mut self, v: &Value, ui_extension: Option<&Value>) {
        let path = "post_install_action";
        let shapes = "{\"type\": \"settings\"}, {\"type\": \"onboarding\"} or {\"type\": \
                      \"external\", \"url\": \"https://…\"}";
        let obj = match v {
            Value::Null => return,
            Value::Object(obj) => obj,
            _ => {
                let msg = format!("must be null or one of {shapes}, but found {}", kind(v));
                return self.error(path, msg);
            }
        };
        let type_path = child(path, "type");
        let ty = match obj.get("type") {
            None => {
                let msg = format!("missing \"type\"; use {shapes}");
                self.error(&type_path, msg);
                None
            }
            Some(t) => self.string(&type_path, t, "\"settings\""),
        };
        let types = ["settings", "onboarding", "external"];
        if let Some(t) = ty.filter(|t| !types.contains(t)) {
            let msg = format!(
                "unknown post-install action type \"{t}\"; {}use {shapes}",
                did_you_mean(t, &types)
            );
            self.error(&type_path, msg);
        }
        let external = ty == Some("external");
        for key in obj.keys().filter(|k| *k != "type") {
            let msg = match key.as_str() {
                "url" if external => continue,
                "url" => "\"url\" is only allowed with \"type\": \"external\"; remove it".into(),
                _ => format!(
                    "unknown field \"{key}\"; a post-install action has only \"type\" (and \
                     \"url\" for \"external\"), remove it"
                ),
            };
            self.error(&child(path, key), msg);
        }
        if external {
            match obj.get("url") {
                Some(u) => self.url_entry(&child(path, "url"), u, UrlKind::ExternalAction),
                None => {
                    let msg = "missing \"url\"; an \"external\" action needs the https:// URL \
                               to send users to";
                    self.error(&child(path, "url"), msg.into());
                }
            }
        }
        let views = ui_extension.and_then(|u| u.get("views")?.as_array());
        if let (Some(page @ ("settings" | "onboarding")), Some(views)) = (ty, views) {
            let has_view = views.iter().any(|v| {
                v.get("viewport")
                    .and_then(Value::as_str)
                    .is_some_and(|vp| canonical_viewport(vp) == page)
            });
            if !has_view {
                let msg = format!(
                    "post_install_action sends users to \"{page}\" but no view has \"viewport\": \
                     \"{page}\"; add that view or change the action"
                );
                self.warn(&type_path, msg);
            }
        }
    }

    /// One URL: a `connect-src`/`image-src` entry, a redirect URI or an external action URL.
    fn url_entry(&mut self, path: &str, v: &Value, kind: UrlKind) {
        let example = match kind {
            UrlKind::ConnectSrc => "\"https://api.example.com/v1/\"",
            UrlKind::ImageSrc => "\"https://images.example.com/\"",
            UrlKind::RedirectUri => "\"https://example.com/installed\"",
            UrlKind::ExternalAction => "\"https://example.com/welcome\"",
        };
        let Some(s) = self.string(path, v, example) else {
            return;
        };
        let http = s.starts_with("http://");
        if !http && !s.starts_with("https://") {
            let msg =
                format!("\"{s}\" must be an absolute URL starting with https://, e.g. {example}");
            return self.error(path, msg);
        }
        if let Some((at, c)) = url::invalid_char(s) {
            let msg = format!(
                "\"{s}\" is not a valid URL: {c:?} (character {}) is not allowed there; remove \
                 it or percent-encode it (e.g. a space is %20)",
                s[..at].chars().count() + 1
            );
            return self.error(path, msg);
        }
        let Some(u) = url::split(s) else { return };
        // The schema's `^https?://.*/.+` for connect-src and redirect URIs: a non-empty path.
        let path_empty = u.path.len() <= 1;
        match kind {
            UrlKind::ConnectSrc if path_empty => {
                let msg = format!(
                    "\"{s}\": path cannot be empty; add the API path, e.g. \"https://{}/api/\" (a \
                     trailing / allows everything below it)",
                    u.host
                );
                self.error(path, msg);
            }
            UrlKind::RedirectUri if !has_path_after_host(s) => {
                let msg = format!(
                    "\"{s}\" needs a path after the host, e.g. \"https://{}/installed\"",
                    u.host
                );
                self.error(path, msg);
            }
            UrlKind::ConnectSrc | UrlKind::ImageSrc => self.source_rules(path, s, &u, kind, http),
            _ => {}
        }
    }

    /// Docs-only rules for CSP sources (the schema cannot express them).
    fn source_rules(&mut self, path: &str, s: &str, u: &UrlParts, kind: UrlKind, http: bool) {
        let field = if kind == UrlKind::ConnectSrc { "connect-src" } else { "image-src" };
        let host = u.host;
        let msg = if host.is_empty() || host == "*." {
            format!("\"{s}\" has no host; write e.g. \"https://api.example.com/v1/\"")
        } else if u.userinfo.is_some() {
            format!(
                "\"{s}\" contains credentials (\"…@\"); CSP sources cannot carry them, remove them"
            )
        } else if host.contains('*') && host.strip_prefix("*.").is_none_or(|h| h.contains('*')) {
            format!(
                "\"{s}\": \"*\" is only allowed as the whole left-most label of the host, e.g. \
                 \"https://*.example.com/api/\""
            )
        } else if let Some((prefix, _)) = u.path.split_once('*') {
            let prefix = if prefix.len() > 1 { prefix } else { "/api/" };
            format!(
                "\"{s}\": wildcards are not allowed in the path; end the path with / to allow \
                 everything below it, e.g. \"https://{host}{prefix}\""
            )
        } else if let Some(q) = u.query {
            format!(
                "\"{s}\" has a query string; remove \"?{q}\": CSP ignores queries, so the entry \
                 already covers every query on that path"
            )
        } else if let Some(f) = u.fragment {
            format!("\"{s}\" has a fragment; remove \"#{f}\", CSP ignores fragments")
        } else if kind == UrlKind::ConnectSrc && is_stripe_host(host) {
            format!(
                "\"{s}\" points at Stripe ({host}); an app must not fetch Stripe hosts directly: \
                 call the Stripe API through the API client (it acts with the signed-in user's \
                 permissions) and remove this entry"
            )
        } else if http && is_localhost(host) {
            let msg = format!(
                "\"{s}\" uses http://, which only works in a dev manifest for local development \
                 (stripe-app.dev.json with \"extends\": \"stripe-app.json\", used by `stripe \
                 apps start --manifest`); use https:// in {field} of the uploaded manifest"
            );
            return self.warn(path, msg);
        } else if http {
            format!(
                "\"{s}\" uses http://; Stripe only allows https:// sources, use \"https://{}\"",
                &s[7..]
            )
        } else {
            return;
        };
        self.error(path, msg);
    }
}

/// The schema's `^https?://.*/.+`: some `/` after `://` with a character after it.
fn has_path_after_host(s: &str) -> bool {
    let rest = s.split_once("://").map_or("", |(_, r)| r);
    rest.find('/').is_some_and(|i| i + 1 < rest.len())
}

fn is_stripe_host(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    let host = host.trim_start_matches("*.").trim_end_matches('.');
    host == "stripe.com" || host.ends_with(".stripe.com")
}

fn quoted_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("\"{s}\"")).collect();
    quoted.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    // The hand-written icon check must agree with the schema's regex on its edge cases.
    #[test]
    fn icon_pattern_matches_the_schema_regex() {
        for ok in ["", "./icon.png", "./assets/icon.png", "./../icon.png", "./a\\b.png", "./_.png"]
        {
            assert!(icon_matches_schema(ok), "{ok}");
        }
        for bad in ["icon.png", "./icon.jpg", "./.png", "./a.b.png", "./../../a.png", "./icon.PNG"]
        {
            assert!(!icon_matches_schema(bad), "{bad}");
        }
    }

    // A path written for a key that is not a plain name must stay unambiguous.
    #[test]
    fn child_paths_quote_odd_keys() {
        assert_eq!(child("$", "id"), "id");
        assert_eq!(child("ui_extension", "connect-src"), "ui_extension.connect-src");
        assert_eq!(child("$", "a b"), "$[\"a b\"]");
    }
}
