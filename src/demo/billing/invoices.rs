//! Invoices: their API shape (API version 2025-09-30.clover: the subscription is named under
//! `parent.subscription_details`, payments under the includable `payments`) and
//! `GET /v1/invoices`.

use super::{either, merge, page, Obj};
use crate::api::types::Customer;
use crate::api::ApiResponse;
use crate::demo::list::ListQuery;
use crate::demo::params::Params;
use crate::demo::DemoAccount;
use serde_json::{json, Value};

/// Where the demo's hosted pages live: a reserved `.invalid` name, so nothing leaves the preview.
pub(super) const DEMO_PAGES: &str = "https://demo.customer-sync.invalid";

pub(super) const STATUSES: &[&str] = &["draft", "open", "paid", "uncollectible", "void"];

/// What an invoice bills: one line for `quantity` × `price`.
pub(super) struct InvoiceSpec<'a> {
    pub id: &'a str,
    pub line_id: &'a str,
    pub number: String,
    pub customer: &'a Customer,
    pub subscription: Option<(&'a str, &'a str)>,
    pub price: &'a Value,
    pub product_name: &'a str,
    pub quantity: i64,
    pub created: i64,
    pub period: (i64, i64),
    pub billing_reason: &'a str,
    /// A trial period: billed at zero.
    pub trial: bool,
}

/// An invoice, finalized and `open` for the whole amount; `pay` marks it paid.
pub(super) fn invoice_json(s: &InvoiceSpec) -> Value {
    let c = s.customer;
    let unit_amount = s.price["unit_amount"].as_i64().unwrap_or(0);
    let total = if s.trial { 0 } else { unit_amount * s.quantity };
    let currency = s.price["currency"].clone();
    let (subscription, item) = s.subscription.unzip();
    let parent = subscription.map(|sub| {
        json!({
            "quote_details": null,
            "subscription_details": { "metadata": {}, "subscription": sub },
            "type": "subscription_details",
        })
    });
    let interval = s.price["recurring"]["interval"].as_str();
    let unit = crate::format::format_amount(unit_amount, currency.as_str().unwrap_or("usd"));
    let description = match interval {
        _ if s.trial => format!("Trial period for {}", s.product_name),
        Some(i) => format!("{} × {} (at {unit} / {i})", s.quantity, s.product_name),
        None => format!("{} × {}", s.quantity, s.product_name),
    };
    let line = json!({
        "amount": total,
        "currency": currency,
        "description": description,
        "discount_amounts": [],
        "discountable": true,
        "discounts": [],
        "id": s.line_id,
        "invoice": s.id,
        "livemode": false,
        "metadata": {},
        "object": "line_item",
        "period": { "end": s.period.1, "start": s.period.0 },
        "quantity": s.quantity,
        "subscription": subscription,
        "pretax_credit_amounts": [],
        "taxes": [],
        "parent": {
            "invoice_item_details": null,
            "subscription_item_details": {
                "invoice_item": null,
                "proration": false,
                "proration_details": { "credited_items": null },
                "subscription": subscription,
                "subscription_item": item,
            },
            "type": "subscription_item_details",
        },
        "pricing": {
            "price_details": { "price": s.price["id"], "product": s.price["product"] },
            "type": "price_details",
            "unit_amount_decimal": s.price["unit_amount_decimal"],
        },
        "subtotal": total,
        "quantity_decimal": s.quantity.to_string(),
    });
    let head = json!({
        "account_country": "US",
        "account_name": "Customer Sync Demo",
        "account_tax_ids": null,
        "amount_due": total,
        "amount_paid": 0,
        "amount_remaining": total,
        "amount_shipping": 0,
        "application": null,
        "attempt_count": 0,
        "attempted": false,
        "auto_advance": true,
        "automatic_tax": {
            "enabled": false,
            "liability": null,
            "status": null,
            "disabled_reason": null,
            "provider": null,
        },
        "billing_reason": s.billing_reason,
        "collection_method": "charge_automatically",
        "created": s.created,
        "currency": currency,
        "custom_fields": null,
        "customer": c.id,
        "customer_address": c.address,
        "customer_email": c.email,
        "customer_name": c.name,
        "customer_phone": c.phone,
        "customer_shipping": null,
        "customer_tax_exempt": c.tax_exempt,
        "customer_tax_ids": [],
    });
    let middle = json!({
        "default_payment_method": null,
        "default_source": null,
        "default_tax_rates": [],
        "description": null,
        "discounts": [],
        "due_date": null,
        "effective_at": s.created,
        "ending_balance": 0,
        "footer": null,
        "from_invoice": null,
        "hosted_invoice_url": format!("{DEMO_PAGES}/invoices/{}", s.id),
        "id": s.id,
        "invoice_pdf": format!("{DEMO_PAGES}/invoices/{}/pdf", s.id),
        "issuer": { "type": "self" },
        "last_finalization_error": null,
        "latest_revision": null,
        "lines": {
            "data": [line],
            "has_more": false,
            "object": "list",
            "url": format!("/v1/invoices/{}/lines", s.id),
        },
    });
    let rest = json!({
        "livemode": false,
        "metadata": {},
        "next_payment_attempt": null,
        "number": s.number,
        "object": "invoice",
        "on_behalf_of": null,
        "payment_settings": {
            "default_mandate": null,
            "payment_method_options": null,
            "payment_method_types": null,
        },
        "period_end": s.created,
        "period_start": s.created,
        "post_payment_credit_notes_amount": 0,
        "pre_payment_credit_notes_amount": 0,
        "receipt_number": null,
        "rendering": {
            "amount_tax_display": null,
            "pdf": { "page_size": "auto" },
            "template": null,
            "template_version": null,
        },
        "shipping_cost": null,
        "shipping_details": null,
        "starting_balance": 0,
        "statement_descriptor": null,
        "status": "open",
        "status_transitions": {
            "finalized_at": s.created,
            "marked_uncollectible_at": null,
            "paid_at": null,
            "voided_at": null,
        },
        // Moved to `parent.subscription_details.subscription` (API 2025-03-31.basil).
        "subscription": null,
        "subtotal": total,
        "subtotal_excluding_tax": total,
        "test_clock": null,
        "total": total,
        "total_discount_amounts": [],
        "total_excluding_tax": total,
        "webhooks_delivered_at": s.created,
        "automatically_finalizes_at": null,
        "total_pretax_credit_amounts": [],
        "total_taxes": [],
        "amount_overpaid": 0,
        "parent": parent,
        "customer_account": null,
    });
    merge([head, middle, rest])
}

