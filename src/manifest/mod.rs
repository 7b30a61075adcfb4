//! The app manifest (`stripe-app.json`): serde model and validation.
//!
//! [`validate_value`] applies every rule of Stripe's official `stripe-app.schema.json` plus the
//! rules Stripe's docs add (https-only `connect-src` with a path, `*` only as the left-most host
//! label, no Stripe hosts, no duplicate permissions or viewports, no blank purposes). Each
//! finding is a [`Diagnostic`] with a JSON path (`ui_extension.views[1].viewport`) and a message
//! that says how to fix it. Deliberate differences from the schema: `app.settings` (our name for
//! the `settings` page) and the docs-only viewports are accepted, an unknown but well-formed
//! viewport is only a warning, `"extensions": null` (written by the Stripe CLI) is tolerated,
//! and an icon path without `./` is a warning.
//!
//! Pure Rust + serde_json, so it also runs in the wasm bundle; only [`validate_with_files`]
//! touches the file system (native only).

pub mod edit;
mod model;
mod names;
mod url;
mod validate;

use std::fmt;

pub use model::{
    ContentSecurityPolicy, DistributionType, Manifest, PermissionRequest, PostInstallAction,
    StripeApiAccessType, UiExtension, ViewDecl,
};
pub use names::{canonical_viewport, KNOWN_PERMISSIONS, KNOWN_VIEWPORTS};
pub use validate::validate_value;

/// How bad a finding is: errors make the manifest invalid, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// One finding about a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// JSON path of the offending value: `$` for the document, else e.g. `permissions[3].purpose`.
    pub path: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        let (path, message) = (path.into(), message.into());
        Diagnostic { severity: Severity::Error, path, message }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `error: <path>: <message>` or `warning: <path>: <message>`.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}: {}: {}", self.path, self.message)
    }
}

impl std::error::Error for Diagnostic {}

/// Whether any of `diagnostics` is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

/// Validates and parses a manifest. `Err` holds every finding (warnings included) when there is
/// at least one error; on `Ok` the warnings are dropped (see [`validate_str`] for them).
pub fn parse(json: &str) -> Result<Manifest, Vec<Diagnostic>> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| vec![json_error(&e)])?;
    let diagnostics = validate_value(&value);
    if has_errors(&diagnostics) {
        return Err(diagnostics);
    }
    serde_json::from_value(value).map_err(|e| vec![Diagnostic::error("$", e.to_string())])
}

/// Every finding about a manifest given as JSON text (a syntax error is one error at `$`).
pub fn validate_str(json: &str) -> Vec<Diagnostic> {
    match serde_json::from_str(json) {
        Ok(value) => validate_value(&value),
        Err(e) => vec![json_error(&e)],
    }
}

fn json_error(e: &serde_json::Error) -> Diagnostic {
    let text = e.to_string();
    let what = text.rsplit_once(" at line ").map_or(text.as_str(), |(w, _)| w);
    let message = format!(
        "invalid JSON at line {}, column {}: {what}; fix the syntax there (a trailing comma or a \
         missing quote, comma or bracket is the usual cause)",
        e.line(),
        e.column()
    );
    Diagnostic::error("$", message)
}

/// [`validate_str`] plus the checks that need the files beside the manifest: the icon must
/// exist (relative to `base_dir`, the manifest's folder), be a PNG and be 300×300 pixels.
#[cfg(not(target_arch = "wasm32"))]
pub fn validate_with_files(json: &str, base_dir: &std::path::Path) -> Vec<Diagnostic> {
    let value: serde_json::Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(e) => return vec![json_error(&e)],
    };
    let mut diagnostics = validate_value(&value);
    let icon = value.get("icon").and_then(serde_json::Value::as_str);
    let icon_ok = !diagnostics.iter().any(|d| d.is_error() && d.path == "icon");
    if let Some(icon) = icon.filter(|i| icon_ok && !i.is_empty()) {
        diagnostics.extend(check_icon_file(icon, base_dir));
    }
    diagnostics
}

#[cfg(not(target_arch = "wasm32"))]
fn check_icon_file(icon: &str, base_dir: &std::path::Path) -> Option<Diagnostic> {
    use std::io::Read;
    let file = base_dir.join(icon.strip_prefix("./").unwrap_or(icon));
    let shown = file.display();
    let mut head = Vec::new();
    let read = std::fs::File::open(&file).and_then(|f| f.take(24).read_to_end(&mut head));
    let problem = match read {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => format!(
            "icon file {shown} not found; create a 300×300 PNG there or fix the path (it is \
             relative to the manifest's folder)"
        ),
        Err(e) => format!("cannot read icon file {shown}: {e}"),
        Ok(_)
            if !(head.len() == 24
                && head.starts_with(b"\x89PNG\r\n\x1a\n")
                && &head[12..16] == b"IHDR") =>
        {
            format!("icon file {shown} is not a PNG image; export it as a 300×300 PNG")
        }
        Ok(_) => {
            let dim = |at: usize| {
                u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]])
            };
            let (w, h) = (dim(16), dim(20));
            if (w, h) == (300, 300) {
                return None;
            }
            format!("icon file {shown} is {w}×{h} pixels; Stripe requires 300×300, resize it")
        }
    };
    Some(Diagnostic::error("icon", problem))
}
