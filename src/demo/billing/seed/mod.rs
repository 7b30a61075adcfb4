//! The seeded billing history, drawn after the customers from the same PRNG, so it is a pure
//! function of the seed too. About 70% of the customers have saved payment methods
//! (cards of several brands, some Amazon Pay), most of those a default one; some of them
//! subscribe (see `subscriptions`); a few bought a one-time onboarding session. Customers
//! without a currency were never billed, so they have no subscriptions or payments. One
//! customer's default card declines every charge, to show a failed subscription.

mod catalog;
mod subscriptions;

use super::charges::DECLINING_LAST4;
use super::payment_intents::payment_intent_json;
use super::payment_methods::{amazon_pay_json, card_json, CARDS};
use super::{new_id, Billing, Obj};
use crate::api::types::Customer;
use crate::demo::{SplitMix64, DEMO_NOW};
use serde_json::Value;

const DAY: i64 = 86_400;

pub(super) fn billing(rng: &mut SplitMix64, customers: &[Customer]) -> Billing {
    let mut billing = Billing::default();
    catalog::seed(&mut billing, rng);
    for c in customers {
        history(&mut billing, rng, c);
    }
    declining_default_card(&mut billing, rng, customers);
    billing
}

/// A random moment in `from..to` (`from` if the range is empty).
fn between(rng: &mut SplitMix64, from: i64, to: i64) -> i64 {
    if to <= from {
        from
    } else {
        from + rng.below((to - from) as u64) as i64
    }
}

fn history(billing: &mut Billing, rng: &mut SplitMix64, c: &Customer) {
    let delinquent = c.delinquent == Some(true);
    if !delinquent && rng.percent(30) {
        return;
    }
    // Saved within the customer's first two months (or first half of their life, if younger).
    let saved =
        between(rng, c.created + 3_600, c.created + (60 * DAY).min((DEMO_NOW - c.created) / 2));
    let at = |offset: i64| (saved + offset).min(DEMO_NOW - 3_600);
    let mut methods = Vec::new();
    let amazon = rng.percent(18);
    let cards = if amazon && rng.percent(40) {
        0
    } else if rng.percent(25) {
        2
    } else {
        1
    };
    for n in 0..cards {
        let id = new_id(rng, "pm");
        let card = rng.pick(CARDS);
        let expires = (1 + rng.below(12) as u32, 2026 + rng.below(6) as u32);
        let fingerprint = rng.alnum(16);
        methods.push(card_json(&id, card, expires, &fingerprint, c, at(n * 7 * DAY)));
    }
    if amazon {
        let id = new_id(rng, "pm");
        methods.push(amazon_pay_json(&id, Some(c), at(30 * DAY)));
    }
    let default =
        rng.percent(75).then(|| methods[0]["id"].as_str().unwrap_or_default().to_string());
    if let Some(pm) = &default {
        billing.default_payment_methods.insert(c.id.clone(), pm.clone());
    }
    let payer = methods[0].clone();
    billing.payment_methods.extend(methods.into_iter().map(Obj));

    let billed = matches!(c.currency.as_deref(), Some("usd" | "eur" | "gbp"));
    if billed && (delinquent || rng.percent(65)) {
        let explicit = default.is_none();
        subscriptions::seed(billing, rng, c, &payer, explicit);
    }
    if billed && c.currency.as_deref() == Some("usd") && rng.percent(20) {
        one_time_purchase(billing, rng, c, &payer, saved);
    }
}

/// A succeeded payment for the onboarding session, with no invoice.
fn one_time_purchase(
    billing: &mut Billing,
    rng: &mut SplitMix64,
    c: &Customer,
    payer: &Value,
    saved: i64,
) {
    let Some(price) = billing.prices.iter().find(|p| p.0["type"] == "one_time") else { return };
    let amount = price.0["unit_amount"].as_i64().unwrap_or(0);
    let created = between(rng, saved + DAY, DEMO_NOW - DAY);
    let (id, secret, charge) = (new_id(rng, "pi"), rng.alnum(24), new_id(rng, "ch"));
    let description = "Onboarding session";
    let intent = payment_intent_json(
        &id,
        &secret,
        &charge,
        &c.id,
        amount,
        "usd",
        payer,
        description,
        created,
        true,
    );
    billing.payment_intents.push(Obj(intent));
}

/// The newest usd customer with a default payment method and no subscription gets a Visa that
/// declines every charge (Stripe's `…0341` test card) as the default.
fn declining_default_card(billing: &mut Billing, rng: &mut SplitMix64, customers: &[Customer]) {
    let subscribed = |id: &str| billing.subscriptions.iter().any(|s| s.str("customer") == Some(id));
    let Some(c) = customers.iter().rev().find(|c| {
        c.currency.as_deref() == Some("usd")
            && billing.default_payment_methods.contains_key(&c.id)
            && !subscribed(&c.id)
    }) else {
        return;
    };
    let id = new_id(rng, "pm");
    let card = ("visa", "visa", DECLINING_LAST4, "credit", "US");
    let fingerprint = rng.alnum(16);
    let created = between(rng, c.created + DAY, DEMO_NOW - DAY);
    billing.payment_methods.push(Obj(card_json(&id, &card, (12, 2029), &fingerprint, c, created)));
    billing.default_payment_methods.insert(c.id.clone(), id);
}
