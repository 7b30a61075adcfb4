//! Just enough URL handling for manifest checks: split `scheme://authority/path?query#fragment`
//! and find characters RFC 3986 forbids (the schema's `format: uri`). Hand-written so that no
//! URL or regex crate enters the wasm bundle.

/// The parts of an absolute `scheme://…` URL; empty strings where a part is absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UrlParts<'a> {
    pub scheme: &'a str,
    pub userinfo: Option<&'a str>,
    /// Host as written (IPv6 literals keep their brackets).
    pub host: &'a str,
    pub port: Option<&'a str>,
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub fragment: Option<&'a str>,
}

/// Splits an absolute URL with an authority. No validation beyond finding `://`.
pub(crate) fn split(s: &str) -> Option<UrlParts<'_>> {
    let (scheme, rest) = s.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let (tail, fragment) = match tail.split_once('#') {
        Some((t, f)) => (t, Some(f)),
        None => (tail, None),
    };
    let (path, query) = match tail.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (tail, None),
    };
    let (userinfo, hostport) = match authority.rsplit_once('@') {
        Some((u, h)) => (Some(u), h),
        None => (None, authority),
    };
    let (host, port) = match (hostport.starts_with('['), hostport.find(']')) {
        (true, Some(e)) => (&hostport[..=e], hostport[e + 1..].strip_prefix(':')),
        (true, None) => (hostport, None),
        (false, _) => match hostport.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (hostport, None),
        },
    };
    Some(UrlParts { scheme, userinfo, host, port, path, query, fragment })
}

/// The byte offset and character of the first thing RFC 3986 does not allow in the
/// `//authority/path?query#fragment` part of `s` (a bad `%` escape, a space, a non-ASCII
/// character, a second `#`, a non-digit port…), or `None` if the URL is well formed.
pub(crate) fn invalid_char(s: &str) -> Option<(usize, char)> {
    let start = s.find("://")? + 3;
    let bytes = s.as_bytes();
    let bad = |i: usize| Some((i, s[i..].chars().next().unwrap_or('?')));
    // 0 authority, 1 path, 2 query, 3 fragment
    let mut section = 0;
    let mut i = start;
    while i < bytes.len() {
        let c = bytes[i] as char;
        let ok = match c {
            '%' => {
                let hex = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_hexdigit);
                if !(hex(i + 1) && hex(i + 2)) {
                    return bad(i);
                }
                i += 2;
                true
            }
            '/' if section == 0 => {
                section = 1;
                true
            }
            '?' if section <= 1 => {
                section = 2;
                true
            }
            '#' if section <= 2 => {
                section = 3;
                true
            }
            _ if !c.is_ascii() => false,
            _ if c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@".contains(c) => true,
            '[' | ']' => section == 0,
            '/' | '?' => section >= 1,
            _ => false,
        };
        if !ok {
            return bad(i);
        }
        i += 1;
    }
    let parts = split(s)?;
    let offset = |part: &str| part.as_ptr() as usize - s.as_ptr() as usize;
    // Brackets only around a whole IPv6 host: `[::1]`.
    let authority = &s[start..offset(parts.path)];
    if let Some(k) = authority.find(['[', ']']) {
        let host = parts.host;
        let inner = host.strip_prefix('[').and_then(|h| h.strip_suffix(']'));
        let ipv6 =
            inner.is_some_and(|h| h.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.'));
        let once = authority.matches(['[', ']']).count() == 2;
        if !ipv6 || !once || offset(host) != start + k {
            return bad(start + k);
        }
        let end = offset(host) + host.len();
        if end < offset(parts.path) && !s[end..].starts_with(':') {
            return bad(end);
        }
    }
    if let Some(port) = parts.port {
        if let Some(k) = port.find(|c: char| !c.is_ascii_digit()) {
            return bad(offset(port) + k);
        }
    }
    None
}
