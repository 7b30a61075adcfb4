//! One error type for every way a Stripe API call can fail, with messages a merchant can act on.
//!
//! Holds strings, not library errors, so it is `Clone + Send + Sync` and works both with
//! Leptos' `<ErrorBoundary>` and `LocalResource` (STYLE §7).

use super::ApiResponse;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The `error` object of a Stripe error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StripeErrorBody {
    /// `api_error`, `card_error`, `idempotency_error`, `invalid_request_error`, …
    #[serde(rename = "type")]
    pub kind: String,
    pub code: Option<String>,
    pub decline_code: Option<String>,
    pub message: Option<String>,
    pub param: Option<String>,
}

#[derive(Deserialize)]
struct ErrorEnvelope {
    error: StripeErrorBody,
}

/// Why a Stripe API call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApiError {
    /// Stripe (or the host's backend) answered with an error body.
    Stripe { status: u16, error: StripeErrorBody },
    /// The HTTP status was an error but the body was not a Stripe error.
    Http { status: u16, body: String },
    /// The call never got an answer: no host, transport failure, timeout.
    Network(String),
    /// The answer did not have the expected shape. `path` is where decoding failed, as
    /// `data[3].created` ("" for the body as a whole); `message` is serde's account.
    Decode { path: String, message: String },
    /// Refused before it left the extension: the app or the signed-in user lacks a permission.
    Refused(crate::permissions::Refusal),
    /// A request to a non-Stripe URL that the app's content security policy (`connect-src`)
    /// does not allow; nothing was sent. `url` is "" when the policy itself is unusable.
    Blocked { url: String, reason: String },
}

/// What kind of failure an [`ApiError`] is. The Stripe kinds follow stripe-node's mapping of
/// statuses and error types (reference §13.4); the others are failures on our side of the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// 400/404: a bad parameter or a missing object.
    InvalidRequest,
    /// 400/404 `idempotency_error`: an Idempotency-Key reused with other parameters.
    Idempotency,
    /// 429, or 400 with code `rate_limit`.
    RateLimit,
    /// 401.
    Authentication,
    /// 402: a card (or other payment method) was declined.
    Card,
    /// 403: the app or the user may not do this (Stripe's answer).
    Permission,
    /// Anything else from Stripe: 409, 424, 5xx.
    Api,
    /// No answer at all.
    Network,
    /// An answer we could not read.
    Decode,
    /// Our own permission check refused the request before sending it.
    Refused,
    /// The content security policy blocked a non-Stripe request.
    Blocked,
}

impl ErrorKind {
    /// A stable name, e.g. for logs and tests.
    pub fn as_str(&self) -> &'static str {
        match self {
            ErrorKind::InvalidRequest => "invalid_request",
            ErrorKind::Idempotency => "idempotency",
            ErrorKind::RateLimit => "rate_limit",
            ErrorKind::Authentication => "authentication",
            ErrorKind::Card => "card",
            ErrorKind::Permission => "permission",
            ErrorKind::Api => "api",
            ErrorKind::Network => "network",
            ErrorKind::Decode => "decode",
            ErrorKind::Refused => "refused",
            ErrorKind::Blocked => "blocked",
        }
    }

    /// stripe-node's classification of an HTTP error `status` with an optional error body.
    fn of_status(status: u16, error: Option<&StripeErrorBody>) -> Self {
        let kind = error.map(|e| e.kind.as_str());
        match status {
            400 if error.and_then(|e| e.code.as_deref()) == Some("rate_limit") => {
                ErrorKind::RateLimit
            }
            400 | 404 if kind == Some("idempotency_error") => ErrorKind::Idempotency,
            400 | 404 => ErrorKind::InvalidRequest,
            401 => ErrorKind::Authentication,
            402 => ErrorKind::Card,
            403 => ErrorKind::Permission,
            429 => ErrorKind::RateLimit,
            _ => ErrorKind::Api,
        }
    }
}

