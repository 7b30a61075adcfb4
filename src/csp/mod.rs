//! The CSP allowlist guard: every outbound non-Stripe fetch of the extension, and the CLI's
//! `csp-check`, go through [`Allowlist::check`], which applies the browser's CSP
//! `connect-src` matching (CSP3 "does url match expression") plus Stripe's rules.
//!
//! URLs are parsed the way the browser parses them: simple canonical URLs by a small fast
//! path, anything else by a WHATWG parser (the browser's own `URL` in wasm, the `url` crate
//! natively), so an attacker's odd spelling is judged as the browser will fetch it.

mod source;
mod url;

pub use source::{HostPattern, Source};
pub use url::ParsedUrl;

use crate::manifest::Manifest;
use std::fmt;

/// The manifest's `connect-src` entries, parsed once, checked many times.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Allowlist {
    sources: Vec<Source>,
}

/// Why a URL was refused. Every refusal names the URL and the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The URL as the caller gave it.
    pub url: String,
    pub reason: DenyReason,
}

/// The rule that refused a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DenyReason {
    /// Not a URL a browser would fetch (the parser's message).
    Unparsable(String),
    /// A Stripe API host: call Stripe through the API client, which goes through the host.
    StripeApi { host: String },
    /// The scheme is not one an entry allows (entries are https; http only for local dev).
    Scheme { scheme: String },
    /// Credentials in the URL (`user:pass@`).
    Credentials,
    /// No entry has this origin (scheme, host and port).
    NoMatchingOrigin { origin: String },
    /// Entries have this origin but their paths don't cover the URL's path.
    PathOutside { path: String, entries: Vec<String> },
    /// The allowlist is empty: the manifest declares no `connect-src`.
    NothingAllowed,
}

impl Allowlist {
    /// Parses `connect-src` entries (already validated by the manifest rules); `Err` lists
    /// each entry that is not a usable source expression, with why.
    pub fn new(entries: &[String]) -> Result<Self, Vec<String>> {
        let mut sources = Vec::with_capacity(entries.len());
        let mut problems = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            match Source::parse(entry) {
                Ok(s) => sources.push(s),
                Err(why) => problems.push(format!("connect-src[{i}] {entry:?}: {why}")),
            }
        }
        if problems.is_empty() {
            Ok(Allowlist { sources })
        } else {
            Err(problems)
        }
    }

    /// The allowlist of a manifest's `ui_extension.content_security_policy.connect-src`.
    pub fn from_manifest(manifest: &Manifest) -> Result<Self, Vec<String>> {
        let entries = manifest
            .ui_extension
            .content_security_policy
            .as_ref()
            .map(|c| c.connect_src.as_slice())
            .unwrap_or_default();
        Self::new(entries)
    }

    /// The entries, in manifest order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Whether the browser's CSP (with Stripe's rules) lets the extension fetch `url`.
    /// `Ok` carries the entry that allows it.
    pub fn check(&self, url: &str) -> Result<&Source, Refusal> {
        let refuse = |reason| Refusal { url: url.to_string(), reason };
        let parsed = ParsedUrl::parse(url).map_err(|e| refuse(DenyReason::Unparsable(e)))?;
        self.check_parsed(&parsed).map_err(refuse)
    }

    /// [`Allowlist::check`] on an already parsed URL.
    pub fn check_parsed(&self, url: &ParsedUrl<'_>) -> Result<&Source, DenyReason> {
        if is_stripe_api_host(&url.host) {
            return Err(DenyReason::StripeApi { host: url.host.to_string() });
        }
        if url.has_credentials {
            return Err(DenyReason::Credentials);
        }
        if let Some(s) = self.sources.iter().find(|s| s.matches_origin(url) && s.matches_path(url))
        {
            return Ok(s);
        }
        // Refused: say why (this path may allocate).
        if self.sources.is_empty() {
            return Err(DenyReason::NothingAllowed);
        }
        let same_origin: Vec<String> =
            self.sources.iter().filter(|s| s.matches_origin(url)).map(|s| s.raw.clone()).collect();
        Err(if !same_origin.is_empty() {
            DenyReason::PathOutside { path: url.path.to_string(), entries: same_origin }
        } else if self.sources.iter().any(|s| s.matches_host_and_port(url)) {
            DenyReason::Scheme { scheme: url.scheme.to_string() }
        } else {
            DenyReason::NoMatchingOrigin { origin: url.origin() }
        })
    }
}

/// Hosts of Stripe's APIs, which an extension must reach through the host (the API client),
/// never by a direct fetch (and which Stripe ignores in `connect-src`, issue #321).
pub fn is_stripe_api_host(host: &str) -> bool {
    // Hot path: almost no host ends like a Stripe one, so look at the last byte first.
    if !matches!(host.as_bytes().last(), Some(b'm' | b'k' | b'.')) {
        return false;
    }
    let host = host.trim_end_matches('.');
    host == "stripe.com" || host.ends_with(".stripe.com") || host.ends_with(".stripe.network")
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "refused {}: {}", self.url, self.reason)
    }
}

impl fmt::Display for DenyReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DenyReason::Unparsable(why) => write!(f, "not a URL the browser would fetch ({why})"),
            DenyReason::StripeApi { host } => write!(
                f,
                "{host} is a Stripe API host: call Stripe through the API client (it goes \
                 through the Dashboard with the signed-in user's rights), not with fetch"
            ),
            DenyReason::Scheme { scheme } => write!(
                f,
                "scheme {scheme}: is not allowed; connect-src entries are https (http only in a \
                 development manifest, for localhost)"
            ),
            DenyReason::Credentials => write!(
                f,
                "the URL carries credentials (user:password@); send them in a header instead"
            ),
            DenyReason::NoMatchingOrigin { origin } => write!(
                f,
                "no connect-src entry matches {origin}; add one with `stripe-app grant url \
                 <url> <purpose>`"
            ),
            DenyReason::PathOutside { path, entries } => write!(
                f,
                "path {path} is outside the connect-src {} {} (an entry ending in / allows \
                 the paths below it; without / only that exact path)",
                if entries.len() == 1 { "entry" } else { "entries" },
                entries.join(", ")
            ),
            DenyReason::NothingAllowed => write!(
                f,
                "the manifest declares no connect-src, so the app may not call any external \
                 endpoint; add one with `stripe-app grant url <url> <purpose>`"
            ),
        }
    }
}

impl std::error::Error for Refusal {}

/// The `Content-Security-Policy` of the extension document: `'self'` (the bundle's own
/// origin, which serves its .js and .wasm) plus the manifest's `connect-src`, and `'self'`,
/// `data:` plus its `image-src` for images. extension.html must carry exactly this.
pub fn extension_policy(manifest: &Manifest) -> String {
    let csp = manifest.ui_extension.content_security_policy.as_ref();
    let list = |extra: &[&str], entries: Option<&Vec<String>>| {
        extra
            .iter()
            .map(|s| s.to_string())
            .chain(entries.into_iter().flatten().cloned())
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "connect-src {}; img-src {}",
        list(&["'self'"], csp.map(|c| &c.connect_src)),
        list(&["'self'", "data:"], csp.map(|c| &c.image_src)),
    )
}
