//! Writing several files as one change: all of them, or none.
//!
//! Each new content goes to a temporary file beside its target (`.NAME.stripe-app-tmp`, created
//! fresh, synced, with the target's permissions); only when every temporary is written are they
//! renamed over their targets. A failure before the renames removes the temporaries and leaves
//! every target untouched; a failed rename (rare: same folder, same file system) puts back the
//! targets already replaced.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One file to write.
#[derive(Debug)]
pub struct Change {
    pub path: PathBuf,
    pub contents: String,
    /// A new file: refused if it exists. Otherwise the file must exist and be writable.
    pub create: bool,
}

/// The temporary beside `path` its new content is first written to.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.stripe-app-tmp"))
}

/// Writes every change, or none; `Err` says what failed (and that nothing changed).
pub fn commit(changes: &[Change]) -> Result<(), String> {
    let mut originals = Vec::with_capacity(changes.len());
    for c in changes {
        let shown = c.path.display();
        let original = match fs::metadata(&c.path) {
            Ok(_) if c.create => return Err(format!("{shown} already exists")),
            Ok(meta) if meta.permissions().readonly() => {
                return Err(format!("{shown} is read-only; make it writable and try again"))
            }
            Ok(meta) => {
                let bytes = fs::read(&c.path).map_err(|e| format!("cannot read {shown}: {e}"))?;
                Some((bytes, meta.permissions()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && c.create => None,
            Err(e) => return Err(format!("cannot write {shown}: {e}")),
        };
        originals.push(original);
    }

    let mut temps: Vec<PathBuf> = Vec::with_capacity(changes.len());
    let remove_temps = |temps: &[PathBuf]| {
        for t in temps {
            let _ = fs::remove_file(t);
        }
    };
    for (c, original) in changes.iter().zip(&originals) {
        let tmp = temp_path(&c.path);
        let file = fs::OpenOptions::new().write(true).create_new(true).open(&tmp);
        let mut file = match file {
            Ok(file) => file,
            Err(e) => {
                remove_temps(&temps);
                let hint = if e.kind() == std::io::ErrorKind::AlreadyExists {
                    " (left by an interrupted run? remove it)"
                } else {
                    ""
                };
                return Err(format!("cannot create {}: {e}{hint}", tmp.display()));
            }
        };
        temps.push(tmp.clone());
        let written = file
            .write_all(c.contents.as_bytes())
            .and_then(|()| file.sync_all())
            .and_then(|()| match original {
                Some((_, permissions)) => fs::set_permissions(&tmp, permissions.clone()),
                None => Ok(()),
            });
        if let Err(e) = written {
            remove_temps(&temps);
            return Err(format!("cannot write {}: {e}", tmp.display()));
        }
    }

    for (i, (c, tmp)) in changes.iter().zip(&temps).enumerate() {
        if let Err(e) = fs::rename(tmp, &c.path) {
            remove_temps(&temps[i..]);
            let undone = undo(&changes[..i], &originals[..i]);
            return Err(format!("cannot replace {}: {e}{undone}", c.path.display()));
        }
    }
    Ok(())
}

/// Puts back the targets of `done` (already renamed into place); says what could not be.
fn undo(done: &[Change], originals: &[Option<(Vec<u8>, fs::Permissions)>]) -> String {
    let mut failed = Vec::new();
    for (c, original) in done.iter().zip(originals) {
        let restored = match original {
            None => fs::remove_file(&c.path),
            Some((bytes, _)) => fs::write(&c.path, bytes),
        };
        if restored.is_err() {
            failed.push(c.path.display().to_string());
        }
    }
    if failed.is_empty() {
        String::new()
    } else {
        format!("; could not put back {}", failed.join(", "))
    }
}
