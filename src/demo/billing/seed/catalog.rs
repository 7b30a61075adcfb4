//! The seeded catalog: two plans with monthly and yearly prices in usd (monthly in eur and gbp
//! too), a one-time onboarding session, and an archived plan.

use crate::demo::billing::catalog::{price_json, product_json, PriceSpec};
use crate::demo::billing::{new_id, Billing, Obj};
use crate::demo::{SplitMix64, DEMO_NOW};

/// Everything is older than the oldest customer (at most three years before `DEMO_NOW`).
const CREATED: i64 = DEMO_NOW - 4 * 365 * 86_400;

/// `(product, description, active, prices)`; a price is
/// `(currency, amount, interval, nickname, lookup_key, active)`.
type Price = (&'static str, i64, Option<&'static str>, &'static str, Option<&'static str>, bool);
const PRODUCTS: &[(&str, &str, bool, &[Price])] = &[
    (
        "Starter",
        "For small teams getting started: up to 3 seats and 1,000 synced customers.",
        true,
        &[
            ("usd", 1_900, Some("month"), "Starter monthly", Some("starter_monthly"), true),
            ("usd", 19_000, Some("year"), "Starter yearly", Some("starter_yearly"), true),
            ("eur", 1_900, Some("month"), "Starter monthly (EUR)", None, true),
            ("gbp", 1_500, Some("month"), "Starter monthly (GBP)", None, true),
        ],
    ),
    (
        "Growth",
        "Unlimited synced customers, per seat.",
        true,
        &[
            ("usd", 4_900, Some("month"), "Growth monthly", Some("growth_monthly"), true),
            ("usd", 49_000, Some("year"), "Growth yearly", Some("growth_yearly"), true),
            ("eur", 4_500, Some("month"), "Growth monthly (EUR)", None, true),
            ("gbp", 3_900, Some("month"), "Growth monthly (GBP)", None, true),
            ("usd", 3_900, Some("month"), "Growth monthly (2024 pricing)", None, false),
        ],
    ),
    (
        "Onboarding session",
        "A two-hour guided setup with our team.",
        true,
        &[("usd", 25_000, None, "Onboarding session", Some("onboarding"), true)],
    ),
    (
        "Enterprise (legacy)",
        "Retired plan; existing customers moved to Growth.",
        false,
        &[("usd", 19_900, Some("month"), "Enterprise monthly", None, false)],
    ),
];

/// Adds the products and prices, oldest first.
pub(super) fn seed(billing: &mut Billing, rng: &mut SplitMix64) {
    for (n, &(name, description, active, prices)) in PRODUCTS.iter().enumerate() {
        let created = CREATED + n as i64 * 86_400;
        let product = format!("prod_{}", rng.alnum(14));
        let mut default_price = None;
        for (m, &(currency, amount, interval, nickname, lookup_key, price_active)) in
            prices.iter().enumerate()
        {
            let id = new_id(rng, "price");
            default_price.get_or_insert(id.clone());
            let spec = PriceSpec {
                product: &product,
                currency,
                unit_amount: amount,
                interval,
                nickname,
                lookup_key,
                active: price_active,
            };
            billing.prices.push(Obj(price_json(&id, created + m as i64 * 60, &spec)));
        }
        let json =
            product_json(&product, name, description, created, active, default_price.as_deref());
        billing.products.push(Obj(json));
    }
}
