//! The embedded demo account the preview host answers Stripe API calls with: in memory,
//! seeded and deterministic, speaking Stripe's response shapes and error messages.
//!
//! Only in the `preview` build (and native tests): the extension bundle carries no demo data.

mod customers;
mod list;
mod rng;
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
}

impl DemoAccount {
    /// The test-mode account: the seeded customers.
    pub fn seeded() -> Self {
        let mut rng = SplitMix64::new(SEED);
        let customers = seed::customers(&mut rng);
        DemoAccount { livemode: false, customers, rng }
    }

    /// The live-mode account: no objects yet.
    pub fn empty_live() -> Self {
        DemoAccount { livemode: true, customers: Vec::new(), rng: SplitMix64::new(!SEED) }
    }

    pub fn livemode(&self) -> bool {
        self.livemode
    }

    /// Every customer, oldest first.
    pub fn customers(&self) -> &[Customer] {
        &self.customers
    }

    /// Answers one API call the way Stripe would, with a `Request-Id` header.
    pub fn handle(&mut self, req: &ApiRequest) -> ApiResponse {
        let mut response = self.route(req);
        response.headers.push(("Request-Id".into(), format!("req_{}", self.rng.alnum(14))));
        response
    }

    fn route(&self, req: &ApiRequest) -> ApiResponse {
        let params = match req.method {
            Method::Post => decode_pairs(req.body.as_deref().unwrap_or("")),
            _ => decode_pairs(req.query()),
        };
        let segments: Vec<&str> = req.path_only().split('/').skip(1).collect();
        match (req.method, segments.as_slice()) {
            (Method::Get, ["v1", "customers"]) => customers::list(self, &params),
            (Method::Get, ["v1", "customers", id]) if !id.is_empty() => {
                customers::retrieve(self, &percent_decode(id), &params)
            }
            _ => unrecognized(req),
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
