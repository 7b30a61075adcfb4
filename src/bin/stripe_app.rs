//! `stripe-app`: the developer CLI for a Rust Stripe App (native only).
//!
//! ```text
//! stripe-app validate [PATH]    check a manifest (default ./stripe-app.json)
//! ```
//!
//! Exit codes: 0 success, 1 the manifest has errors (or cannot be read), 2 bad usage.

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
    use std::path::{Path, PathBuf};

    use stripe_app::manifest::{self, Manifest};

    const USAGE: &str = "\
usage: stripe-app <command> [args]

commands:
  validate [PATH]   check a Stripe App manifest (default: ./stripe-app.json) against
                    Stripe's schema and docs rules, and its icon file
  help              show this message

exit status: 0 ok, 1 the manifest has errors, 2 bad usage";

    const DEFAULT_MANIFEST: &str = "./stripe-app.json";

    /// A parsed command line.
    #[derive(Debug)]
    enum Command {
        Validate { path: PathBuf },
        Help,
    }

    /// Parses the arguments after the program name; `Err` carries the reason to show before
    /// the usage (empty when no command was given).
    fn parse_args(args: &[String]) -> Result<Command, String> {
        let (verb, rest) = match args.split_first() {
            None => return Err(String::new()),
            Some((verb, rest)) => (verb.as_str(), rest),
        };
        if let Some(flag) = rest.iter().find(|a| a.starts_with('-') && a.as_str() != "-") {
            return match flag.as_str() {
                "-h" | "--help" => Ok(Command::Help),
                _ => Err(format!("unknown option {flag:?} for {verb:?}")),
            };
        }
        match verb {
            "validate" => match rest {
                [] => Ok(Command::Validate { path: DEFAULT_MANIFEST.into() }),
                [path] => Ok(Command::Validate { path: path.into() }),
                _ => Err("validate takes at most one PATH".into()),
            },
            "help" | "-h" | "--help" => Ok(Command::Help),
            _ => Err(format!("unknown command {verb:?}")),
        }
    }

    /// Runs the CLI; returns the exit status.
    pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
        let result = match parse_args(args) {
            Ok(Command::Validate { path }) => validate(&path, out, err),
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

    fn validate(path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
        let shown = path.display();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                writeln!(
                    err,
                    "error: $: cannot read {shown}: {e}; pass the manifest's path, e.g. \
                     `stripe-app validate path/to/stripe-app.json`"
                )?;
                return Ok(1);
            }
        };
        if let Err(e) = serde_json::from_str::<serde_json::Value>(&text) {
            let what = e.to_string();
            let what = what.rsplit_once(" at line ").map_or(what.as_str(), |(w, _)| w);
            writeln!(
                err,
                "error: $: {shown} is not valid JSON: {what} at line {}, column {}; fix the \
                 syntax there (a trailing comma or a missing quote, comma or bracket is the \
                 usual cause)",
                e.line(),
                e.column()
            )?;
            return Ok(1);
        }
        let base = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let diagnostics = manifest::validate_with_files(&text, base);
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
}
