//! The only way a view reaches a non-Stripe endpoint: a `fetch` that first passes the CSP
//! allowlist guard built from the app's authorized `connect-src` (the context's
//! `appContext`). A refused URL never reaches the network; the error names the URL and rule.

use crate::context::ExtensionContext;
use crate::csp::{Allowlist, Refusal};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// An outbound request: method, absolute URL, optional JSON body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outbound {
    pub method: &'static str,
    pub url: String,
    /// Sent with `Content-Type: application/json`.
    pub json_body: Option<String>,
}

/// What came back: status and body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inbound {
    pub status: u16,
    pub body: String,
}

/// Why an outbound request failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The guard refused the URL; nothing was sent.
    Refused(Refusal),
    /// The app's `connect-src` itself could not be used (names the bad entries).
    BadAllowlist(Vec<String>),
    /// The request was sent but failed in the network (DNS, TLS, CORS, offline…).
    Network { url: String, message: String },
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Refused(r) => write!(f, "{r}"),
            FetchError::BadAllowlist(problems) => {
                write!(f, "the app's connect-src can't be used: {}", problems.join("; "))
            }
            FetchError::Network { url, message } => write!(
                f,
                "{url} could not be reached ({message}). The endpoint must be up and answer \
                 requests from a null origin (Access-Control-Allow-Origin: * or null)."
            ),
        }
    }
}

impl std::error::Error for FetchError {}

/// For views that show either kind of failure with one error type: a refused URL or an unusable
/// `connect-src` is [`crate::api::ApiError::Blocked`], a failed request
/// [`crate::api::ApiError::Network`].
impl From<FetchError> for crate::api::ApiError {
    fn from(error: FetchError) -> Self {
        match error {
            FetchError::Refused(refusal) => refusal.into(),
            FetchError::BadAllowlist(problems) => crate::api::ApiError::Blocked {
                url: String::new(),
                reason: format!("the app's connect-src can't be used: {}", problems.join("; ")),
            },
            network @ FetchError::Network { .. } => {
                crate::api::ApiError::Network(network.to_string())
            }
        }
    }
}

/// Checks `request.url` against the context's authorized `connect-src`, then fetches it.
pub async fn fetch(ctx: &ExtensionContext, request: Outbound) -> Result<Inbound, FetchError> {
    let entries = ctx
        .app_context
        .authorized_content_security_policy
        .connect_src
        .as_deref()
        .unwrap_or_default();
    let allowlist = Allowlist::new(entries).map_err(FetchError::BadAllowlist)?;
    allowlist.check(&request.url).map_err(FetchError::Refused)?;
    send(&request).await.map_err(|e| FetchError::Network {
        url: request.url.clone(),
        message: e.as_string().unwrap_or_else(|| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "network error".into())
        }),
    })
}

async fn send(request: &Outbound) -> Result<Inbound, JsValue> {
    let init = web_sys::RequestInit::new();
    init.set_method(request.method);
    if let Some(body) = &request.json_body {
        let headers = web_sys::Headers::new()?;
        headers.set("Content-Type", "application/json")?;
        init.set_headers(&headers);
        init.set_body(&JsValue::from_str(body));
    }
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str_and_init(&request.url, &init)).await?.dyn_into()?;
    let body = JsFuture::from(response.text()?).await?.as_string().unwrap_or_default();
    Ok(Inbound { status: response.status(), body })
}
