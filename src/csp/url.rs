//! A URL as the browser will fetch it: scheme, host, port and path after WHATWG parsing.
//!
//! Simple canonical URLs (the everyday case) take a fast path whose result is trivially what
//! the WHATWG parser gives; anything else (userinfo, backslashes, tabs, `%`, dot segments,
//! uppercase or non-ASCII hosts, IP literals, ports, trailing dots, `xn--` labels…) goes to a
//! real WHATWG parser: the browser's own `URL` in wasm, the `url` crate natively.

use std::borrow::Cow;

/// The parts of a URL that CSP matching looks at (borrowed from the input on the fast path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedUrl<'a> {
    /// Lowercase, without the `:` (`https`).
    pub scheme: Cow<'a, str>,
    /// ASCII-lowercase, IDNA-encoded (punycode), IPv6 literals in brackets.
    pub host: Cow<'a, str>,
    /// `None` when absent or the scheme's default.
    pub port: Option<u16>,
    /// The serialized path (percent-encoded, dot segments resolved), `/` at least.
    pub path: Cow<'a, str>,
    /// Whether the URL carries a username or password.
    pub has_credentials: bool,
    /// The path has no `%` escape (known on the fast path), so matching needn't decode it.
    pub plain_path: bool,
}

impl<'a> ParsedUrl<'a> {
    /// Parses `input` as the browser would; `Err` says why it is not a fetchable URL.
    pub fn parse(input: &'a str) -> Result<ParsedUrl<'a>, String> {
        match fast_path(input) {
            Some(url) => Ok(url),
            None => whatwg(input),
        }
    }

    /// `scheme://host[:port]`, for messages.
    pub fn origin(&self) -> String {
        match self.port {
            Some(p) => format!("{}://{}:{p}", self.scheme, self.host),
            None => format!("{}://{}", self.scheme, self.host),
        }
    }

    /// The URL's port, or its scheme's default (`None` for schemes without one).
    pub fn effective_port(&self) -> Option<u16> {
        self.port.or_else(|| default_port(&self.scheme))
    }
}

/// The default port of a special scheme.
pub fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        _ => None,
    }
}

/// Byte classes of the fast path: host characters, plain path/query characters.
const HOST: u8 = 1;
const PLAIN: u8 = 2;
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' {
            t[c] = HOST | PLAIN;
        } else if b.is_ascii_uppercase() || matches!(b, b'.' | b'_' | b'~' | b'&' | b'=') {
            t[c] = PLAIN;
        }
        c += 1;
    }
    t
};

/// A URL made only of lowercase `http(s)://`, a lowercase LDH host whose last label is not
/// numeric, and a path/query/fragment of unreserved characters with no dot segments: the
/// WHATWG parser leaves such a URL as it is, so it can be split by hand. One table-driven pass
/// over the bytes (this is the guard's hot path; the bundle is built with opt-level "z").
fn fast_path(input: &str) -> Option<ParsedUrl<'_>> {
    let (scheme, start) = if input.starts_with("https://") {
        ("https", 8)
    } else if input.starts_with("http://") {
        ("http", 7)
    } else {
        return None;
    };
    let b = input.as_bytes();
    // Host: labels of [a-z0-9-], none empty or starting "xn--", the last not starting with a
    // digit (WHATWG would read a numeric last label as IPv4).
    let mut i = start;
    let mut label_start = i;
    let host_end = loop {
        let c = if i < b.len() { b[i] } else { b'/' };
        if CLASS[c as usize] & HOST != 0 {
            i += 1;
            continue;
        }
        let label = &b[label_start..i];
        let punycode = label.len() >= 4 && label[..4] == *b"xn--";
        if label.is_empty() || punycode {
            return None;
        }
        match c {
            b'.' => {
                i += 1;
                label_start = i;
            }
            b'/' | b'?' | b'#' if !label[0].is_ascii_digit() => break i,
            _ => return None,
        }
    };
    // Path, then query/fragment: plain characters only; no "." or ".." segment.
    let mut path_end = b.len();
    let mut segment_start = i;
    while i < b.len() {
        let c = b[i];
        if CLASS[c as usize] & PLAIN == 0 {
            match c {
                b'/' | b'?' | b'#' => {
                    if path_end == b.len() {
                        let seg = &b[segment_start..i];
                        if seg == b"." || seg == b".." {
                            return None;
                        }
                        segment_start = i + 1;
                        if c != b'/' {
                            path_end = i;
                        }
                    }
                }
                _ => return None,
            }
        }
        i += 1;
    }
    if path_end == b.len() {
        let seg = &b[segment_start..];
        if seg == b"." || seg == b".." {
            return None;
        }
    }
    let path = &input[host_end..path_end];
    Some(ParsedUrl {
        scheme: Cow::Borrowed(scheme),
        host: Cow::Borrowed(&input[start..host_end]),
        port: None,
        path: Cow::Borrowed(if path.is_empty() { "/" } else { path }),
        has_credentials: false,
        plain_path: true,
    })
}

