//! The manifest-editing commands: `grant`/`revoke` a permission or a `connect-src` URL, `add
//! view`. Each one reads the manifest, refuses if it already has errors or if the edit's
//! precondition fails, applies the edit to the parsed JSON, validates the result like
//! `validate`, and only then writes the manifest and the files that follow from it
//! (extension.html's CSP; views/), all or none.

use std::io::Write;
use std::path::{Path, PathBuf};

use stripe_app::csp::{extension_policy, Allowlist};
use stripe_app::manifest::edit::{self, CspPurpose, Document};
use stripe_app::manifest::{self, Diagnostic, Manifest};

use crate::check::{base_dir, cannot_read, not_json};
use crate::files::{self, Change};

/// An edit of the manifest, as given on the command line.
#[derive(Debug)]
pub enum Edit {
    GrantPermission { name: String, purpose: String },
    RevokePermission { name: String },
    GrantUrl { url: String, purpose: String },
    RevokeUrl { url: String },
    AddView { viewport: String, component: String },
}

/// A file beside the manifest: `rel` under its folder, written as given (`views/mod.rs` when
/// the manifest is `./stripe-app.json`, `app/views/mod.rs` for `app/stripe-app.json`).
fn at(base: &Path, rel: &str) -> PathBuf {
    if base == Path::new(".") {
        PathBuf::from(rel)
    } else {
        base.join(rel)
    }
}

/// [`at`], for messages.
fn shown(base: &Path, rel: &str) -> String {
    at(base, rel).display().to_string()
}

/// Why an edit stopped: a line (or lines) already printed, or a message to print as an error.
enum Stop {
    Printed,
    Refused(String),
}

impl From<edit::EditError> for Stop {
    fn from(e: edit::EditError) -> Self {
        Stop::Refused(e.0)
    }
}

/// Runs one edit of the manifest at `path`; returns the exit status.
pub fn run(
    path: &Path,
    edit: &Edit,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            cannot_read(err, path, &e)?;
            return Ok(1);
        }
    };
    let mut doc = match Document::parse(&text) {
        Ok(doc) => doc,
        Err(e) => {
            not_json(err, path, &e)?;
            return Ok(1);
        }
    };
    let base = base_dir(path);
    let before = manifest::validate_with_files(&text, base);
    if manifest::has_errors(&before) {
        for d in &before {
            writeln!(err, "{d}")?;
        }
        writeln!(
            err,
            "nothing written: {} already has errors; fix them first (`stripe-app validate`)",
            path.display()
        )?;
        return Ok(1);
    }
    let mut editor = Editor { path, base, doc: &mut doc, before, err, report: Vec::new() };
    match editor.apply(edit) {
        Ok(()) => {
            let report = std::mem::take(&mut editor.report);
            for line in report {
                writeln!(out, "{line}")?;
            }
            Ok(0)
        }
        Err(Stop::Printed) => Ok(1),
        Err(Stop::Refused(message)) => {
            writeln!(err, "error: {message}")?;
            Ok(1)
        }
    }
}

struct Editor<'a> {
    path: &'a Path,
    base: &'a Path,
    doc: &'a mut Document,
    /// The findings on the manifest before the edit (warnings only).
    before: Vec<Diagnostic>,
    err: &'a mut dyn Write,
    /// What changed, printed on stdout once everything is written.
    report: Vec<String>,
}

