//! Editing a manifest the way the `stripe apps` CLI's `grant`, `revoke` and `add view` do, and
//! the text edits that go with it: the CSP `<meta>` of extension.html, the `views!` list of
//! views/registry.rs, views/mod.rs, and a new view's scaffold. Native only (the `stripe-app`
//! CLI), pure text in, text out: the caller reads, validates and writes the files.
//!
//! A [`Document`] keeps the manifest as a `serde_json::Value` whose objects keep their key order
//! (serde_json's `preserve_order`, enabled for native builds), and remembers the file's
//! indentation, line ending and final newline, so an edit rewrites only what it changes: on a
//! file in serde_json's pretty shape a grant followed by the matching revoke gives back the
//! same bytes.

#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Map, Value};

use super::names::canonical_viewport;

/// Why an edit was refused (a precondition failed); the message says what to do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError(pub String);

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EditError {}

fn refuse<T>(message: impl Into<String>) -> Result<T, EditError> {
    Err(EditError(message.into()))
}

/// How a JSON file is laid out, so it can be written back the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style {
    /// One level of indentation (`"  "`, `"    "`, `"\t"`); empty for a one-line file.
    pub indent: String,
    /// `"\r\n"` when the file uses CRLF line endings, else `"\n"`.
    pub newline: &'static str,
    /// Whether the file ends with a line ending.
    pub final_newline: bool,
}

impl Style {
    /// The layout of `text`: the indentation of its first indented line, its line ending and
    /// whether it ends with one.
    pub fn detect(text: &str) -> Style {
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let indent = text
            .lines()
            .skip(1)
            .map(|line| {
                let trimmed = line.trim_start_matches([' ', '\t']);
                &line[..line.len() - trimmed.len()]
            })
            .find(|lead| !lead.is_empty())
            .map(|lead| if lead.starts_with('\t') { "\t".to_owned() } else { lead.to_owned() });
        let indent = match indent {
            Some(indent) => indent,
            // A multi-line file with nothing indented (`{\n}`): serde_json's default.
            None if text.trim_end().contains('\n') => "  ".to_owned(),
            None => String::new(),
        };
        Style { indent, newline, final_newline: text.ends_with('\n') }
    }

    /// `value` written in this layout.
    pub fn render(&self, value: &Value) -> String {
        let mut text = if self.indent.is_empty() {
            serde_json::to_string(value).expect("a JSON value serializes")
        } else {
            let mut buf = Vec::new();
            let formatter = serde_json::ser::PrettyFormatter::with_indent(self.indent.as_bytes());
            let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter);
            serde::Serialize::serialize(value, &mut ser).expect("a JSON value serializes");
            String::from_utf8(buf).expect("serde_json writes UTF-8")
        };
        if self.newline != "\n" {
            text = text.replace('\n', self.newline);
        }
        if self.final_newline {
            text.push_str(self.newline);
        }
        text
    }
}

/// What `grant url` did with `content_security_policy.purpose`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CspPurpose {
    /// There was none (or an empty one): it is now the given purpose.
    Set,
    /// The existing purpose already says it (contains the given purpose): left as is.
    Kept,
    /// The existing purpose does not mention the given one: left as is, but installers are
    /// shown it, so it may need rewording to cover the new URL.
    KeptMayNeedUpdate { existing: String },
}

/// A manifest being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub value: Value,
    pub style: Style,
}

impl Document {
    /// Parses manifest text (any JSON; the caller validates it).
    pub fn parse(text: &str) -> Result<Document, serde_json::Error> {
        Ok(Document { value: serde_json::from_str(text)?, style: Style::detect(text) })
    }

    /// The manifest text, in the original layout.
    pub fn render(&self) -> String {
        self.style.render(&self.value)
    }

    fn root(&mut self) -> Result<&mut Map<String, Value>, EditError> {
        match &mut self.value {
            Value::Object(root) => Ok(root),
            _ => refuse("the manifest is not a JSON object"),
        }
    }

