//! Sends Stripe API requests through the host, with the signed-in user's rights: every
//! request is checked against the app's permissions and the user's roles before it leaves
//! the extension (the host checks the role again).

use super::error::decode;
use super::retry::{with_retries, RetryPolicy};
use super::{ApiError, ApiRequest};
use crate::context::ExtensionContext;
use crate::extension::link::HostLink;
use crate::permissions::Rights;
use serde::de::DeserializeOwned;

/// A Stripe API client for one view's context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    rights: Rights,
}

impl Client {
    /// A client with the rights of `ctx` (the app's authorized permissions, the user's roles).
    pub fn new(ctx: &ExtensionContext) -> Self {
        Client { rights: Rights::from_context(ctx) }
    }

    /// What the signed-in user may do through the app, for disabling actions up front.
    pub fn rights(&self) -> &Rights {
        &self.rights
    }

    /// Performs `request` through the host and decodes a 2xx answer as `T`; a request outside
    /// the rights fails here, and any other status becomes the matching [`ApiError`]. Connection
    /// errors, 409 and 5xx are retried as Stripe's libraries do ([`RetryPolicy`]), with the same
    /// request, so the same `Idempotency-Key`, every time.
    pub async fn send<T: DeserializeOwned>(&self, request: ApiRequest) -> Result<T, ApiError> {
        self.rights.check(&request).map_err(ApiError::Refused)?;
        let link = HostLink::current().ok_or_else(|| {
            ApiError::Network(
                "this extension is not connected to a Dashboard host, so it cannot call the \
                 Stripe API. Open it in the Stripe Dashboard or in the preview \
                 (`scripts/preview.sh`)."
                    .into(),
            )
        })?;
        let attempt = |r: ApiRequest| {
            let link = link.clone();
            async move { link.fetch(r).await }
        };
        let response = with_retries(
            &RetryPolicy::default(),
            request,
            attempt,
            crate::extension::sleep_ms,
            js_sys::Math::random,
        )
        .await?;
        if (200..300).contains(&response.status) {
            decode(&response.body)
        } else {
            Err(ApiError::from_response(response.status, &response.body))
        }
    }
}
