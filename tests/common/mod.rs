//! Helpers shared by the CLI tests: run the built `stripe-app` binary and read its output.
#![allow(dead_code)] // each test file uses a subset

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The crate's root, where stripe-app.json is.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `stripe-app args…` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stripe-app"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the stripe-app binary runs")
}

/// Runs `stripe-app args…` in the crate's root.
pub fn stripe_app(args: &[&str]) -> Output {
    run_in(root(), args)
}

/// Output bytes as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Writes `contents` to `name` in a per-process temporary folder of `suite`.
pub fn temp_file(suite: &str, name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stripe-app-{suite}-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    fs::write(&path, contents).unwrap();
    path
}
