//! Products and prices: their API shapes and `GET /v1/products`, `GET /v1/prices`.

use super::{either, page, Obj};
use crate::api::ApiResponse;
use crate::demo::list::ListQuery;
use crate::demo::params::Params;
use crate::demo::DemoAccount;
use serde_json::{json, Value};

/// A product (`type: service`) in Stripe's shape.
pub(super) fn product_json(
    id: &str,
    name: &str,
    description: &str,
    created: i64,
    active: bool,
    default_price: Option<&str>,
) -> Value {
    json!({
        "active": active,
        "created": created,
        "default_price": default_price,
        "description": description,
        "id": id,
        "images": [],
        "livemode": false,
        "marketing_features": [],
        "metadata": {},
        "name": name,
        "object": "product",
        "package_dimensions": null,
        "shippable": null,
        "statement_descriptor": null,
        "tax_code": null,
        "unit_label": null,
        "updated": created,
        "url": null,
        "type": "service",
    })
}

/// What a price charges: `interval` is `None` for a one-time price.
pub(super) struct PriceSpec<'a> {
    pub product: &'a str,
    pub currency: &'a str,
    pub unit_amount: i64,
    pub interval: Option<&'a str>,
    pub nickname: &'a str,
    pub lookup_key: Option<&'a str>,
    pub active: bool,
}

/// A per-unit price in Stripe's shape.
pub(super) fn price_json(id: &str, created: i64, p: &PriceSpec) -> Value {
    let recurring = p.interval.map(|interval| {
        json!({
            "interval": interval,
            "interval_count": 1,
            "meter": null,
            "usage_type": "licensed",
            "trial_period_days": null,
        })
    });
    json!({
        "active": p.active,
        "billing_scheme": "per_unit",
        "created": created,
        "currency": p.currency,
        "custom_unit_amount": null,
        "id": id,
        "livemode": false,
        "lookup_key": p.lookup_key,
        "metadata": {},
        "nickname": p.nickname,
        "object": "price",
        "product": p.product,
        "recurring": recurring,
        "tax_behavior": "unspecified",
        "tiers_mode": null,
        "transform_quantity": null,
        "type": if p.interval.is_some() { "recurring" } else { "one_time" },
        "unit_amount": p.unit_amount,
        "unit_amount_decimal": p.unit_amount.to_string(),
    })
}

/// The legacy `plan` a subscription item carries next to its price.
pub(super) fn plan_json(price: &Value) -> Value {
    let recurring = &price["recurring"];
    json!({
        "active": price["active"],
        "amount": price["unit_amount"],
        "amount_decimal": price["unit_amount_decimal"],
        "billing_scheme": "per_unit",
        "created": price["created"],
        "currency": price["currency"],
        "id": price["id"],
        "interval": recurring["interval"],
        "interval_count": recurring["interval_count"],
        "livemode": price["livemode"],
        "metadata": {},
        "meter": null,
        "nickname": price["nickname"],
        "object": "plan",
        "product": price["product"],
        "tiers_mode": null,
        "transform_usage": null,
        "trial_period_days": null,
        "usage_type": "licensed",
    })
}

/// `active=true|false`, if given.
fn active_filter(params: &[(String, String)]) -> Result<Option<bool>, ApiResponse> {
    let p = Params(params);
    p.get("active").map(|_| p.boolean("active", false)).transpose()
}

/// `GET /v1/products`: `active`.
pub(super) fn list_products(account: &DemoAccount, params: &[(String, String)]) -> ApiResponse {
    either((|| {
        let q = ListQuery::parse(params, &["active"])?;
        let active = active_filter(params)?;
        let keep = |p: &Obj| active.is_none_or(|a| p.0["active"] == a);
        page(account, params, &q, "/v1/products", &account.billing.products, "product", keep)
    })())
}

/// `GET /v1/prices`: `product`, `active`, `type` (`recurring` or `one_time`), `currency`;
/// `expand[]=data.product` puts each price's product inline.
pub(super) fn list_prices(account: &DemoAccount, params: &[(String, String)]) -> ApiResponse {
    either((|| {
        let q = ListQuery::parse(params, &["active", "product", "type", "currency"])?;
        let active = active_filter(params)?;
        Params(params).one_of("type", &["one_time", "recurring"])?;
        let matches =
            |p: &Obj, key: &str| q.filter(key).is_none_or(|want| p.str(key) == Some(want));
        let keep = |p: &Obj| {
            active.is_none_or(|a| p.0["active"] == a)
                && matches(p, "product")
                && matches(p, "type")
                && matches(p, "currency")
        };
        page(account, params, &q, "/v1/prices", &account.billing.prices, "price", keep)
    })())
}
