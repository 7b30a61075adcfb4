//! Payment intents: their API shape and `GET /v1/payment_intents`.

use super::{either, merge, page, Obj};
use crate::api::ApiResponse;
use crate::demo::list::ListQuery;
use crate::demo::DemoAccount;
use serde_json::{json, Value};

/// A payment intent for `amount` charged to `payment_method` (an object in API shape): either
/// `succeeded`, or declined and back to `requires_payment_method` with Stripe's decline error.
#[allow(clippy::too_many_arguments)]
pub(super) fn payment_intent_json(
    id: &str,
    secret: &str,
    charge: &str,
    customer: &str,
    amount: i64,
    currency: &str,
    payment_method: &Value,
    description: &str,
    created: i64,
    succeeded: bool,
) -> Value {
    let kind = payment_method["type"].as_str().unwrap_or("card");
    let options = match kind {
        "card" => json!({ "card": {
            "installments": null,
            "mandate_options": null,
            "network": null,
            "request_three_d_secure": "automatic",
        }}),
        other => json!({ other: {} }),
    };
    let error = (!succeeded).then(|| {
        json!({
            "charge": charge,
            "code": "card_declined",
            "decline_code": "generic_decline",
            "doc_url": "https://stripe.com/docs/error-codes/card-declined",
            "message": "Your card was declined.",
            "payment_method": payment_method,
            "type": "card_error",
        })
    });
    let head = json!({
        "amount": amount,
        "amount_capturable": 0,
        "amount_details": { "tip": {} },
        "amount_received": if succeeded { amount } else { 0 },
        "application": null,
        "application_fee_amount": null,
        "automatic_payment_methods": null,
        "canceled_at": null,
        "cancellation_reason": null,
        "capture_method": "automatic",
        "client_secret": format!("{id}_secret_{secret}"),
        "confirmation_method": "automatic",
        "created": created,
        "currency": currency,
        "customer": customer,
        "description": description,
        "id": id,
        "last_payment_error": error,
        "latest_charge": charge,
    });
    let rest = json!({
        "livemode": false,
        "metadata": {},
        "next_action": null,
        "object": "payment_intent",
        "on_behalf_of": null,
        "payment_method": if succeeded { payment_method["id"].clone() } else { Value::Null },
        "payment_method_configuration_details": null,
        "payment_method_options": options,
        "payment_method_types": [kind],
        "processing": null,
        "receipt_email": null,
        "review": null,
        "setup_future_usage": null,
        "shipping": null,
        "statement_descriptor": null,
        "statement_descriptor_suffix": null,
        "status": if succeeded { "succeeded" } else { "requires_payment_method" },
        "transfer_data": null,
        "transfer_group": null,
        "source": null,
        "excluded_payment_method_types": null,
        "customer_account": null,
        "managed_payments": { "enabled": false },
    });
    merge([head, rest])
}

/// `GET /v1/payment_intents`: `customer`, and `created[…]` bounds like every list.
pub(super) fn list(account: &DemoAccount, params: &[(String, String)]) -> ApiResponse {
    either((|| {
        let q = ListQuery::parse(params, &["customer"])?;
        let keep = |p: &Obj| q.filter("customer").is_none_or(|c| p.str("customer") == Some(c));
        let all = &account.billing.payment_intents;
        page(account, params, &q, "/v1/payment_intents", all, "payment_intent", keep)
    })())
}