/// Marks `invoice` paid in full at `at`.
pub(super) fn mark_paid(invoice: &mut Value, at: i64) {
    let total = invoice["total"].clone();
    invoice["amount_paid"] = total;
    invoice["amount_remaining"] = 0.into();
    invoice["status"] = "paid".into();
    invoice["auto_advance"] = false.into();
    invoice["status_transitions"]["paid_at"] = at.into();
    if invoice["total"] != 0 {
        invoice["attempted"] = true.into();
        invoice["attempt_count"] = 1.into();
    }
}

/// The subscription an invoice bills, if any.
pub(super) fn subscription_of(invoice: &Obj) -> Option<&str> {
    invoice.0["parent"]["subscription_details"]["subscription"].as_str()
}

/// `GET /v1/invoices`: `customer`, `status`, `subscription`, `collection_method`.
pub(super) fn list(account: &DemoAccount, params: &[(String, String)]) -> ApiResponse {
    either((|| {
        let filters = ["customer", "status", "subscription", "collection_method"];
        let q = ListQuery::parse(params, &filters)?;
        let p = Params(params);
        p.one_of("status", STATUSES)?;
        p.one_of("collection_method", &["charge_automatically", "send_invoice"])?;
        let keep = |i: &Obj| {
            ["customer", "status", "collection_method"]
                .iter()
                .all(|k| q.filter(k).is_none_or(|want| i.str(k) == Some(want)))
                && q.filter("subscription").is_none_or(|want| subscription_of(i) == Some(want))
        };
        page(account, params, &q, "/v1/invoices", &account.billing.invoices, "invoice", keep)
    })())
}
