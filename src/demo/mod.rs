//! The embedded demo account the preview host answers Stripe API calls with: in memory,
//! seeded and deterministic, speaking Stripe's response shapes and error messages.
//!
//! Only in the `preview` build (and native tests): the extension bundle carries no demo data.
//!
//! Served: customers (list, retrieve, update); products and prices (list, retrieve);
//! subscriptions (list, retrieve, create, cancel); invoices and payment intents (list,
//! retrieve); payment methods (list, per customer, retrieve); setup intents (create, retrieve;
//! Amazon Pay authorized through [`DemoAccount::authorize_setup_intent`]); and the Secret Store
//! (`/v1/apps/secrets`: set, find, delete, list).

mod billing;
mod customers;
mod idempotency;
mod list;
mod params;
mod rng;
mod search;
mod secrets;
mod seed;
mod seed_data;
mod specials;

pub use billing::{
    amazon_pay_redirect_setup_intent, AwaitingAuthorization, AMAZON_PAY_AUTHORIZE_URL,
};
pub use rng::SplitMix64;
pub use secrets::MAX_SECRETS_PER_SCOPE;
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
    /// The demo clock: `DEMO_NOW`, plus a second for each object created and any
    /// [`DemoAccount::advance_clock`].
    now: i64,
    billing: billing::Billing,
    secrets: Vec<secrets::Secret>,
}

impl DemoAccount {
    /// The test-mode account: the seeded customers, catalog and billing history.
    pub fn seeded() -> Self {
        let mut rng = SplitMix64::new(SEED);
        let customers = seed::customers(&mut rng);
        let billing = billing::Billing::seeded(&mut rng, &customers);
        DemoAccount {
            livemode: false,
            customers,
            rng,
            idempotency: Default::default(),
            now: DEMO_NOW,
            billing,
            secrets: Vec::new(),
        }
    }

    /// The live-mode account: no objects yet.
    pub fn empty_live() -> Self {
        DemoAccount {
            livemode: true,
            customers: Vec::new(),
            rng: SplitMix64::new(!SEED),
            idempotency: Default::default(),
            now: DEMO_NOW,
            billing: Default::default(),
            secrets: Vec::new(),
        }
    }

    /// The demo clock (Unix seconds): `DEMO_NOW` plus every advance since.
    pub fn now(&self) -> i64 {
        self.now
    }

    /// Moves the demo clock `seconds` ahead (secrets expire by it).
    pub fn advance_clock(&mut self, seconds: i64) {
        self.now += seconds.max(0);
    }

    /// A second passes before each object is created, so new objects sort newest first.
    fn tick(&mut self) -> i64 {
        self.now += 1;
        self.now
    }

    /// The customer's `invoice_settings.default_payment_method`.
    pub fn default_payment_method(&self, customer: &str) -> Option<&str> {
        self.billing.default_payment_methods.get(customer).map(String::as_str)
    }

    /// A customer in the API's shape with what the account knows about it: its default payment
    /// method and next invoice number (the customer record alone has neither).
    pub fn customer_json(&self, c: &Customer) -> serde_json::Value {
        let mut v = customers::customer_json(c);
        v["invoice_settings"]["default_payment_method"] = self.default_payment_method(&c.id).into();
        let invoices =
            self.billing.invoices.iter().filter(|i| i.str("customer") == Some(&c.id)).count();
        v["next_invoice_sequence"] = (invoices + 1).into();
        v
    }

    pub fn livemode(&self) -> bool {
        self.livemode
    }

    /// Every customer, oldest first.
    pub fn customers(&self) -> &[Customer] {
        &self.customers
    }

    /// Answers one API call the way Stripe would, with a `Request-Id` header. A POST with an
    /// `Idempotency-Key` is answered once; retries replay that answer (reference §13.5). The
    /// demo does the same for a DELETE with a key, so a retried cancel gets the first answer.
    pub fn handle(&mut self, req: &ApiRequest) -> ApiResponse {
        let params = match req.method {
            Method::Post => decode_pairs(req.body.as_deref().unwrap_or("")),
            _ => decode_pairs(req.query()),
        };
        let writes = matches!(req.method, Method::Post | Method::Delete);
        let key = req.header("Idempotency-Key").filter(|_| writes);
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
            _ => billing::route(self, req.method, &segments, params)
                .or_else(|| secrets::route(self, req.method, &segments, params))
                .unwrap_or_else(|| Err(unrecognized(req))),
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
