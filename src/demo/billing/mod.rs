//! Products, prices, subscriptions, invoices, payment methods, setup and payment intents on the
//! demo account. Objects are stored in their API shape (`serde_json::Value`, the same top-level
//! keys as Stripe's sample objects) and changed in place; expansions are resolved on the way out.

mod catalog;
mod charges;
mod expand;
mod invoices;
mod payment_intents;
mod payment_methods;
mod seed;
mod setup_intents;
mod subscriptions;

pub use setup_intents::{
    amazon_pay_redirect_setup_intent, AwaitingAuthorization, AMAZON_PAY_AUTHORIZE_URL,
};

use super::list::{list_json, ListQuery, Record};
use super::params::Params;
use super::{DemoAccount, SplitMix64};
use crate::api::form::percent_decode;
use crate::api::pagination::HasId;
use crate::api::{ApiResponse, Method};
use serde_json::Value;
use std::collections::BTreeMap;

/// One stored object in its API shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Obj(pub Value);

impl HasId for Obj {
    fn id(&self) -> &str {
        self.0["id"].as_str().unwrap_or_default()
    }
}

impl Record for Obj {
    fn created(&self) -> i64 {
        self.0["created"].as_i64().unwrap_or_default()
    }
}

impl Obj {
    /// The string field `key` (`None` when null or absent).
    pub fn str(&self, key: &str) -> Option<&str> {
        self.0[key].as_str()
    }
}

/// Every billing object of one account.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Billing {
    pub products: Vec<Obj>,
    pub prices: Vec<Obj>,
    pub subscriptions: Vec<Obj>,
    pub invoices: Vec<Obj>,
    /// `invoice_payment` objects: which payment intent paid (or is paying) which invoice.
    pub invoice_payments: Vec<Obj>,
    pub payment_intents: Vec<Obj>,
    pub payment_methods: Vec<Obj>,
    pub setup_intents: Vec<Obj>,
    /// Customer id → `invoice_settings.default_payment_method`.
    pub default_payment_methods: BTreeMap<String, String>,
}

impl Billing {
    /// The seeded catalog and the seeded customers' billing history.
    pub fn seeded(rng: &mut SplitMix64, customers: &[crate::api::types::Customer]) -> Self {
        seed::billing(rng, customers)
    }
}

/// One object from several `json!` parts (a single `json!` of 40-odd keys passes the macro's
/// recursion limit).
pub(super) fn merge<const N: usize>(parts: [Value; N]) -> Value {
    let mut out = serde_json::Map::new();
    for part in parts {
        if let Value::Object(map) = part {
            out.extend(map);
        }
    }
    Value::Object(out)
}

/// The object with this id.
pub(super) fn find<'a>(objects: &'a [Obj], id: &str) -> Option<&'a Obj> {
    objects.iter().find(|o| o.id() == id)
}

pub(super) fn find_mut<'a>(objects: &'a mut [Obj], id: &str) -> Option<&'a mut Obj> {
    objects.iter_mut().find(|o| o.id() == id)
}

/// A new Stripe-style id: `prefix_` and 24 characters.
pub(super) fn new_id(rng: &mut SplitMix64, prefix: &str) -> String {
    format!("{prefix}_{}", rng.alnum(24))
}

/// A list endpoint's page of `all` (those `keep` accepts and `created[…]` allows), each item
/// expanded as the request's `expand[]=data.…` asks.
pub(super) fn page(
    account: &DemoAccount,
    params: &[(String, String)],
    query: &ListQuery,
    url: &str,
    all: &[Obj],
    kind: &str,
    keep: impl Fn(&Obj) -> bool,
) -> Result<ApiResponse, ApiResponse> {
    let (data, has_more) =
        query.page(all, kind, |o| keep(o) && query.created_matches(o.created()))?;
    let expansions = Params(params).expansions();
    let data = data
        .into_iter()
        .map(|o| {
            let mut v = o.0.clone();
            for path in expansions.iter().filter_map(|p| p.strip_prefix("data.")) {
                expand::expand(account, &mut v, path);
            }
            v
        })
        .collect();
    Ok(ApiResponse::json(200, &list_json(url, has_more, data)))
}

