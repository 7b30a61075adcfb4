//! `/v1/customers` on the demo account.

use super::list::{is_expand, list_json, ListQuery, Record};
use super::{invalid_request, no_such, DemoAccount};
use crate::api::types::Customer;
use crate::api::ApiResponse;
use serde_json::{json, Value};

impl Record for Customer {
    fn created(&self) -> i64 {
        self.created
    }
}

/// A customer in the API's shape: the same top-level keys as Stripe's sample customer, with
/// `null` (or Stripe's defaults) for what the demo does not model.
pub fn customer_json(c: &Customer) -> Value {
    json!({
        "id": c.id,
        "object": "customer",
        "address": c.address,
        "balance": c.balance,
        "created": c.created,
        "currency": c.currency,
        "default_source": null,
        "delinquent": c.delinquent,
        "description": c.description,
        "discount": null,
        "email": c.email,
        "invoice_prefix": c.invoice_prefix,
        "invoice_settings": {
            "custom_fields": null,
            "default_payment_method": null,
            "footer": null,
            "rendering_options": null,
        },
        "livemode": c.livemode,
        "metadata": c.metadata,
        "name": c.name,
        "next_invoice_sequence": 1,
        "phone": c.phone,
        "preferred_locales": c.preferred_locales,
        "shipping": null,
        "tax_exempt": c.tax_exempt,
        "test_clock": null,
    })
}

/// `GET /v1/customers`: filters `email` (exact, case-sensitive) and `test_clock` (the demo
/// has no test clocks, so it matches nothing).
pub(super) fn list(account: &DemoAccount, params: &[(String, String)]) -> ApiResponse {
    let result = ListQuery::parse(params, &["email", "test_clock"]).and_then(|q| {
        let email = q.filter("email");
        let no_clock = q.filter("test_clock").is_none();
        let keep = |c: &Customer| {
            no_clock
                && q.created_matches(c.created)
                && email.is_none_or(|e| c.email.as_deref() == Some(e))
        };
        q.page(&account.customers, "customer", keep)
    });
    match result {
        Ok((data, has_more)) => {
            let data = data.into_iter().map(customer_json).collect();
            ApiResponse::json(200, &list_json("/v1/customers", has_more, data))
        }
        Err(error) => error,
    }
}

/// `GET /v1/customers/:id`.
pub(super) fn retrieve(
    account: &DemoAccount,
    id: &str,
    params: &[(String, String)],
) -> ApiResponse {
    if let Some((key, _)) = params.iter().find(|(k, _)| !is_expand(k)) {
        return invalid_request(&format!("Received unknown parameter: {key}"), Some(key));
    }
    match account.customers.iter().find(|c| c.id == id) {
        Some(c) => ApiResponse::json(200, &customer_json(c)),
        None => no_such(404, "customer", id, "id"),
    }
}