impl Editor<'_> {
    fn apply(&mut self, edit: &Edit) -> Result<(), Stop> {
        match edit {
            Edit::GrantPermission { name, purpose } => {
                self.doc.grant_permission(name, purpose)?;
                let (text, _) = self.checked()?;
                self.report.push(format!("granted permission {name}"));
                self.write(vec![self.manifest_change(text)])
            }
            Edit::RevokePermission { name } => {
                self.doc.revoke_permission(name)?;
                let (text, _) = self.checked()?;
                self.report.push(format!("revoked permission {name}"));
                self.write(vec![self.manifest_change(text)])
            }
            Edit::GrantUrl { url, purpose } => {
                let kept = self.doc.grant_url(url, purpose)?;
                let (text, m) = self.checked()?;
                self.report.push(format!("granted url {url} (connect-src)"));
                match kept {
                    CspPurpose::Set => self
                        .report
                        .push(format!("set content_security_policy purpose to {purpose:?}")),
                    CspPurpose::Kept => {}
                    CspPurpose::KeptMayNeedUpdate { existing } => self.note(&format!(
                        "kept the content_security_policy purpose {existing:?}; installers are \
                         shown it for every connect-src URL, so you may need to update it to \
                         cover {purpose:?}"
                    )),
                }
                let mut changes = vec![self.manifest_change(text)];
                changes.extend(self.html_change(&m)?);
                self.write(changes)
            }
            Edit::RevokeUrl { url } => {
                self.doc.revoke_url(url)?;
                let (text, m) = self.checked()?;
                self.report.push(format!("revoked url {url} (connect-src)"));
                let mut changes = vec![self.manifest_change(text)];
                changes.extend(self.html_change(&m)?);
                self.write(changes)
            }
            Edit::AddView { viewport, component } => self.add_view(viewport, component),
        }
    }

    fn add_view(&mut self, viewport: &str, component: &str) -> Result<(), Stop> {
        self.doc.add_view(viewport, component)?;
        let module = edit::snake_case(component);
        let file_rel = format!("views/{module}.rs");
        let file = at(self.base, &file_rel);
        if file.exists() {
            let file = shown(self.base, &file_rel);
            return Err(Stop::Refused(format!(
                "{file} already exists; pick another component name, or remove the file"
            )));
        }
        let registry_rel = "views/registry.rs";
        let registry = self.read(registry_rel)?;
        let registry = edit::registry_with(&registry, component, &module)?;
        let mod_rel = "views/mod.rs";
        let mods = self.read(mod_rel)?;
        let mods = edit::mod_with(&mods, &module)?;
        let (text, _) = self.checked()?;
        let changes = vec![
            self.manifest_change(text),
            Change { path: file, contents: edit::view_scaffold(viewport, component), create: true },
            Change { path: at(self.base, registry_rel), contents: registry, create: false },
            Change { path: at(self.base, mod_rel), contents: mods, create: false },
        ];
        self.report.push(format!("added view {component} for {viewport}"));
        self.report.push(format!("wrote {}", shown(self.base, &file_rel)));
        self.report.push(format!("updated {}", shown(self.base, registry_rel)));
        self.report.push(format!("updated {}", shown(self.base, mod_rel)));
        self.write(changes)
    }

    /// A file beside the manifest that the edit needs.
    fn read(&self, rel: &str) -> Result<String, Stop> {
        std::fs::read_to_string(at(self.base, rel)).map_err(|e| {
            Stop::Refused(format!(
                "cannot read {}: {e}; `add view` registers the new view there",
                shown(self.base, rel)
            ))
        })
    }

    fn note(&mut self, line: &str) {
        let _ = writeln!(self.err, "note: {line}");
    }

    /// The edited manifest's text and model, once it validates like `validate` would (with the
    /// icon file, relative to the manifest) and its connect-src parses as CSP sources. Prints
    /// the warnings the edit introduced.
    fn checked(&mut self) -> Result<(String, Manifest), Stop> {
        let text = self.doc.render();
        let after = manifest::validate_with_files(&text, self.base);
        let refused = |err: &mut dyn Write, lines: &[String]| {
            for line in lines {
                let _ = writeln!(err, "{line}");
            }
            let path = self.path.display();
            let _ = writeln!(err, "nothing written: the change would make {path} invalid");
            Err(Stop::Printed)
        };
        if manifest::has_errors(&after) {
            let lines: Vec<String> = after.iter().map(Diagnostic::to_string).collect();
            return refused(self.err, &lines);
        }
        let m: Manifest = match serde_json::from_str(&text) {
            Ok(m) => m,
            Err(e) => return refused(self.err, &[format!("error: $: {e}")]),
        };
        if let Err(problems) = Allowlist::from_manifest(&m) {
            let lines: Vec<String> = problems
                .iter()
                .map(|p| format!("error: ui_extension.content_security_policy.{p}"))
                .collect();
            return refused(self.err, &lines);
        }
        let old: Vec<&str> = self.before.iter().map(|d| d.message.as_str()).collect();
        for d in after.iter().filter(|d| !old.contains(&d.message.as_str())) {
            let _ = writeln!(self.err, "{d}");
        }
        Ok((text, m))
    }

    fn manifest_change(&self, contents: String) -> Change {
        Change { path: self.path.to_path_buf(), contents, create: false }
    }

    /// extension.html (beside the manifest) with its CSP `<meta>` set to the manifest's policy;
    /// nothing when there is no such file or it already carries that policy.
    fn html_change(&mut self, m: &Manifest) -> Result<Option<Change>, Stop> {
        let rel = "extension.html";
        let path = at(self.base, rel);
        let html = match std::fs::read_to_string(&path) {
            Ok(html) => html,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(Stop::Refused(format!("cannot read {}: {e}", shown(self.base, rel))))
            }
        };
        let policy = extension_policy(m);
        let Some(updated) = edit::set_csp_meta(&html, &policy) else {
            let shown = shown(self.base, rel);
            self.note(&format!(
                "{shown} has no <meta http-equiv=\"Content-Security-Policy\" content=\"…\"> \
                 tag, so it was not updated; the manifest's policy is: {policy}"
            ));
            return Ok(None);
        };
        if updated == html {
            return Ok(None);
        }
        self.report.push(format!("updated {} Content-Security-Policy", shown(self.base, rel)));
        Ok(Some(Change { path, contents: updated, create: false }))
    }

    fn write(&mut self, changes: Vec<Change>) -> Result<(), Stop> {
        files::commit(&changes).map_err(|why| {
            self.report.clear();
            Stop::Refused(format!("{why}; nothing was changed"))
        })
    }
}