    fn permissions(&mut self) -> Result<&mut Vec<Value>, EditError> {
        match self.root()?.get_mut("permissions") {
            Some(Value::Array(list)) => Ok(list),
            _ => refuse("the manifest has no \"permissions\" array"),
        }
    }

    fn ui_extension(&mut self) -> Result<&mut Map<String, Value>, EditError> {
        match self.root()?.get_mut("ui_extension") {
            Some(Value::Object(ui)) => Ok(ui),
            _ => refuse("the manifest has no \"ui_extension\" object"),
        }
    }

    /// The names in `permissions`, in order.
    pub fn permission_names(&self) -> Vec<String> {
        let list = self.value.get("permissions").and_then(Value::as_array);
        let names = list.into_iter().flatten().filter_map(|p| p.get("permission")?.as_str());
        names.map(str::to_owned).collect()
    }

    /// The `connect-src` entries, in order.
    pub fn connect_src(&self) -> Vec<String> {
        let list = self.value.pointer("/ui_extension/content_security_policy/connect-src");
        let entries = list.and_then(Value::as_array).into_iter().flatten();
        entries.filter_map(Value::as_str).map(str::to_owned).collect()
    }

    /// `(viewport, component)` of each declared view, in order.
    pub fn views(&self) -> Vec<(String, String)> {
        let list = self.value.pointer("/ui_extension/views").and_then(Value::as_array);
        let field = |v: &Value, key| v.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
        list.into_iter().flatten().map(|v| (field(v, "viewport"), field(v, "component"))).collect()
    }

    /// Appends `{permission, purpose}` to `permissions`; refuses one already granted. The name
    /// and purpose are checked by validating the result (unknown names get a "did you mean").
    pub fn grant_permission(&mut self, name: &str, purpose: &str) -> Result<(), EditError> {
        let names = self.permission_names();
        if let Some(i) = names.iter().position(|n| n == name) {
            return refuse(format!(
                "permission \"{name}\" is already granted (permissions[{i}]); to change its \
                 purpose, revoke it and grant it again"
            ));
        }
        let mut entry = Map::new();
        entry.insert("permission".into(), name.into());
        entry.insert("purpose".into(), purpose.into());
        self.permissions()?.push(Value::Object(entry));
        Ok(())
    }

    /// Removes the `permissions` entry of `name`; refuses one not granted, listing those that are.
    pub fn revoke_permission(&mut self, name: &str) -> Result<(), EditError> {
        let names = self.permission_names();
        let Some(i) = names.iter().position(|n| n == name) else {
            let granted = if names.is_empty() { "none".to_owned() } else { names.join(", ") };
            return refuse(format!(
                "permission \"{name}\" is not granted, so there is nothing to revoke; granted: \
                 {granted}"
            ));
        };
        self.permissions()?.remove(i);
        Ok(())
    }

    /// Adds `url` at the end of `ui_extension.content_security_policy["connect-src"]`, creating
    /// the policy or the list when absent, and sets the policy's `purpose` when it has none.
    /// Refuses a URL already listed or a blank purpose; the URL itself is checked by validating
    /// the result.
    pub fn grant_url(&mut self, url: &str, purpose: &str) -> Result<CspPurpose, EditError> {
        if purpose.trim().is_empty() {
            return refuse(
                "the purpose is empty; say why the app talks to this URL, e.g. \"Sends the \
                 customers you choose to your Acme workspace.\" (installers are shown it)",
            );
        }
        if let Some(i) = self.connect_src().iter().position(|u| u == url) {
            return refuse(format!(
                "\"{url}\" is already in connect-src (ui_extension.content_security_policy.\
                 connect-src[{i}])"
            ));
        }
        let ui = self.ui_extension()?;
        let csp = ui.entry("content_security_policy").or_insert_with(|| Value::Object(Map::new()));
        if csp.is_null() {
            *csp = Value::Object(Map::new());
        }
        let Value::Object(csp) = csp else {
            return refuse("ui_extension.content_security_policy is not an object");
        };
        match csp.get_mut("connect-src") {
            Some(Value::Array(list)) => list.push(url.into()),
            Some(v @ Value::Null) => *v = Value::Array(vec![url.into()]),
            Some(_) => {
                return refuse("ui_extension.content_security_policy.connect-src is not a list")
            }
            None => {
                csp.shift_insert(0, "connect-src".into(), Value::Array(vec![url.into()]));
            }
        }
        let existing = csp.get("purpose").and_then(Value::as_str).map(str::to_owned);
        Ok(match existing {
            Some(existing) if !existing.trim().is_empty() => {
                if mentions(&existing, purpose) {
                    CspPurpose::Kept
                } else {
                    CspPurpose::KeptMayNeedUpdate { existing }
                }
            }
            _ => {
                csp.insert("purpose".into(), purpose.into());
                CspPurpose::Set
            }
        })
    }

