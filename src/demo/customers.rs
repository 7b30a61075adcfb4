//! `/v1/customers` on the demo account.

use super::billing::expanded;
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
/// `null` (or Stripe's defaults) for what the demo does not model. The customer alone does not
/// say its default payment method or invoice count: the endpoints answer with
/// [`DemoAccount::customer_json`], which adds them.
pub(super) fn customer_json(c: &Customer) -> Value {
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
/// has no test clocks, so it matches nothing). Here and on retrieve and update, `expand[]`
/// puts objects inline (`invoice_settings.default_payment_method`); other paths are ignored.
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
            let data = data
                .into_iter()
                .map(|c| expanded(account, &account.customer_json(c), params, true))
                .collect();
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
        Some(c) => {
            ApiResponse::json(200, &expanded(account, &account.customer_json(c), params, false))
        }
        None => no_such(404, "customer", id, "id"),
    }
}

/// `POST /v1/customers/:id`: `name`, `email`, `phone` and `description` (empty unsets) and
/// `metadata[key]` (empty deletes the key; `metadata=` clears them all). `Err` for invalid
/// parameters, which Stripe rejects before the endpoint runs.
pub(super) fn update(
    account: &mut DemoAccount,
    id: &str,
    params: &[(String, String)],
) -> Result<ApiResponse, ApiResponse> {
    for (key, value) in params {
        match key.as_str() {
            "name" | "email" | "phone" | "description" => {}
            "metadata" if value.is_empty() => {}
            "metadata" => return Err(invalid_request("Invalid hash", Some("metadata"))),
            k if is_expand(k) => {}
            k => match metadata_key(k) {
                Some(name) => check_metadata(k, name, value)?,
                None => {
                    let message = format!("Received unknown parameter: {k}");
                    return Err(invalid_request(&message, Some(k)));
                }
            },
        }
    }
    let Some(customer) = account.customers.iter_mut().find(|c| c.id == id) else {
        return Ok(no_such(404, "customer", id, "id"));
    };
    let mut next = customer.clone();
    for (key, value) in params {
        let set = (!value.is_empty()).then(|| value.clone());
        match key.as_str() {
            "name" => next.name = set,
            "email" => next.email = set,
            "phone" => next.phone = set,
            "description" => next.description = set,
            "metadata" => next.metadata.clear(),
            k => match (metadata_key(k), set) {
                (Some(name), Some(v)) => {
                    next.metadata.insert(name.into(), v);
                }
                (Some(name), None) => {
                    next.metadata.remove(name);
                }
                (None, _) => {}
            },
        }
    }
    if next.metadata.len() > 50 {
        let message =
            format!("Metadata can have up to 50 keys, but you've set {}.", next.metadata.len());
        return Err(invalid_request(&message, Some("metadata")));
    }
    *customer = next;
    let updated = customer.clone();
    let json = account.customer_json(&updated);
    Ok(ApiResponse::json(200, &expanded(account, &json, params, false)))
}

/// `k` of `metadata[k]`.
fn metadata_key(param: &str) -> Option<&str> {
    param.strip_prefix("metadata[")?.strip_suffix(']')
}

/// Stripe's metadata limits: keys of 1–40 characters without `[` or `]`, values up to 500.
fn check_metadata(param: &str, key: &str, value: &str) -> Result<(), ApiResponse> {
    let (key_len, value_len) = (key.chars().count(), value.chars().count());
    let message = if key.is_empty() {
        "Invalid hash".to_string()
    } else if key.contains(['[', ']']) {
        format!("Metadata keys can't contain '[' or ']'. Invalid key: {key}")
    } else if key_len > 40 {
        format!(
            "Metadata keys can have up to 40 characters, but you passed in a key that is \
             {key_len} characters. Invalid key: {key}"
        )
    } else if value_len > 500 {
        format!(
            "Metadata values can have up to 500 characters, but you passed in a value that is \
             {value_len} characters. Invalid value: {value}"
        )
    } else {
        return Ok(());
    };
    let param = if key.is_empty() { "metadata" } else { param };
    Err(invalid_request(&message, Some(param)))
}
