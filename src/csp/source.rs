//! One `connect-src` entry as a CSP3 host-source expression, and how a URL matches it
//! (CSP3 "does url match expression": scheme-part, host-part, port-part, path-part).

use super::url::{default_port, ParsedUrl};
use crate::api::form::percent_decode_bytes;

/// A parsed `connect-src` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The entry as the manifest spells it.
    pub raw: String,
    /// Lowercase scheme (`https`).
    pub scheme: String,
    pub host: HostPattern,
    /// `None`: the scheme's default port. `Some(None)`: `*`, any port.
    pub port: Option<Option<u16>>,
    /// The path part, `""` when absent.
    pub path: String,
    /// Whether `path` has a `%` escape (so matching must decode).
    path_has_escape: bool,
}

/// The host part of an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostPattern {
    /// An exact host, ASCII-lowercased.
    Exact(String),
    /// `*.example.com`: any host ending in `.example.com` (not `example.com` itself); holds
    /// the suffix with its leading dot.
    Wildcard(String),
}

impl Source {
    /// Parses `scheme://host[:port][/path]` (CSP3 host-source with a scheme).
    pub fn parse(entry: &str) -> Result<Source, String> {
        let (scheme, rest) =
            entry.split_once("://").ok_or("it needs a scheme, e.g. https://host/path/")?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme.is_empty()
            || !scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            || !scheme.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
        {
            return Err(format!("{scheme:?} is not a scheme"));
        }
        let end = rest.find('/').unwrap_or(rest.len());
        let (hostport, path) = rest.split_at(end);
        if path.contains(['?', '#']) {
            return Err("a CSP source has no query or fragment".into());
        }
        let (host, port) = match hostport.rsplit_once(':') {
            Some((h, "*")) => (h, Some(None)),
            Some((h, p)) => (
                h,
                Some(Some(p.parse::<u16>().map_err(|_| format!("port {p:?} is not a number"))?)),
            ),
            None => (hostport, None),
        };
        let host = host.to_ascii_lowercase();
        let label_ok =
            |l: &str| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        let host = match host.strip_prefix("*.") {
            Some(suffix) if suffix.split('.').all(label_ok) => {
                HostPattern::Wildcard(format!(".{suffix}"))
            }
            None if host.split('.').all(label_ok) => HostPattern::Exact(host),
            _ => {
                return Err(format!(
                    "host {host:?} is not a DNS name (letters, digits, '-', with '*.' only as \
                     the left-most label)"
                ))
            }
        };
        Ok(Source {
            raw: entry.to_string(),
            scheme,
            host,
            port,
            path_has_escape: path.contains('%'),
            path: path.to_string(),
        })
    }

    /// Scheme, host and port match, as Chromium decides: the scheme matches exactly or is
    /// upgraded (`http` entry, `https` URL), the port matches exactly, by wildcard (`*`, or
    /// no port and the URL's default) or is upgraded (80 to 443), and an upgrade of one comes
    /// with an upgrade (or wildcard) of the other: `https://host:8899` is not covered by
    /// `http://host:8899/`.
    pub fn matches_origin(&self, url: &ParsedUrl<'_>) -> bool {
        self.host_matches(&url.host)
            && matches!(
                (self.scheme_match(&url.scheme), self.port_match(url)),
                (Some(Level::Exact), Some(Level::Exact | Level::Wildcard))
                    | (Some(Level::Upgrade), Some(Level::Upgrade | Level::Wildcard))
            )
    }

    /// Host and port match, whatever the scheme (to tell a scheme refusal apart).
    pub fn matches_host_and_port(&self, url: &ParsedUrl<'_>) -> bool {
        self.host_matches(&url.host) && self.port_match(url).is_some()
    }

    fn host_matches(&self, host: &str) -> bool {
        // Length and last byte first: most entries differ there, and it saves a memcmp.
        let (want, h) = match &self.host {
            HostPattern::Exact(want) if want.len() == host.len() => {
                (want.as_bytes(), host.as_bytes())
            }
            HostPattern::Wildcard(suffix) if suffix.len() <= host.len() => {
                (suffix.as_bytes(), &host.as_bytes()[host.len() - suffix.len()..])
            }
            _ => return false,
        };
        want.last() == h.last() && want == h
    }

    fn scheme_match(&self, scheme: &str) -> Option<Level> {
        match (self.scheme.as_str(), scheme) {
            (a, b) if a == b => Some(Level::Exact),
            ("http", "https") | ("ws", "wss") => Some(Level::Upgrade),
            _ => None,
        }
    }

    fn port_match(&self, url: &ParsedUrl<'_>) -> Option<Level> {
        let url_port = url.effective_port();
        let source_port = match self.port {
            Some(None) => return Some(Level::Wildcard),
            Some(Some(p)) if Some(p) == url_port => return Some(Level::Exact),
            Some(Some(p)) => Some(p),
            None if url.port.is_none() => return Some(Level::Wildcard),
            None => default_port(&self.scheme),
        };
        (source_port == Some(80) && url_port == Some(443)).then_some(Level::Upgrade)
    }

    /// Path match as Chromium does it: both paths percent-decoded whole, then an entry ending
    /// in `/` is a string prefix of the URL's path, and any other entry must equal it. (So an
    /// encoded `%2F` counts as a separator, as the browser lets it.)
    pub fn matches_path(&self, url: &ParsedUrl<'_>) -> bool {
        let url_path: &str = &url.path;
        if self.path.is_empty() {
            return true;
        }
        let prefix = self.path.ends_with('/');
        let compare = |entry: &[u8], path: &[u8]| {
            if prefix {
                path.starts_with(entry)
            } else {
                path == entry
            }
        };
        if !self.path_has_escape && (url.plain_path || !url_path.contains('%')) {
            return compare(self.path.as_bytes(), url_path.as_bytes()); // nothing to decode
        }
        compare(&percent_decode_bytes(&self.path), &percent_decode_bytes(url_path))
    }
}

/// How a scheme or port matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Exact,
    Upgrade,
    Wildcard,
}