    /// Removes `url` from `connect-src`; refuses one not listed, listing those that are.
    pub fn revoke_url(&mut self, url: &str) -> Result<(), EditError> {
        let entries = self.connect_src();
        let Some(i) = entries.iter().position(|u| u == url) else {
            let listed = if entries.is_empty() { "none".to_owned() } else { entries.join(", ") };
            return refuse(format!(
                "\"{url}\" is not in connect-src, so there is nothing to revoke; connect-src: \
                 {listed}"
            ));
        };
        let list = self.value.pointer_mut("/ui_extension/content_security_policy/connect-src");
        if let Some(Value::Array(list)) = list {
            list.remove(i);
        }
        Ok(())
    }

    /// Appends `{viewport, component}` to `ui_extension.views`; refuses a component name that
    /// cannot be a view component, a component already declared, or a viewport that already
    /// has a view (`settings` and `app.settings` are one page).
    pub fn add_view(&mut self, viewport: &str, component: &str) -> Result<(), EditError> {
        check_component_name(component)?;
        let views = self.views();
        if let Some(i) = views.iter().position(|(_, c)| c == component) {
            return refuse(format!(
                "component {component} is already declared (ui_extension.views[{i}], viewport \
                 \"{}\"); pick another name",
                views[i].0
            ));
        }
        let wanted = canonical_viewport(viewport);
        if let Some(i) = views.iter().position(|(v, _)| canonical_viewport(v) == wanted) {
            let (declared, other) = &views[i];
            let same = if declared == viewport {
                String::new()
            } else {
                format!(" as \"{declared}\" (\"app.settings\" and \"settings\" are the same page)")
            };
            return refuse(format!(
                "viewport \"{viewport}\" already has a view{same}: {other} \
                 (ui_extension.views[{i}]); a viewport shows one view"
            ));
        }
        let ui = self.ui_extension()?;
        let list = ui.entry("views").or_insert_with(|| Value::Array(Vec::new()));
        if list.is_null() {
            *list = Value::Array(Vec::new());
        }
        let Value::Array(list) = list else {
            return refuse("ui_extension.views is not a list");
        };
        let mut entry = Map::new();
        entry.insert("viewport".into(), viewport.into());
        entry.insert("component".into(), component.into());
        list.push(Value::Object(entry));
        Ok(())
    }
}

/// Whether `existing` (a purpose) already says `purpose`: contains it, ignoring case, surrounding
/// space and a final full stop.
fn mentions(existing: &str, purpose: &str) -> bool {
    let norm = |s: &str| s.trim().trim_end_matches('.').trim().to_lowercase();
    norm(existing).contains(&norm(purpose))
}

/// Rust keywords (strict and reserved, 2021), which a view's module name cannot be.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "if", "impl", "in",
    "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield", "gen",
];

/// Names a new view cannot take: what its scaffold imports, and the files beside the views.
const TAKEN: &[&str] = &["ContextView", "SettingsView", "IntoView", "View"];

