//! `stripe-app`: the developer CLI for a Rust Stripe App (native only).
//!
//! ```text
//! stripe-app validate [PATH]                   check a manifest (default ./stripe-app.json)
//! stripe-app grant permission NAME PURPOSE     edit the manifest like `stripe apps grant …`
//! stripe-app revoke permission NAME
//! stripe-app grant url URL PURPOSE             … and extension.html's Content-Security-Policy
//! stripe-app revoke url URL                    (or `revoke connect-src URL`)
//! stripe-app add view VIEWPORT COMPONENT       … and views/: the file, registry, mod line
//! stripe-app csp-check URL...                  does the manifest's connect-src allow each URL?
//! ```
//!
//! `--manifest PATH` (before or after the command) names the manifest; the files an edit touches
//! are found beside it. Exit codes: 0 success, 1 the manifest has errors (or cannot be read) or
//! an edit was refused, 2 bad usage; `csp-check`: 0 all allowed, 1 some denied, 2 the manifest
//! is unusable or bad usage.

#[cfg(not(target_arch = "wasm32"))]
#[path = "stripe_app/check.rs"]
mod check;
#[cfg(not(target_arch = "wasm32"))]
#[path = "stripe_app/edit.rs"]
mod edit;
#[cfg(not(target_arch = "wasm32"))]
#[path = "stripe_app/files.rs"]
mod files;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = &mut std::io::stdout().lock();
    let stderr = &mut std::io::stderr().lock();
    std::process::ExitCode::from(cli::run(&args, stdout, stderr))
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::Write;
    use std::path::PathBuf;

    use crate::edit::Edit;

    const USAGE: &str = "\
usage: stripe-app <command> [args] [--manifest PATH]

