//! Billing one subscription period: the invoice, the payment intent charging the payment method
//! and the `invoice_payment` joining them. Shared by the seed and `POST /v1/subscriptions`.

use super::invoices::{invoice_json, mark_paid, InvoiceSpec};
use super::payment_intents::payment_intent_json;
use super::{find, new_id, Billing, Obj};
use crate::api::types::Customer;
use crate::demo::SplitMix64;
use serde_json::{json, Value};

/// Stripe's test card that attaches fine but declines every charge (`4000 0000 0000 0341`).
pub(super) const DECLINING_LAST4: &str = "0341";

/// Whether a charge to this payment method goes through.
pub(super) fn charge_succeeds(payment_method: &Value) -> bool {
    payment_method["card"]["last4"] != DECLINING_LAST4
}

/// One period of a subscription to bill.
pub(super) struct Bill<'a> {
    pub customer: &'a Customer,
    /// The subscription and its item.
    pub subscription: (&'a str, &'a str),
    pub price: &'a Value,
    pub quantity: i64,
    /// Charged unless the invoice is for nothing.
    pub payment_method: &'a Value,
    pub created: i64,
    pub period: (i64, i64),
    pub billing_reason: &'a str,
    pub succeeds: bool,
    /// A trial period: a zero invoice, no charge.
    pub trial: bool,
}

/// Creates the invoice (paid, or open after a declined attempt) and, for a non-zero amount, its
/// payment intent. Returns the invoice's id.
pub(super) fn bill(billing: &mut Billing, rng: &mut SplitMix64, b: &Bill) -> String {
    let id = new_id(rng, "in");
    let line_id = new_id(rng, "il");
    let customer = &b.customer.id;
    let sequence = billing.invoices.iter().filter(|i| i.str("customer") == Some(customer)).count();
    let prefix = b.customer.invoice_prefix.as_deref().unwrap_or("DEMO");
    let product = b.price["product"].as_str().unwrap_or_default();
    let product_name =
        find(&billing.products, product).and_then(|p| p.str("name")).unwrap_or(product).to_string();
    let mut invoice = invoice_json(&InvoiceSpec {
        id: &id,
        line_id: &line_id,
        number: format!("{prefix}-{:04}", sequence + 1),
        customer: b.customer,
        subscription: Some(b.subscription),
        price: b.price,
        product_name: &product_name,
        quantity: b.quantity,
        created: b.created,
        period: b.period,
        billing_reason: b.billing_reason,
        trial: b.trial,
    });
    let total = invoice["total"].as_i64().unwrap_or(0);
    if total == 0 {
        mark_paid(&mut invoice, b.created);
        billing.invoices.push(Obj(invoice));
        return id;
    }
    let pi = new_id(rng, "pi");
    let charge = new_id(rng, "ch");
    let description = match b.billing_reason {
        "subscription_create" => "Subscription creation",
        _ => "Subscription update",
    };
    let currency = b.price["currency"].as_str().unwrap_or("usd");
    let secret = rng.alnum(24);
    let intent = payment_intent_json(
        &pi,
        &secret,
        &charge,
        customer,
        total,
        currency,
        b.payment_method,
        description,
        b.created,
        b.succeeds,
    );
    billing.payment_intents.push(Obj(intent));
    billing.invoice_payments.push(Obj(json!({
        "amount_paid": if b.succeeds { Some(total) } else { None },
        "amount_requested": total,
        "created": b.created,
        "currency": currency,
        "id": new_id(rng, "inpay"),
        "invoice": id,
        "is_default": true,
        "livemode": false,
        "object": "invoice_payment",
        "payment": { "payment_intent": pi, "type": "payment_intent" },
        "status": if b.succeeds { "paid" } else { "open" },
        "status_transitions": {
            "canceled_at": null,
            "paid_at": if b.succeeds { Some(b.created) } else { None },
        },
    })));
    if b.succeeds {
        mark_paid(&mut invoice, b.created);
    } else {
        invoice["attempted"] = true.into();
        invoice["attempt_count"] = 1.into();
        invoice["next_payment_attempt"] = (b.created + 3 * 86_400).into();
    }
    billing.invoices.push(Obj(invoice));
    id
}
