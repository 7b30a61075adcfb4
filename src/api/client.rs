//! Sends Stripe API requests through the host, with the signed-in user's rights: every
//! request is checked against the app's permissions and the user's roles before it leaves
//! the extension (the host checks the role again).

use super::error::interpret;
use super::pagination::{pages, HasId, ListParams};
use super::retry::{with_retries, RetryPolicy};
use super::types::List;
use super::{ApiError, ApiRequest, ApiResponse};
use crate::context::ExtensionContext;
use crate::extension::link::HostLink;
use crate::permissions::Rights;
use futures::Stream;
use serde::de::DeserializeOwned;

/// A Stripe API client for one view's context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    rights: Rights,
    /// Bypass the cache of recent reads (`api::cache`), for polls.
    fresh: bool,
}

impl Client {
    /// A client with the rights of `ctx` (the app's authorized permissions, the user's roles).
    pub fn new(ctx: &ExtensionContext) -> Self {
        Client { rights: Rights::from_context(ctx), fresh: false }
    }

    /// This client, reading past the cache of recent reads (`api::cache`) and clearing it: for
    /// polls that wait for something outside the app (e.g. a customer completing Amazon Pay).
    pub fn fresh(&self) -> Self {
        Client { fresh: true, ..self.clone() }
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
        interpret(self.fetch(request).await?)
    }

    /// Like [`Client::send`] but returns the response as it came, whatever its status.
    pub async fn fetch(&self, request: ApiRequest) -> Result<ApiResponse, ApiError> {
        self.rights.check(&request).map_err(ApiError::Refused)?;
        let link = HostLink::current().ok_or_else(|| {
            ApiError::Network(
                "this extension is not connected to a Dashboard host, so it cannot call the \
                 Stripe API. Open it in the Stripe Dashboard or in the preview \
                 (`scripts/preview.sh`)."
                    .into(),
            )
        })?;
        let fresh = self.fresh;
        let attempt = |r: ApiRequest| {
            let link = link.clone();
            async move { link.fetch(r, fresh).await }
        };
        with_retries(
            &RetryPolicy::default(),
            request,
            attempt,
            crate::extension::sleep_ms,
            js_sys::Math::random,
        )
        .await
    }

    /// Every page of a list, from `first` on (see [`pages`]), each request sent as by
    /// [`Client::send`]; e.g. `client.pages(customers::list, ListParams::new().limit(100))`.
    pub fn pages<'a, T, B>(
        &'a self,
        build: B,
        first: ListParams,
    ) -> impl Stream<Item = Result<List<T>, ApiError>> + 'a
    where
        T: DeserializeOwned + HasId + 'a,
        B: Fn(&ListParams) -> ApiRequest + 'a,
    {
        pages(move |request| self.fetch(request), build, first)
    }
}