/// Checks that `component` can name a view: UpperCamelCase letters and digits (it becomes a
/// Rust function and, in snake_case, a module and file under views/).
pub fn check_component_name(component: &str) -> Result<(), EditError> {
    let example = "e.g. InvoiceDetailView";
    let first = component.chars().next();
    if !first.is_some_and(|c| c.is_ascii_uppercase()) {
        return refuse(format!(
            "component \"{component}\" must start with an uppercase letter (UpperCamelCase, \
             {example})"
        ));
    }
    if let Some(c) = component.chars().find(|c| !c.is_ascii_alphanumeric()) {
        return refuse(format!(
            "component \"{component}\" contains {c:?}; use only letters and digits in \
             UpperCamelCase, {example} (its file is views/<snake_case>.rs)"
        ));
    }
    let module = snake_case(component);
    if TAKEN.contains(&component) || ["mod", "registry"].contains(&module.as_str()) {
        return refuse(format!("component name {component} is taken by the view scaffolding"));
    }
    if KEYWORDS.contains(&module.as_str()) {
        return refuse(format!(
            "component {component} would live in module `{module}`, a Rust keyword; pick \
             another name, {example}"
        ));
    }
    Ok(())
}

/// The module and file name of a component: `CustomerDetailView` → `customer_detail_view`
/// (an `_` before each uppercase letter but the first, as tests/registry.rs expects).
pub fn snake_case(component: &str) -> String {
    let mut out = String::with_capacity(component.len() + 4);
    for (i, ch) in component.chars().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(ch.to_ascii_lowercase());
    }
    out
}

/// A component's title for people: `InvoiceDetailView` → `Invoice Detail` (words, with a
/// final `View` dropped when other words remain).
pub fn title(component: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for ch in component.chars() {
        match words.last_mut() {
            Some(word) if !ch.is_ascii_uppercase() => word.push(ch),
            _ => words.push(ch.to_string()),
        }
    }
    if words.len() > 1 && words.last().is_some_and(|w| w == "View") {
        words.pop();
    }
    words.join(" ")
}

/// The CSP `<meta http-equiv="Content-Security-Policy" content="…">` of an HTML document:
/// the byte range of its `content` value, if the document has one.
fn csp_meta_content_range(html: &str) -> Option<std::ops::Range<usize>> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<meta") {
        let start = from + at;
        let end = start + lower[start..].find('>')?;
        let tag = &lower[start..end];
        from = end;
        let equiv =
            ["http-equiv=\"content-security-policy\"", "http-equiv='content-security-policy'"];
        if !equiv.iter().any(|e| tag.contains(e)) {
            continue;
        }
        let (quote, at) = ['"', '\'']
            .iter()
            .find_map(|q| tag.find(&format!("content={q}")).map(|at| (*q, at)))?;
        let value_start = start + at + "content=\"".len();
        let value_end = value_start + html[value_start..end].find(quote)?;
        return Some(value_start..value_end);
    }
    None
}

/// The policy in an HTML document's CSP `<meta>`, as written (attribute-escaped).
pub fn csp_meta_content(html: &str) -> Option<&str> {
    csp_meta_content_range(html).map(|r| &html[r])
}

/// `html` with its CSP `<meta>`'s `content` set to `policy`; `None` when it has no such tag.
pub fn set_csp_meta(html: &str, policy: &str) -> Option<String> {
    let range = csp_meta_content_range(html)?;
    let escaped = policy.replace('&', "&amp;").replace('"', "&quot;");
    let mut out = String::with_capacity(html.len() + escaped.len());
    out.push_str(&html[..range.start]);
    out.push_str(&escaped);
    out.push_str(&html[range.end..]);
    Some(out)
}

/// The `Component => file` entries of the `views! { … }` list in views/registry.rs, with the
/// index of the line each is on; `None` when the file has no such list.
fn registry_lines(registry: &str) -> Option<(Vec<&str>, usize, usize)> {
    let lines: Vec<&str> = registry.split_inclusive('\n').collect();
    let open = lines.iter().position(|l| {
        let t = l.trim();
        t.starts_with("views!") && t.ends_with('{')
    })?;
    let close = open + lines[open..].iter().position(|l| l.trim() == "}")?;
    Some((lines, open, close))
}