impl ApiError {
    /// Turns a non-2xx response into the matching error.
    pub fn from_response(status: u16, body: &str) -> Self {
        match serde_json::from_str::<ErrorEnvelope>(body) {
            Ok(env) => ApiError::Stripe { status, error: env.error },
            Err(_) => ApiError::Http { status, body: body.chars().take(300).collect::<String>() },
        }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            ApiError::Stripe { status, error } => ErrorKind::of_status(*status, Some(error)),
            ApiError::Http { status, .. } => ErrorKind::of_status(*status, None),
            ApiError::Network(_) => ErrorKind::Network,
            ApiError::Decode { .. } => ErrorKind::Decode,
            ApiError::Refused(_) => ErrorKind::Refused,
            ApiError::Blocked { .. } => ErrorKind::Blocked,
        }
    }

    /// Whether this is Stripe's "no such object" (404 / `resource_missing`).
    pub fn is_not_found(&self) -> bool {
        match self {
            ApiError::Stripe { status, error } => {
                *status == 404 || error.code.as_deref() == Some("resource_missing")
            }
            ApiError::Http { status, .. } => *status == 404,
            _ => false,
        }
    }

    /// What the merchant can do about a Stripe or HTTP error of this kind.
    fn advice(&self) -> &'static str {
        match self.kind() {
            _ if self.is_not_found() => {
                "It may have been deleted, or belong to another account or to the other mode \
                 (test or live): reload the page."
            }
            ErrorKind::InvalidRequest => "Check the values you entered and try again.",
            ErrorKind::Idempotency => {
                "The same action was sent before with other details: reload the page and start \
                 it again."
            }
            ErrorKind::RateLimit => "Too many requests at once: wait a few seconds, then retry.",
            ErrorKind::Authentication => {
                "Your Dashboard session could not be verified: reload the Dashboard, signing in \
                 again if asked."
            }
            ErrorKind::Card => "Ask the customer for another payment method.",
            ErrorKind::Permission => {
                "The app or your role may not do this: ask an account administrator."
            }
            _ => "Stripe could not complete it: try again in a moment.",
        }
    }
}

impl From<crate::csp::Refusal> for ApiError {
    fn from(refusal: crate::csp::Refusal) -> Self {
        ApiError::Blocked { url: refusal.url, reason: refusal.reason.to_string() }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Stripe { status, error } => {
                let what = match self.kind() {
                    ErrorKind::Card => "The payment method was declined",
                    ErrorKind::Api => "Stripe could not complete the request",
                    _ => "Stripe refused the request",
                };
                let message = error.message.as_deref().unwrap_or("no reason given");
                write!(f, "{what}: {}", sentence(message))?;
                if let Some(param) = &error.param {
                    write!(f, " Parameter: `{param}`.")?;
                }
                if let Some(decline) = &error.decline_code {
                    write!(f, " Decline code: `{decline}`.")?;
                }
                write!(f, " {} [HTTP {status}, {}", self.advice(), error.kind)?;
                match &error.code {
                    Some(code) => write!(f, ", {code}]"),
                    None => f.write_str("]"),
                }
            }
            ApiError::Http { status, body } => {
                write!(f, "The Stripe API answered HTTP {status} without an error body")?;
                match body.trim() {
                    "" => f.write_str(".")?,
                    body => write!(f, ": {}", sentence(body))?,
                }
                write!(f, " {}", self.advice())
            }
            ApiError::Network(why) => write!(
                f,
                "The request got no answer: {} Check your connection, then try again.",
                sentence(why)
            ),
            ApiError::Refused(refusal) => write!(f, "{refusal}"),
            ApiError::Decode { path, message } => {
                let at = if path.is_empty() { String::new() } else { format!(" at `{path}`") };
                write!(
                    f,
                    "The Stripe API answer could not be read{at}: {} Reload to try again; if it \
                     persists, tell the app's developer: the backend may speak another Stripe API \
                     version than the {} this app pins.",
                    sentence(message),
                    crate::config::STRIPE_API_VERSION
                )
            }
            ApiError::Blocked { url, reason } => {
                match url.is_empty() {
                    true => f.write_str("The app's content security policy blocked a request")?,
                    false => write!(f, "The app's content security policy blocked {url}")?,
                }
                write!(
                    f,
                    ": {} Nothing was sent. The app may not contact this address: tell the app's \
                     developer.",
                    sentence(reason)
                )
            }
        }
    }
}

/// `text` ending in a full stop (unless it already ends in punctuation).
fn sentence(text: &str) -> String {
    let text = text.trim();
    match text.ends_with(['.', '!', '?']) {
        true => text.to_string(),
        false => format!("{text}."),
    }
}

impl std::error::Error for ApiError {}

/// Decodes a JSON body into `T`, saying where it failed: the JSON path (`data[3].created`) and
/// serde's message, which carries the line and column.
///
/// Decodes in one plain pass; only on failure is the path found, by walking the body up to the
/// error's position (`json_path`).
pub fn decode<T: DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    // `from_str` also fails on anything but whitespace after the value.
    serde_json::from_str(body).map_err(|e| decode_error(body, e))
}

/// The `Decode` error for `e`, with the path at its position in `body` ("" if it has none).
#[cold]
#[inline(never)]
fn decode_error(body: &str, e: serde_json::Error) -> ApiError {
    ApiError::Decode { path: super::json_path::error_path(body, &e), message: e.to_string() }
}

/// Reads a response: a 2xx body decoded as `T`, any other status as the matching error.
pub fn interpret<T: DeserializeOwned>(response: ApiResponse) -> Result<T, ApiError> {
    if (200..300).contains(&response.status) {
        decode(&response.body)
    } else {
        Err(ApiError::from_response(response.status, &response.body))
    }
}