#[cfg(target_arch = "wasm32")]
fn whatwg(input: &str) -> Result<ParsedUrl<'static>, String> {
    let url = web_sys::Url::new(input)
        .map_err(|_| "the browser's URL parser rejects it (is it an absolute URL?)".to_string())?;
    let scheme = url.protocol().trim_end_matches(':').to_string();
    let port = url.port();
    Ok(ParsedUrl {
        port: if port.is_empty() {
            None
        } else {
            Some(port.parse().map_err(|_| format!("port {port} is not a number"))?)
        },
        host: url.hostname().into(),
        path: url.pathname().into(),
        scheme: scheme.into(),
        has_credentials: !url.username().is_empty() || !url.password().is_empty(),
        plain_path: false,
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn whatwg(input: &str) -> Result<ParsedUrl<'static>, String> {
    let url = url::Url::parse(input).map_err(|e| format!("{e}"))?;
    Ok(ParsedUrl {
        scheme: url.scheme().to_string().into(),
        host: url.host_str().unwrap_or_default().to_string().into(),
        port: url.port(),
        path: url.path().to_string().into(),
        has_credentials: !url.username().is_empty() || url.password().is_some(),
        plain_path: false,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    // The fast path must give exactly what the WHATWG parser gives, or decline.
    #[test]
    fn fast_path_agrees_with_whatwg_or_declines() {
        for input in [
            "https://api.example.com/v1/customers?limit=3#top",
            "https://a.b.example.com",
            "http://localhost/x/y/",
            "https://example.com/A/B_c~d-e.f",
            "https://EXAMPLE.com/",
            "https://example.com./",
            "https://example.com/a/../b",
            "https://example.com/%2e%2e/b",
            "https://user@example.com/",
            "https://example.com:443/x",
            "https://127.0.0.1/x",
            "https://0x7f.1/x",
            "https://xn--bcher-kva.example/x",
            "https://bücher.example/x",
            "https://example.com\\x",
            "https://exa\tmple.com/x",
            "https://example.com/a/./b",
            "https://[::1]/x",
            "https://example.com/a#b#c",
            "https://example.com/a?b=c/../d",
        ] {
            let slow = whatwg(input);
            if let Some(fast) = fast_path(input) {
                let slow = slow.expect("the fast path only takes valid URLs");
                assert!(fast.plain_path && !fast.path.contains('%'));
                assert_eq!(ParsedUrl { plain_path: false, ..fast }, slow, "{input}");
            }
        }
    }

    #[test]
    fn odd_spellings_parse_as_the_browser_fetches_them() {
        let p = ParsedUrl::parse("https://ok.com@evil.com/").unwrap();
        assert_eq!((&*p.host, p.has_credentials), ("evil.com", true));
        let p = ParsedUrl::parse("HTTPS://API.Example.COM:443/a/%2e%2e/b").unwrap();
        assert_eq!((&*p.scheme, &*p.host, p.port), ("https", "api.example.com", None));
        assert_eq!(p.path, "/b");
        let p = ParsedUrl::parse("https://example.com\\api\\x").unwrap();
        assert_eq!(p.path, "/api/x");
        let p = ParsedUrl::parse("https://bücher.example/").unwrap();
        assert_eq!(p.host, "xn--bcher-kva.example");
        let p = ParsedUrl::parse("https://[0:0::1]:8443/").unwrap();
        assert_eq!((&*p.host, p.port), ("[::1]", Some(8443)));
        assert!(ParsedUrl::parse("not a url").is_err());
        assert!(ParsedUrl::parse("https://exa mple.com/").is_err());
    }
}
