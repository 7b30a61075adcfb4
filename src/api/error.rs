//! One error type for every way a Stripe API call can fail, with messages a merchant can act on.
//!
//! Holds strings, not library errors, so it is `Clone + Send + Sync` and works both with
//! Leptos' `<ErrorBoundary>` and `LocalResource` (STYLE §7).

use serde::Deserialize;
use std::fmt;

/// The `error` object of a Stripe error response.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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
    /// The answer did not have the expected shape; `path` is where decoding failed.
    Decode { path: String, message: String },
    /// Refused before it left the extension: the app or the signed-in user lacks a permission.
    Refused(crate::permissions::Refusal),
}

impl ApiError {
    /// Turns a non-2xx response into the matching error.
    pub fn from_response(status: u16, body: &str) -> Self {
        match serde_json::from_str::<ErrorEnvelope>(body) {
            Ok(env) => ApiError::Stripe { status, error: env.error },
            Err(_) => ApiError::Http { status, body: body.chars().take(300).collect::<String>() },
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
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Stripe { status, error } => {
                let message = error.message.as_deref().unwrap_or("no message");
                write!(f, "Stripe API error {status} ({}): {message}", error.kind)?;
                if let Some(param) = &error.param {
                    write!(f, " [parameter `{param}`]")?;
                }
                Ok(())
            }
            ApiError::Http { status, body } => {
                write!(f, "The Stripe API answered HTTP {status} without an error body: {body}")
            }
            ApiError::Network(why) => write!(f, "Could not reach the Stripe API: {why}"),
            ApiError::Refused(refusal) => write!(f, "{refusal}"),
            ApiError::Decode { path, message } => write!(
                f,
                "The Stripe API answer could not be read at `{path}`: {message}. \
                 Check that the backend speaks the Stripe API version this app pins."
            ),
        }
    }
}

impl std::error::Error for ApiError {}

/// Decodes a JSON body into `T`, saying where it failed (line and column of the body, and
/// serde's account of the field).
pub fn decode<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    serde_json::from_str(body).map_err(|e| ApiError::Decode {
        path: format!("line {} column {}", e.line(), e.column()),
        message: e.to_string(),
    })
}
