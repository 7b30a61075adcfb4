//! Sends Stripe API requests through the host, with the signed-in user's rights: every
//! request is checked against the app's permissions and the user's roles before it leaves
//! the extension (the host checks the role again).

use super::error::decode;
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
    /// the rights fails here, and any other status becomes the matching [`ApiError`].
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
        let response = link.fetch(request).await?;
        if (200..300).contains(&response.status) {
            decode(&response.body)
        } else {
            Err(ApiError::from_response(response.status, &response.body))
        }
    }
}
