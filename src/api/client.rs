//! Sends Stripe API requests through the host, with the signed-in user's rights.

use super::error::decode;
use super::{ApiError, ApiRequest};
use crate::extension::link::HostLink;
use serde::de::DeserializeOwned;

/// Performs `request` through the host and decodes a 2xx answer as `T`; any other status
/// becomes the matching [`ApiError`].
pub async fn send<T: DeserializeOwned>(request: ApiRequest) -> Result<T, ApiError> {
    let link = HostLink::current().ok_or_else(|| {
        ApiError::Network(
            "this extension is not connected to a Dashboard host, so it cannot call the Stripe \
             API. Open it in the Stripe Dashboard or in the preview (`scripts/preview.sh`)."
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