commands:
  validate [PATH]                 check a Stripe App manifest (default: ./stripe-app.json)
                                  against Stripe's schema and docs rules, and its icon file
  grant permission NAME PURPOSE   request a permission, saying why (\"permissions\")
  revoke permission NAME          stop requesting a permission
  grant url URL PURPOSE           let the app fetch URL (connect-src; a trailing / allows the
                                  paths below it) and update extension.html's CSP to match
  revoke url URL                  remove URL from connect-src and extension.html's CSP
                                  (also spelled `revoke connect-src URL`)
  add view VIEWPORT COMPONENT     declare a view and write views/<component>.rs, its registry
                                  entry and its `pub mod` line
  csp-check URL...                tell, for each URL, whether the manifest's connect-src allows
                                  the app to fetch it: allow<TAB>URL or deny<TAB>URL<TAB>why
  help                            show this message

options:
  --manifest PATH   the manifest to read or edit (default: ./stripe-app.json); the files an
                    edit also changes (extension.html, views/) are the ones beside it

Edits keep the manifest's key order and layout, are checked like `validate` before anything
is written, and write all their files or none.

exit status: 0 ok, 1 the manifest has errors or an edit was refused, 2 bad usage;
csp-check: 0 every URL allowed, 1 some denied, 2 the manifest is unusable or bad usage";

    const DEFAULT_MANIFEST: &str = "./stripe-app.json";

    /// A parsed command line.
    #[derive(Debug)]
    enum Command {
        Validate { path: PathBuf },
        Edit { manifest: PathBuf, edit: Edit },
        CspCheck { manifest: PathBuf, urls: Vec<String> },
        Help,
    }

    /// Parses the arguments after the program name; `Err` carries the reason to show before
    /// the usage (empty when no command was given). `--manifest PATH` may come anywhere; `--`
    /// ends the options (for an argument that starts with `-`).
    fn parse_args(args: &[String]) -> Result<Command, String> {
        let mut manifest: Option<PathBuf> = None;
        let mut words: Vec<&str> = Vec::new();
        let mut options_done = false;
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            if options_done || arg == "-" || !arg.starts_with('-') {
                words.push(arg);
                continue;
            }
            let path = match arg.as_str() {
                "--" => {
                    options_done = true;
                    continue;
                }
                "-h" | "--help" => return Ok(Command::Help),
                "--manifest" => iter.next().ok_or("--manifest needs a PATH")?.as_str(),
                _ => match arg.strip_prefix("--manifest=") {
                    Some(path) => path,
                    None => {
                        let verb = words.first().map(|v| format!(" for {v:?}")).unwrap_or_default();
                        return Err(format!("unknown option {arg:?}{verb}"));
                    }
                },
            };
            if path.is_empty() {
                return Err("--manifest needs a PATH".into());
            }
            if manifest.replace(path.into()).is_some() {
                return Err("--manifest is given twice".into());
            }
        }
        let Some((verb, rest)) = words.split_first() else {
            return Err(String::new());
        };
        let path = || manifest.clone().unwrap_or_else(|| DEFAULT_MANIFEST.into());
        let edit = |edit| Ok(Command::Edit { manifest: path(), edit });
        let owned = |s: &str| s.to_owned();
        match (*verb, rest) {
            ("validate", []) => Ok(Command::Validate { path: path() }),
            ("validate", [file]) if manifest.is_none() => {
                Ok(Command::Validate { path: file.into() })
            }
            ("validate", [_]) => Err("validate takes PATH or --manifest PATH, not both".into()),
            ("validate", _) => Err("validate takes at most one PATH".into()),
            ("grant", ["permission", name, purpose]) => {
                edit(Edit::GrantPermission { name: owned(name), purpose: owned(purpose) })
            }
            ("grant", ["url", url, purpose]) => {
                edit(Edit::GrantUrl { url: owned(url), purpose: owned(purpose) })
            }
            ("grant", ["permission", ..]) => Err("usage: grant permission NAME PURPOSE".into()),
            ("grant", ["url", ..]) => Err("usage: grant url URL PURPOSE".into()),
            ("grant", _) => Err("grant what? `grant permission NAME PURPOSE` or `grant url \
                                 URL PURPOSE`"
                .into()),
            ("revoke", ["permission", name]) => edit(Edit::RevokePermission { name: owned(name) }),
            ("revoke", ["url" | "connect-src", url]) => edit(Edit::RevokeUrl { url: owned(url) }),
            ("revoke", ["permission", ..]) => Err("usage: revoke permission NAME".into()),
            ("revoke", [what @ ("url" | "connect-src"), ..]) => {
                Err(format!("usage: revoke {what} URL"))
            }
            ("revoke", _) => {
                Err("revoke what? `revoke permission NAME` or `revoke url URL`".into())
            }
            ("add", ["view", viewport, component]) => {
                edit(Edit::AddView { viewport: owned(viewport), component: owned(component) })
            }
            ("add", ["view", ..]) => Err("usage: add view VIEWPORT COMPONENT, e.g. `add view \
                                          stripe.dashboard.invoice.detail InvoiceDetailView`"
                .into()),
            ("add", _) => Err("add what? `add view VIEWPORT COMPONENT`".into()),
            ("csp-check", []) => Err("csp-check needs at least one URL to check".into()),
            ("csp-check", urls) => Ok(Command::CspCheck {
                manifest: path(),
                urls: urls.iter().map(|u| owned(u)).collect(),
            }),
            ("help", _) => Ok(Command::Help),
            _ => Err(format!("unknown command {verb:?}")),
        }
    }

    /// Runs the CLI; returns the exit status.
    pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
        let result = match parse_args(args) {
            Ok(Command::Validate { path }) => crate::check::validate(&path, out, err),
            Ok(Command::Edit { manifest, edit }) => crate::edit::run(&manifest, &edit, out, err),
            Ok(Command::CspCheck { manifest, urls }) => {
                crate::check::csp_check(&manifest, &urls, out, err)
            }
            Ok(Command::Help) => writeln!(out, "{USAGE}").map(|_| 0),
            Err(reason) => {
                if !reason.is_empty() {
                    let _ = writeln!(err, "stripe-app: {reason}");
                }
                let _ = writeln!(err, "{USAGE}");
                return 2;
            }
        };
        // A closed stdout/stderr is not worth a panic; the status still tells the story.
        result.unwrap_or(1)
    }
}
