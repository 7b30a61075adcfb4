//! Form parameters of the demo's write endpoints, checked with Stripe's messages: unknown names,
//! required values, booleans, integers and enums.

use super::invalid_request;
use super::list::is_expand;
use crate::api::ApiResponse;

/// A request's decoded `key=value` pairs.
#[derive(Clone, Copy)]
pub(super) struct Params<'a>(pub &'a [(String, String)]);

impl<'a> Params<'a> {
    /// The last non-empty value of `key` (Stripe treats an empty value as absent).
    pub fn get(&self, key: &str) -> Option<&'a str> {
        self.0.iter().rev().find(|(k, v)| k == key && !v.is_empty()).map(|(_, v)| v.as_str())
    }

    /// Whether `key` was sent at all, even empty.
    pub fn has(&self, key: &str) -> bool {
        self.0.iter().any(|(k, _)| k == key)
    }

    /// Whether any parameter's name starts with `prefix`.
    pub fn has_prefix(&self, prefix: &str) -> bool {
        self.0.iter().any(|(k, _)| k.starts_with(prefix))
    }

    /// Refuses the first parameter that is neither `expand…` nor accepted by `known`.
    pub fn only(&self, known: impl Fn(&str) -> bool) -> Result<(), ApiResponse> {
        match self.0.iter().find(|(k, _)| !is_expand(k) && !known(k)) {
            Some((key, _)) => Err(unknown(key)),
            None => Ok(()),
        }
    }

    /// Refuses anything but `expand…` (a retrieve's only parameter).
    pub fn only_expand(&self) -> Result<(), ApiResponse> {
        self.only(|_| false)
    }

    /// The value of `key`, or Stripe's "Missing required param".
    pub fn required(&self, key: &str) -> Result<&'a str, ApiResponse> {
        self.get(key).ok_or_else(|| missing(key))
    }

    /// `true`/`false` (absent is `default`).
    pub fn boolean(&self, key: &str, default: bool) -> Result<bool, ApiResponse> {
        match self.get(key) {
            None => Ok(default),
            Some("true") => Ok(true),
            Some("false") => Ok(false),
            Some(v) => Err(invalid_request(&format!("Invalid boolean: {v}"), Some(key))),
        }
    }

    /// An integer, if given.
    pub fn integer(&self, key: &str) -> Result<Option<i64>, ApiResponse> {
        self.get(key)
            .map(|v| {
                v.parse().map_err(|_| invalid_request(&format!("Invalid integer: {v}"), Some(key)))
            })
            .transpose()
    }

    /// One of `allowed`, if given.
    pub fn one_of(&self, key: &str, allowed: &[&str]) -> Result<Option<&'a str>, ApiResponse> {
        match self.get(key) {
            Some(v) if !allowed.contains(&v) => Err(invalid_enum(key, allowed)),
            v => Ok(v),
        }
    }

    /// The `expand[]` values, in order.
    pub fn expansions(&self) -> Vec<&'a str> {
        self.0
            .iter()
            .filter(|(k, v)| is_expand(k) && !v.is_empty())
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Whether `expand[]` names `path`.
    pub fn expands(&self, path: &str) -> bool {
        self.expansions().contains(&path)
    }
}

/// Whether `key` is `base[]` or `base[N]` (an array element as stripe-node or curl sends it).
pub(super) fn is_array_item(key: &str, base: &str) -> bool {
    key.strip_prefix(base)
        .and_then(|r| r.strip_prefix('['))
        .and_then(|r| r.strip_suffix(']'))
        .is_some_and(|i| i.bytes().all(|b| b.is_ascii_digit()))
}

/// `Received unknown parameter: x`.
pub(super) fn unknown(key: &str) -> ApiResponse {
    invalid_request(&format!("Received unknown parameter: {key}"), Some(key))
}

/// `Missing required param: x.`
pub(super) fn missing(key: &str) -> ApiResponse {
    invalid_request(&format!("Missing required param: {key}."), Some(key))
}

/// `Invalid status: must be one of a, b, or c`.
pub(super) fn invalid_enum(key: &str, allowed: &[&str]) -> ApiResponse {
    let list = match allowed {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{}, or {last}", init.join(", ")),
    };
    invalid_request(&format!("Invalid {key}: must be one of {list}"), Some(key))
}