/// The `(component, file)` pairs of the `views! { … }` list in views/registry.rs.
pub fn registry_entries(registry: &str) -> Option<Vec<(String, String)>> {
    let (lines, open, close) = registry_lines(registry)?;
    let entries = lines[open + 1..close].iter().filter_map(|l| {
        let (component, file) = l.trim().trim_end_matches(',').split_once("=>")?;
        Some((component.trim().to_owned(), file.trim().to_owned()))
    });
    Some(entries.collect())
}

/// views/registry.rs with `component => file,` added to its `views!` list, before the first
/// entry that sorts after it (the list is kept sorted by component).
pub fn registry_with(registry: &str, component: &str, file: &str) -> Result<String, EditError> {
    let Some((mut lines, open, close)) = registry_lines(registry) else {
        return refuse("views/registry.rs has no `views! { … }` list to add the component to");
    };
    let entries = registry_entries(registry).unwrap_or_default();
    if let Some((c, f)) = entries.iter().find(|(c, f)| c == component || f == file) {
        return refuse(format!("views/registry.rs already lists {c} => {f}"));
    }
    let body = open + 1..close;
    let is_entry = |l: &str| l.contains("=>");
    let indent = lines[body.clone()].iter().find(|l| is_entry(l)).map_or("    ", |l| {
        let t = l.trim_start();
        &l[..l.len() - t.len()]
    });
    let newline = if lines[open].ends_with("\r\n") { "\r\n" } else { "\n" };
    let new_line = format!("{indent}{component} => {file},{newline}");
    let after = body.clone().find(|&i| {
        let name = lines[i].split("=>").next().unwrap_or("").trim();
        is_entry(lines[i]) && name > component
    });
    let fixed_last: String;
    let at = match after {
        Some(i) => i,
        None => {
            // Appending: the entry before needs its trailing comma.
            if let Some(last) = body.clone().rev().find(|&i| is_entry(lines[i])) {
                let content = lines[last].trim_end();
                if !content.ends_with(',') {
                    let ending = &lines[last][content.len()..];
                    fixed_last = format!("{content},{ending}");
                    lines[last] = &fixed_last;
                }
            }
            close
        }
    };
    let mut out = String::with_capacity(registry.len() + new_line.len());
    for (i, line) in lines.iter().enumerate() {
        if i == at {
            out.push_str(&new_line);
        }
        out.push_str(line);
    }
    Ok(out)
}

/// views/mod.rs with `pub mod module;` added among its `pub mod` lines, in sorted position.
pub fn mod_with(mod_rs: &str, module: &str) -> Result<String, EditError> {
    let lines: Vec<&str> = mod_rs.split_inclusive('\n').collect();
    let name_of = |l: &str| -> Option<String> {
        let name = l.trim().strip_prefix("pub mod ")?.strip_suffix(';')?;
        Some(name.trim().to_owned())
    };
    if lines.iter().any(|l| name_of(l).as_deref() == Some(module)) {
        return refuse(format!("views/mod.rs already declares `pub mod {module};`"));
    }
    let newline = if mod_rs.contains("\r\n") { "\r\n" } else { "\n" };
    let new_line = format!("pub mod {module};{newline}");
    let mods: Vec<usize> = (0..lines.len()).filter(|&i| name_of(lines[i]).is_some()).collect();
    let at = mods
        .iter()
        .copied()
        .find(|&i| name_of(lines[i]).is_some_and(|n| n.as_str() > module))
        .or_else(|| mods.last().map(|&i| i + 1))
        .unwrap_or(lines.len());
    let mut out = String::with_capacity(mod_rs.len() + new_line.len());
    for (i, line) in lines.iter().enumerate() {
        if i == at {
            out.push_str(&new_line);
        }
        out.push_str(line);
    }
    if at == lines.len() {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(newline);
        }
        out.push_str(&new_line);
    }
    Ok(out)
}

