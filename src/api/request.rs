//! A Stripe API request and response as they cross the bridge: plain data, no I/O.
//!
//! Mirrors what Stripe's SDK hands the Dashboard (`stripeApiFetch(path, init)`): the path with
//! its query string, the method, the headers and a form-encoded body.

use serde::{Deserialize, Serialize};

/// HTTP method of a Stripe API call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Post,
    Delete,
}

impl Method {
    /// The method as it appears on the wire.
    pub fn as_str(&self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// One Stripe API call, as the extension asks the host to perform it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiRequest {
    pub method: Method,
    /// Path and query string, e.g. `/v1/customers?limit=10&starting_after=cus_123`.
    pub path: String,
    /// Request headers, names as sent (compare case-insensitively).
    pub headers: Vec<(String, String)>,
    /// `application/x-www-form-urlencoded` body of a POST, if any.
    pub body: Option<String>,
}

impl ApiRequest {
    /// A request with the headers every extension call carries: the placeholder key (the host
    /// calls Stripe for the signed-in user) and the pinned `Stripe-Version`. `params` go in the
    /// query string for GET/DELETE and in the form body for POST.
    pub fn new(method: Method, path: &str, params: &[(String, String)]) -> Self {
        let mut headers = vec![
            ("Authorization".to_string(), crate::config::AUTHORIZATION_VALUE.to_string()),
            ("Stripe-Version".to_string(), crate::config::STRIPE_API_VERSION.to_string()),
        ];
        let encoded = super::form::encode_pairs(params);
        let (path, body) = match method {
            Method::Post => {
                headers.push((
                    "Content-Type".to_string(),
                    "application/x-www-form-urlencoded".to_string(),
                ));
                (path.to_string(), Some(encoded))
            }
            _ if encoded.is_empty() => (path.to_string(), None),
            _ => (format!("{path}?{encoded}"), None),
        };
        ApiRequest { method, path, headers, body }
    }

    /// The same request made on the connected account `account_id` (`Stripe-Account: acct_…`,
    /// Connect), replacing any account set before.
    pub fn on_account(mut self, account_id: &str) -> Self {
        self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case("Stripe-Account"));
        self.headers.push(("Stripe-Account".into(), account_id.into()));
        self
    }

    /// The same request with `Idempotency-Key: key`: a retry with the same key (and the same
    /// parameters) gets the first answer instead of writing twice (reference §13.5).
    pub fn with_idempotency_key(mut self, key: &str) -> Self {
        self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case("Idempotency-Key"));
        self.headers.push(("Idempotency-Key".into(), key.into()));
        self
    }

    /// The value of header `name` (case-insensitive), if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The path without its query string.
    pub fn path_only(&self) -> &str {
        self.path.split_once('?').map_or(self.path.as_str(), |(p, _)| p)
    }

    /// The raw query string (after `?`), or "".
    pub fn query(&self) -> &str {
        self.path.split_once('?').map_or("", |(_, q)| q)
    }
}

/// The host's answer to an [`ApiRequest`]: status, headers and the JSON body as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl ApiResponse {
    /// A JSON response with `Content-Type: application/json`.
    pub fn json(status: u16, body: &serde_json::Value) -> Self {
        ApiResponse {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.to_string(),
        }
    }

    /// A Stripe-style error response: `{"error": {type, message, param?, code?}}`.
    pub fn stripe_error(
        status: u16,
        kind: &str,
        message: &str,
        param: Option<&str>,
        code: Option<&str>,
    ) -> Self {
        let mut error = serde_json::json!({ "type": kind, "message": message });
        if let Some(p) = param {
            error["param"] = p.into();
        }
        if let Some(c) = code {
            error["code"] = c.into();
        }
        Self::json(status, &serde_json::json!({ "error": error }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_account_adds_one_stripe_account_header() {
        let req = ApiRequest::new(Method::Get, "/v1/customers", &[]).on_account("acct_1");
        assert_eq!(req.header("stripe-account"), Some("acct_1"));
        let req = req.on_account("acct_2");
        assert_eq!(req.header("Stripe-Account"), Some("acct_2"));
        assert_eq!(req.headers.iter().filter(|(k, _)| k == "Stripe-Account").count(), 1);
        assert_eq!(req.header("Stripe-Version"), Some(crate::config::STRIPE_API_VERSION));
    }

    #[test]
    fn with_idempotency_key_sets_one_key() {
        let req = ApiRequest::new(Method::Post, "/v1/x", &[]).with_idempotency_key("k1");
        let req = req.with_idempotency_key("k2");
        assert_eq!(req.header("idempotency-key"), Some("k2"));
        assert_eq!(req.headers.iter().filter(|(k, _)| k == "Idempotency-Key").count(), 1);
    }
}
