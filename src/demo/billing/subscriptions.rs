//! Subscriptions: their API shape (API version 2025-09-30.clover: the current period lives on
//! each item) and `GET`/`POST /v1/subscriptions`, `DELETE /v1/subscriptions/:id`.

mod create;

pub(super) use create::create;

use super::{either, find_mut, page, Obj};
use crate::api::ApiResponse;
use crate::demo::list::ListQuery;
use crate::demo::params::{invalid_enum, Params};
use crate::demo::{no_such, DemoAccount};
use serde_json::{json, Value};

const STATUSES: &[&str] = &[
    "active",
    "all",
    "canceled",
    "ended",
    "incomplete",
    "incomplete_expired",
    "past_due",
    "paused",
    "trialing",
    "unpaid",
];

const FEEDBACK: &[&str] = &[
    "customer_service",
    "low_quality",
    "missing_features",
    "other",
    "switched_service",
    "too_complex",
    "too_expensive",
    "unused",
];

/// A subscription to one price.
pub(super) struct SubscriptionSpec<'a> {
    pub id: &'a str,
    pub item_id: &'a str,
    pub customer: &'a str,
    pub price: &'a Value,
    pub quantity: i64,
    pub created: i64,
    /// The item's current period.
    pub period: (i64, i64),
    pub status: &'a str,
    pub trial: Option<(i64, i64)>,
    pub default_payment_method: Option<&'a str>,
}

pub(super) fn subscription_json(s: &SubscriptionSpec) -> Value {
    let item = json!({
        "billing_thresholds": null,
        "created": s.created,
        "current_period_end": s.period.1,
        "current_period_start": s.period.0,
        "discounts": [],
        "id": s.item_id,
        "metadata": {},
        "object": "subscription_item",
        "plan": super::catalog::plan_json(s.price),
        "price": s.price,
        "quantity": s.quantity,
        "subscription": s.id,
        "tax_rates": [],
    });
    let (trial_start, trial_end) = s.trial.unzip();
    let head = json!({
        "application": null,
        "application_fee_percent": null,
        "automatic_tax": { "enabled": false, "liability": null, "disabled_reason": null },
        "billing_cycle_anchor": trial_end.unwrap_or(s.created),
        "billing_cycle_anchor_config": null,
        "cancel_at": null,
        "canceled_at": null,
        "cancellation_details": { "comment": null, "feedback": null, "reason": null },
        "collection_method": "charge_automatically",
        "created": s.created,
        "currency": s.price["currency"],
        "customer": s.customer,
        "days_until_due": null,
        "default_payment_method": s.default_payment_method,
        "default_source": null,
        "default_tax_rates": [],
        "description": null,
        "discounts": [],
        "ended_at": null,
        "id": s.id,
        "invoice_settings": {
            "account_tax_ids": null,
            "issuer": { "type": "self" },
            "custom_fields": null,
            "description": null,
            "footer": null,
        },
        "items": {
            "data": [item],
            "has_more": false,
            "object": "list",
            "total_count": 1,
            "url": format!("/v1/subscription_items?subscription={}", s.id),
        },
    });
    let rest = json!({
        "latest_invoice": null,
        "livemode": false,
        "metadata": {},
        "next_pending_invoice_item_invoice": null,
        "object": "subscription",
        "on_behalf_of": null,
        "pause_collection": null,
        "payment_settings": {
            "payment_method_options": null,
            "payment_method_types": null,
            "save_default_payment_method": "off",
        },
        "pending_invoice_item_interval": null,
        "pending_setup_intent": null,
        "pending_update": null,
        "schedule": null,
        "start_date": s.created,
        "status": s.status,
        "test_clock": null,
        "transfer_data": null,
        "trial_end": trial_end,
        "trial_settings": { "end_behavior": { "missing_payment_method": "create_invoice" } },
        "trial_start": trial_start,
        "cancel_at_period_end": false,
        "billing_thresholds": null,
        "billing_mode": { "flexible": null, "type": "classic" },
        "customer_account": null,
        "managed_payments": { "enabled": false },
        "billing_schedules": [],
    });
    super::merge([head, rest])
}

/// Ends `subscription` now: `canceled`, with `canceled_at` and `ended_at`.
pub(super) fn mark_canceled(subscription: &mut Value, at: i64, reason: &str) {
    subscription["status"] = "canceled".into();
    subscription["canceled_at"] = at.into();
    subscription["ended_at"] = at.into();
    subscription["cancellation_details"]["reason"] = reason.into();
}

/// `GET /v1/subscriptions`: `customer`, `price`, `status` (without it, every subscription
/// that is not canceled; `all` for every one; `ended` for canceled and incomplete_expired).
pub(super) fn list(account: &DemoAccount, params: &[(String, String)]) -> ApiResponse {
    either((|| {
        let q = ListQuery::parse(params, &["customer", "price", "status"])?;
        let status = Params(params).one_of("status", STATUSES)?;
        let keep = |s: &Obj| {
            let is = s.str("status").unwrap_or_default();
            let status_matches = match status {
                None => is != "canceled",
                Some("all") => true,
                Some("ended") => matches!(is, "canceled" | "incomplete_expired"),
                Some(want) => is == want,
            };
            let price = s.0["items"]["data"][0]["price"]["id"].as_str();
            status_matches
                && q.filter("customer").is_none_or(|c| s.str("customer") == Some(c))
                && q.filter("price").is_none_or(|p| price == Some(p))
        };
        let all = &account.billing.subscriptions;
        page(account, params, &q, "/v1/subscriptions", all, "subscription", keep)
    })())
}

/// `DELETE /v1/subscriptions/:id`: `cancellation_details[comment]`, `[feedback]`. A canceled
/// subscription is gone as far as cancelling goes: Stripe answers `No such subscription`.
pub(super) fn cancel(
    account: &mut DemoAccount,
    id: &str,
    params: &[(String, String)],
) -> Result<ApiResponse, ApiResponse> {
    let p = Params(params);
    let (comment_key, feedback_key) =
        ("cancellation_details[comment]", "cancellation_details[feedback]");
    p.only(|k| k == comment_key || k == feedback_key)?;
    if p.get(feedback_key).is_some_and(|f| !FEEDBACK.contains(&f)) {
        return Err(invalid_enum(feedback_key, FEEDBACK));
    }
    let now = account.tick();
    let Some(sub) = find_mut(&mut account.billing.subscriptions, id) else {
        return Ok(no_such(404, "subscription", id, "id"));
    };
    if sub.str("status") == Some("canceled") {
        return Ok(no_such(404, "subscription", id, "id"));
    }
    mark_canceled(&mut sub.0, now, "cancellation_requested");
    sub.0["cancellation_details"]["comment"] = p.get(comment_key).into();
    sub.0["cancellation_details"]["feedback"] = p.get(feedback_key).into();
    let sub = sub.0.clone();
    Ok(ApiResponse::json(200, &super::expanded(account, &sub, params, false)))
}