/// A copy of `object` with the request's `expand[]` applied: to a list item (`in_list`) the
/// `data.…` ones, else the others.
pub(super) fn expanded(
    account: &DemoAccount,
    object: &Value,
    params: &[(String, String)],
    in_list: bool,
) -> Value {
    let mut v = object.clone();
    for path in Params(params).expansions() {
        match (in_list, path.strip_prefix("data.")) {
            (true, Some(rest)) => expand::expand(account, &mut v, rest),
            (false, _) => expand::expand(account, &mut v, path),
            (true, None) => {}
        }
    }
    v
}

/// The response either way.
pub(super) fn either(result: Result<ApiResponse, ApiResponse>) -> ApiResponse {
    result.unwrap_or_else(|e| e)
}

/// `GET …/:id` of a stored object: expand-only parameters, 404 `No such {kind}` when missing.
pub(super) fn retrieve(
    account: &DemoAccount,
    objects: &[Obj],
    kind: &str,
    id: &str,
    params: &[(String, String)],
) -> ApiResponse {
    if let Err(e) = Params(params).only_expand() {
        return e;
    }
    match find(objects, id) {
        Some(o) => ApiResponse::json(200, &expanded(account, &o.0, params, false)),
        None => super::no_such(404, kind, id, "id"),
    }
}

/// The billing endpoints; `None` when the path is not one of them.
pub(super) fn route(
    account: &mut DemoAccount,
    method: Method,
    segments: &[&str],
    params: &[(String, String)],
) -> Option<Result<ApiResponse, ApiResponse>> {
    let b = &account.billing;
    let id = |s: &str| percent_decode(s);
    Some(match (method, segments) {
        (Method::Get, ["v1", "products"]) => Ok(catalog::list_products(account, params)),
        (Method::Get, ["v1", "products", p]) if !p.is_empty() => {
            Ok(retrieve(account, &b.products, "product", &id(p), params))
        }
        (Method::Get, ["v1", "prices"]) => Ok(catalog::list_prices(account, params)),
        (Method::Get, ["v1", "prices", p]) if !p.is_empty() => {
            Ok(retrieve(account, &b.prices, "price", &id(p), params))
        }
        (Method::Get, ["v1", "subscriptions"]) => Ok(subscriptions::list(account, params)),
        (Method::Get, ["v1", "subscriptions", s]) if !s.is_empty() => {
            Ok(retrieve(account, &b.subscriptions, "subscription", &id(s), params))
        }
        (Method::Post, ["v1", "subscriptions"]) => subscriptions::create(account, params),
        (Method::Delete, ["v1", "subscriptions", s]) if !s.is_empty() => {
            subscriptions::cancel(account, &id(s), params)
        }
        (Method::Get, ["v1", "invoices"]) => Ok(invoices::list(account, params)),
        (Method::Get, ["v1", "invoices", i]) if !i.is_empty() => {
            Ok(retrieve(account, &b.invoices, "invoice", &id(i), params))
        }
        (Method::Get, ["v1", "payment_intents"]) => Ok(payment_intents::list(account, params)),
        (Method::Get, ["v1", "payment_intents", p]) if !p.is_empty() => {
            Ok(retrieve(account, &b.payment_intents, "payment_intent", &id(p), params))
        }
        (Method::Get, ["v1", "payment_methods"]) => {
            Ok(payment_methods::list(account, params, None))
        }
        (Method::Get, ["v1", "customers", c, "payment_methods"]) if !c.is_empty() => {
            Ok(payment_methods::list(account, params, Some(&id(c))))
        }
        (Method::Get, ["v1", "payment_methods", p]) if !p.is_empty() => {
            Ok(retrieve(account, &b.payment_methods, "PaymentMethod", &id(p), params))
        }
        (Method::Post, ["v1", "setup_intents"]) => setup_intents::create(account, params),
        (Method::Get, ["v1", "setup_intents", s]) if !s.is_empty() => {
            Ok(retrieve(account, &b.setup_intents, "setupintent", &id(s), params))
        }
        _ => return None,
    })
}
