//! `validate` and `csp-check`: the commands that read a manifest and change nothing.

use std::io::Write;
use std::path::Path;

use stripe_app::csp::Allowlist;
use stripe_app::manifest::{self, Manifest};

/// The folder a manifest's relative paths (icon, extension.html, views/) start from.
pub fn base_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// `error: $: cannot read …`, the line for an unreadable manifest.
pub fn cannot_read(err: &mut dyn Write, path: &Path, e: &std::io::Error) -> std::io::Result<()> {
    writeln!(
        err,
        "error: $: cannot read {}: {e}; pass the manifest's path, e.g. `stripe-app validate \
         path/to/stripe-app.json`",
        path.display()
    )
}

/// `error: $: … is not valid JSON …`, the line for a manifest that does not parse.
pub fn not_json(err: &mut dyn Write, path: &Path, e: &serde_json::Error) -> std::io::Result<()> {
    let what = e.to_string();
    let what = what.rsplit_once(" at line ").map_or(what.as_str(), |(w, _)| w);
    writeln!(
        err,
        "error: $: {} is not valid JSON: {what} at line {}, column {}; fix the syntax there (a \
         trailing comma or a missing quote, comma or bracket is the usual cause)",
        path.display(),
        e.line(),
        e.column()
    )
}

pub fn validate(path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    let shown = path.display();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            cannot_read(err, path, &e)?;
            return Ok(1);
        }
    };
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&text) {
        not_json(err, path, &e)?;
        return Ok(1);
    }
    let diagnostics = manifest::validate_with_files(&text, base_dir(path));
    for d in &diagnostics {
        writeln!(err, "{d}")?;
    }
    if manifest::has_errors(&diagnostics) {
        return Ok(1);
    }
    let m: Manifest = match serde_json::from_str(&text) {
        Ok(m) => m,
        Err(e) => {
            writeln!(err, "error: $: {shown}: {e}")?;
            return Ok(1);
        }
    };
    writeln!(
        out,
        "ok: {shown} is a valid Stripe App manifest ({} permissions, {} views)",
        m.permissions.len(),
        m.ui_extension.views.len()
    )?;
    Ok(0)
}

/// `csp-check`: one `allow\tURL` or `deny\tURL\tWHY` line per URL on stdout. 0 when every URL
/// is allowed, 1 when one is denied, 2 when the manifest cannot be used (said on stderr).
pub fn csp_check(
    path: &Path,
    urls: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let shown = path.display();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            cannot_read(err, path, &e)?;
            return Ok(2);
        }
    };
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(e) => {
            not_json(err, path, &e)?;
            return Ok(2);
        }
    };
    let errors: Vec<_> =
        manifest::validate_value(&value).into_iter().filter(|d| d.is_error()).collect();
    if !errors.is_empty() {
        for d in &errors {
            writeln!(err, "{d}")?;
        }
        writeln!(err, "stripe-app: csp-check: {shown} has errors; fix them first (see above)")?;
        return Ok(2);
    }
    let m: Manifest = match serde_json::from_value(value) {
        Ok(m) => m,
        Err(e) => {
            writeln!(err, "error: $: {shown}: {e}")?;
            return Ok(2);
        }
    };
    let allowlist = match Allowlist::from_manifest(&m) {
        Ok(allowlist) => allowlist,
        Err(problems) => {
            for p in &problems {
                writeln!(err, "error: ui_extension.content_security_policy.{p}")?;
            }
            writeln!(
                err,
                "stripe-app: csp-check: the connect-src of {shown} does not parse as CSP sources"
            )?;
            return Ok(2);
        }
    };
    let mut denied = false;
    for url in urls {
        match allowlist.check(url) {
            Ok(_) => writeln!(out, "allow\t{url}")?,
            Err(refusal) => {
                denied = true;
                writeln!(out, "deny\t{url}\t{}", refusal.reason)?;
            }
        }
    }
    Ok(u8::from(denied))
}
