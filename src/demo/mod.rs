//! The embedded demo account the preview host answers Stripe API calls with: in memory,
//! seeded and deterministic, speaking Stripe's response shapes and error messages.
//!
//! Only in the `preview` build (and native tests): the extension bundle carries no demo data.

mod customers;
mod idempotency;
mod list;
mod rng;
mod search;
mod seed;
mod seed_data;
mod specials;

pub use customers::customer_json;
pub use rng::SplitMix64;
pub use seed::SEED;

use crate::api::form::{decode_pairs, percent_decode};
use crate::api::types::Customer;
use crate::api::{ApiRequest, ApiResponse, Method};

/// The demo account's fixed clock: 2026-11-21 00:00:00 UTC (Unix 1_795_219_200). Seeded objects are created before it; the real clock is never read.
pub const DEMO_NOW: i64 = 1_795_219_200;

/// An in-memory Stripe account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    livemode: bool,
    /// Oldest first.
    customers: Vec<Customer>,
    /// Feeds request ids (and, later, ids of created objects).
    rng: SplitMix64,
    /// Responses saved under their `Idempotency-Key`.
    idempotency: idempotency::Store,
}

impl DemoAccount {
    /// The test-mode account: the seeded customers.
    pub fn seeded() -> Self {
        let mut rng = SplitMix64::new(SEED);
        let customers = seed::customers(&mut rng);
        DemoAccount { livemode: false, customers, rng, idempotency: Default::default() }
    }

    /// The live-mode account: no objects yet.
    pub fn empty_live() -> Self {
        DemoAccount {
            livemode: true,
            customers: Vec::new(),
            rng: SplitMix64::new(!SEED),
            idempotency: Default::default(),
        }
    }

    pub fn livemode(&self) -> bool {
        self.livemode
    }

    /// Every customer, oldest first.
    pub fn customers(&self) -> &[Customer] {
        &self.customers
    }

    /// Answers one API call the way Stripe would, with a `Request-Id` header. A POST with an
    /// `Idempotency-Key` is answered once; retries replay that answer (reference §13.5).
    pub fn handle(&mut self, req: &ApiRequest) -> ApiResponse {
        let params = match req.method {
            Method::Post => decode_pairs(req.body.as_deref().unwrap_or("")),
            _ => decode_pairs(req.query()),
        };
        let key = req.header("Idempotency-Key").filter(|_| req.method == Method::Post);
        let replayed = key.and_then(|k| idempotency::replay(&self.idempotency, k, req, &params));
        let (mut response, executed) = match replayed {
            Some(r) => (r, false),
            None => match self.route(req, &params) {
                Ok(r) => (r, true),
                Err(r) => (r, false),
            },
        };
        let request_id = format!("req_{}", self.rng.alnum(14));
        if let (Some(key), true) = (key, executed) {
            response.headers.push(("Original-Request".into(), request_id.clone()));
            idempotency::save(&mut self.idempotency, key, req, &params, &response);
        }
        response.headers.push(("Request-Id".into(), request_id));
        response
    }

    /// `Ok` once an endpoint runs (its answer may still be an error); `Err` when the request is
    /// refused before that (unknown URL, invalid parameters), which idempotency does not save.
    fn route(
        &mut self,
        req: &ApiRequest,
        params: &[(String, String)],
    ) -> Result<ApiResponse, ApiResponse> {
        let segments: Vec<&str> = req.path_only().split('/').skip(1).collect();
        match (req.method, segments.as_slice()) {
            (Method::Get, ["v1", "customers"]) => Ok(customers::list(self, params)),
            (Method::Get, ["v1", "customers", "search"]) => Ok(search::search(self, params)),
            (Method::Get, ["v1", "customers", id]) if !id.is_empty() => {
                Ok(customers::retrieve(self, &percent_decode(id), params))
            }
            (Method::Post, ["v1", "customers", id]) if !id.is_empty() => {
                customers::update(self, &percent_decode(id), params)
            }
            _ => Err(unrecognized(req)),
        }
    }
}

/// 400 `invalid_request_error`.
fn invalid_request(message: &str, param: Option<&str>) -> ApiResponse {
    ApiResponse::stripe_error(400, "invalid_request_error", message, param, None)
}

/// `No such customer: 'cus_x'`: 404 for the object in the path, 400 for one named in a param.
fn no_such(status: u16, kind: &str, id: &str, param: &str) -> ApiResponse {
    let message = format!("No such {kind}: '{id}'");
    ApiResponse::stripe_error(
        status,
        "invalid_request_error",
        &message,
        Some(param),
        Some("resource_missing"),
    )
}

/// Stripe's answer to a path (or method on a path) it does not serve.
fn unrecognized(req: &ApiRequest) -> ApiResponse {
    let message = format!(
        "Unrecognized request URL ({}: {}). Please see https://stripe.com/docs or we can help at \
         https://support.stripe.com/.",
        req.method.as_str(),
        req.path_only()
    );
    ApiResponse::stripe_error(404, "invalid_request_error", &message, None, None)
}