/// The source of a new view, views/<snake_case>.rs: a Leptos component in the style of the
/// existing views that shows where it is mounted (viewport, object) and for whom, from its
/// extension context. The settings page (`settings`/`app.settings`) gets Stripe's
/// `SettingsView` root, every other viewport a `ContextView` (a drawer).
pub fn view_scaffold(viewport: &str, component: &str) -> String {
    let title = title(component);
    let settings = canonical_viewport(viewport) == "settings";
    let (root, open) = if settings {
        (
            "SettingsView",
            format!("<SettingsView description=place>\n            <h2>\"{title}\"</h2>"),
        )
    } else {
        ("ContextView", format!("<ContextView title=\"{title}\" description=place>"))
    };
    format!(
        r#"//! `{viewport}`: {title}.
//!
//! Scaffolded by `stripe-app add view`: it shows where it is mounted and for whom, from the
//! extension context; build the view from here.

use crate::extension::use_extension_context;
use crate::ui::{root};
use leptos::prelude::*;

/// The viewport, the Dashboard object the page shows (if any), and the signed-in user.
#[component]
pub fn {component}() -> impl IntoView {{
    let ctx = use_extension_context();
    let env = ctx.environment;
    let place = match env.object_context {{
        Some(object) => format!("On {{}} {{}} in {{}}", object.object, object.id, env.viewport_id),
        None => format!("In {{}}", env.viewport_id),
    }};
    let user = ctx.user_context;
    let signed_in = format!(
        "Signed in as {{}} on {{}} ({{}} mode)",
        user.name.unwrap_or(user.id),
        user.account.name.unwrap_or(user.account.id),
        env.mode.as_str()
    );
    view! {{
        {open}
            <p class="secondary">{{signed_in}}</p>
        </{root}>
    }}
}}
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRETTY: &str =
        "{\n  \"a\": 1,\n  \"permissions\": [],\n  \"b\": {\n    \"c\": null\n  }\n}\n";

    #[test]
    fn style_is_detected_and_written_back() {
        for text in [
            PRETTY.to_owned(),
            PRETTY.replace("  ", "\t"),
            PRETTY.replace("  ", "    "),
            PRETTY.trim_end().to_owned(),
            PRETTY.replace('\n', "\r\n"),
            r#"{"a":1,"permissions":[],"b":{"c":null}}"#.to_owned(),
        ] {
            let doc = Document::parse(&text).unwrap();
            assert_eq!(doc.render(), text);
        }
    }

    #[test]
    fn key_order_is_kept() {
        let text = "{\n  \"z\": 1,\n  \"a\": 2,\n  \"permissions\": []\n}";
        let mut doc = Document::parse(text).unwrap();
        doc.grant_permission("customer_read", "Reads customers.").unwrap();
        let out = doc.render();
        assert!(out.find("\"z\"").unwrap() < out.find("\"a\"").unwrap(), "{out}");
        doc.revoke_permission("customer_read").unwrap();
        assert_eq!(doc.render(), text);
    }

    #[test]
    fn grant_url_creates_the_policy_and_sets_an_empty_purpose() {
        let mut doc = Document::parse(r#"{"ui_extension": {"views": []}}"#).unwrap();
        assert_eq!(doc.grant_url("https://a.example/api/", "Syncs."), Ok(CspPurpose::Set));
        assert_eq!(
            doc.render(),
            r#"{"ui_extension":{"views":[],"content_security_policy":{"connect-src":["https://a.example/api/"],"purpose":"Syncs."}}}"#
        );
        let mut doc = Document::parse(
            r#"{"ui_extension": {"content_security_policy": {"purpose": "", "connect-src": null}}}"#,
        )
        .unwrap();
        assert_eq!(doc.grant_url("https://a.example/api/", "Syncs."), Ok(CspPurpose::Set));
        assert_eq!(
            doc.render(),
            r#"{"ui_extension":{"content_security_policy":{"purpose":"Syncs.","connect-src":["https://a.example/api/"]}}}"#
        );
        assert_eq!(doc.grant_url("https://b.example/api/", "syncs"), Ok(CspPurpose::Kept));
        assert_eq!(
            doc.grant_url("https://c.example/api/", "Fetches logos."),
            Ok(CspPurpose::KeptMayNeedUpdate { existing: "Syncs.".into() })
        );
        assert!(doc
            .grant_url("https://c.example/api/", "Again.")
            .unwrap_err()
            .0
            .contains("already"));
        assert!(doc.grant_url("https://d.example/api/", " ").unwrap_err().0.contains("empty"));
    }

    #[test]
    fn add_view_refuses_taken_viewports_and_components() {
        let mut doc = Document::parse(
            r#"{"ui_extension": {"views": [{"viewport": "app.settings", "component": "A"}]}}"#,
        )
        .unwrap();
        let err = doc.add_view("settings", "Other").unwrap_err().0;
        assert!(err.contains("same page"), "{err}");
        assert!(doc.add_view("stripe.dashboard.home.overview", "A").is_err());
        assert!(doc.add_view("stripe.dashboard.home.overview", "bad_name").is_err());
        doc.add_view("stripe.dashboard.home.overview", "HomeView").unwrap();
        assert_eq!(doc.views().len(), 2);
    }

    #[test]
    fn component_names() {
        for ok in ["InvoiceView", "A", "Home2"] {
            assert_eq!(check_component_name(ok), Ok(()), "{ok}");
        }
        for bad in ["", "invoiceView", "Invoice_View", "Invoice-View", "Mod", "Type", "Registry"] {
            assert!(check_component_name(bad).is_err(), "{bad}");
        }
        assert_eq!(snake_case("CustomerDetailView"), "customer_detail_view");
        assert_eq!(title("CustomerDetailView"), "Customer Detail");
        assert_eq!(title("View"), "View");
        assert_eq!(title("AppSettings"), "App Settings");
    }

    #[test]
    fn csp_meta_is_found_and_replaced() {
        let html = "<head>\n<meta charset=\"utf-8\" />\n<meta http-equiv=\"Content-Security-Policy\" content=\"connect-src 'self'\" />\n</head>";
        assert_eq!(csp_meta_content(html), Some("connect-src 'self'"));
        let new = set_csp_meta(html, "connect-src 'self' https://a/b/").unwrap();
        assert_eq!(new, html.replace("'self'\"", "'self' https://a/b/\""));
        assert_eq!(set_csp_meta("<meta charset=\"utf-8\">", "x"), None);
    }

    #[test]
    fn registry_and_mod_lines_go_in_sorted_position() {
        let registry =
            "macro_rules! views {\n    () => {};\n}\n\nviews! {\n    B => b,\n    D => d\n}\n";
        let with_a = registry_with(registry, "A", "a").unwrap();
        assert!(with_a.contains("views! {\n    A => a,\n    B => b,\n"), "{with_a}");
        let with_c = registry_with(registry, "C", "c").unwrap();
        assert!(with_c.contains("    B => b,\n    C => c,\n    D => d\n"), "{with_c}");
        let with_e = registry_with(registry, "E", "e").unwrap();
        assert!(with_e.contains("    D => d,\n    E => e,\n}\n"), "{with_e}");
        assert!(registry_with(registry, "B", "x").is_err());
        assert_eq!(
            registry_entries(&with_e).unwrap(),
            [("B", "b"), ("D", "d"), ("E", "e")].map(|(c, f)| (c.to_owned(), f.to_owned()))
        );

        let mods = "//! Views.\n\npub mod b;\npub mod d;\n";
        assert_eq!(
            mod_with(mods, "a").unwrap(),
            "//! Views.\n\npub mod a;\npub mod b;\npub mod d;\n"
        );
        assert_eq!(
            mod_with(mods, "c").unwrap(),
            "//! Views.\n\npub mod b;\npub mod c;\npub mod d;\n"
        );
        assert_eq!(
            mod_with(mods, "e").unwrap(),
            "//! Views.\n\npub mod b;\npub mod d;\npub mod e;\n"
        );
        assert_eq!(mod_with("//! Views.", "a").unwrap(), "//! Views.\npub mod a;\n");
        assert!(mod_with(mods, "b").is_err());
    }
}
