//! Payment methods (cards and Amazon Pay): their API shape, `GET /v1/payment_methods` and
//! `GET /v1/customers/:id/payment_methods`.

use super::{either, page, Obj};
use crate::api::types::Customer;
use crate::api::ApiResponse;
use crate::demo::list::ListQuery;
use crate::demo::params::Params;
use crate::demo::{no_such, DemoAccount};
use serde_json::{json, Value};

/// The `type` values Stripe's list accepts.
const TYPES: &[&str] = &[
    "acss_debit",
    "affirm",
    "afterpay_clearpay",
    "alipay",
    "amazon_pay",
    "au_becs_debit",
    "bacs_debit",
    "bancontact",
    "blik",
    "boleto",
    "card",
    "cashapp",
    "customer_balance",
    "eps",
    "fpx",
    "giropay",
    "grabpay",
    "ideal",
    "klarna",
    "konbini",
    "link",
    "mobilepay",
    "multibanco",
    "oxxo",
    "p24",
    "paypal",
    "pix",
    "promptpay",
    "revolut_pay",
    "sepa_debit",
    "sofort",
    "swish",
    "twint",
    "us_bank_account",
    "wechat_pay",
    "zip",
];

/// A card: `(brand, display_brand, last4, funding, country)`.
pub(super) type Card = (&'static str, &'static str, &'static str, &'static str, &'static str);

/// Stripe's test cards, by brand.
pub(super) const CARDS: &[Card] = &[
    ("visa", "visa", "4242", "credit", "US"),
    ("visa", "visa", "5556", "debit", "US"),
    ("mastercard", "mastercard", "4444", "credit", "US"),
    ("mastercard", "mastercard", "8210", "debit", "US"),
    ("amex", "american_express", "8431", "credit", "US"),
    ("discover", "discover", "1117", "credit", "US"),
    ("jcb", "jcb", "0505", "credit", "JP"),
    ("visa", "cartes_bancaires", "1001", "credit", "FR"),
];

fn billing_details(c: Option<&Customer>) -> Value {
    json!({
        "address": c.and_then(|c| c.address.clone()),
        "email": c.and_then(|c| c.email.clone()),
        "name": c.and_then(|c| c.name.clone()),
        "phone": c.and_then(|c| c.phone.clone()),
        "tax_id": null,
    })
}

/// The envelope every payment method shares; `details` is the type's own hash.
fn payment_method_json(
    id: &str,
    kind: &str,
    details: Value,
    customer: Option<&Customer>,
    created: i64,
) -> Value {
    json!({
        "allow_redisplay": "unspecified",
        "billing_details": billing_details(customer),
        kind: details,
        "created": created,
        "customer": customer.map(|c| c.id.clone()),
        "id": id,
        "livemode": false,
        "metadata": {},
        "object": "payment_method",
        "type": kind,
        "customer_account": null,
    })
}

/// A card payment method attached to `customer`.
pub(super) fn card_json(
    id: &str,
    card: &Card,
    expires: (u32, u32),
    fingerprint: &str,
    customer: &Customer,
    created: i64,
) -> Value {
    let &(brand, display_brand, last4, funding, country) = card;
    let details = json!({
        "brand": brand,
        "checks": {
            "address_line1_check": null,
            "address_postal_code_check": null,
            "cvc_check": "pass",
        },
        "country": country,
        "display_brand": display_brand,
        "exp_month": expires.0,
        "exp_year": expires.1,
        "fingerprint": fingerprint,
        "funding": funding,
        "generated_from": null,
        "last4": last4,
        "networks": { "available": [brand], "preferred": null },
        "three_d_secure_usage": { "supported": true },
        "wallet": null,
        "regulated_status": "unregulated",
    });
    payment_method_json(id, "card", details, Some(customer), created)
}

/// An Amazon Pay payment method; `customer` is `None` until a setup attaches it.
pub(super) fn amazon_pay_json(id: &str, customer: Option<&Customer>, created: i64) -> Value {
    payment_method_json(id, "amazon_pay", json!({}), customer, created)
}

/// `GET /v1/payment_methods` (`customer`, `type`) and, with `path_customer`,
/// `GET /v1/customers/:id/payment_methods` (`type`). Without a customer Stripe lists the
/// payment methods attached to none (its Treasury listing), which the demo has few of.
pub(super) fn list(
    account: &DemoAccount,
    params: &[(String, String)],
    path_customer: Option<&str>,
) -> ApiResponse {
    either((|| {
        let filters: &[&str] =
            if path_customer.is_some() { &["type"] } else { &["customer", "type"] };
        let q = ListQuery::parse(params, filters)?;
        Params(params).one_of("type", TYPES)?;
        let customer = match path_customer {
            Some(id) => Some((id, 404, "id")),
            None => q.filter("customer").map(|id| (id, 400, "customer")),
        };
        if let Some((id, status, param)) = customer {
            if !account.customers.iter().any(|c| c.id == id) {
                return Err(no_such(status, "customer", id, param));
            }
        }
        let owner = customer.map(|(id, ..)| id);
        let url = match path_customer {
            Some(id) => format!("/v1/customers/{id}/payment_methods"),
            None => "/v1/payment_methods".to_string(),
        };
        let keep = |pm: &Obj| {
            pm.str("customer") == owner
                && q.filter("type").is_none_or(|t| pm.str("type") == Some(t))
        };
        page(account, params, &q, &url, &account.billing.payment_methods, "PaymentMethod", keep)
    })())
}
