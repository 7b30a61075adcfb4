//! Seeded subscriptions, each with every invoice (and payment intent) it has billed so far:
//! delinquent customers are `past_due` (their latest charge declined); the others are `active`
//! (about half), `trialing`, `canceled`, or canceled once and subscribed again later.
//! Months are 30 days and years 365, here and in `POST /v1/subscriptions`.

use super::{between, DAY};
use crate::api::types::Customer;
use crate::demo::billing::charges::{bill, Bill};
use crate::demo::billing::subscriptions::{mark_canceled, subscription_json, SubscriptionSpec};
use crate::demo::billing::{new_id, Billing, Obj};
use crate::demo::{SplitMix64, DEMO_NOW};
use serde_json::Value;

const MONTH: i64 = 30 * DAY;
const YEAR: i64 = 365 * DAY;
const FEEDBACK: &[Option<&str>] = &[
    None,
    Some("too_expensive"),
    Some("switched_service"),
    Some("unused"),
    Some("missing_features"),
];

/// Who pays, from when.
struct Payer<'a> {
    customer: &'a Customer,
    method: &'a Value,
    /// The subscription names the method itself (the customer has no default).
    explicit: bool,
}

pub(super) fn seed(
    billing: &mut Billing,
    rng: &mut SplitMix64,
    c: &Customer,
    method: &Value,
    explicit: bool,
) {
    let payer = Payer { customer: c, method, explicit };
    let since = method["created"].as_i64().unwrap_or(c.created) + DAY;
    if c.delinquent == Some(true) {
        let Some(price) = pick_price(billing, rng, c, false) else { return };
        running(billing, rng, &payer, &price, since, 6, true);
        return;
    }
    let yearly = rng.percent(25);
    let Some(price) = pick_price(billing, rng, c, yearly) else { return };
    match rng.below(100) {
        0..55 => {
            running(billing, rng, &payer, &price, since, 8, false);
        }
        55..68 => trialing(billing, rng, &payer, &price, since),
        roll => {
            let Some(ended) = canceled(billing, rng, &payer, &price, since) else { return };
            if roll >= 88 {
                let Some(price) = pick_price(billing, rng, c, false) else { return };
                running(billing, rng, &payer, &price, ended + 7 * DAY, 4, false);
            }
        }
    }
}

/// An active price of an active plan in the customer's currency, monthly or yearly.
fn pick_price(
    billing: &Billing,
    rng: &mut SplitMix64,
    c: &Customer,
    yearly: bool,
) -> Option<Value> {
    let active_product =
        |id: &Value| billing.products.iter().any(|p| p.0["id"] == *id && p.0["active"] == true);
    let interval = if yearly { "year" } else { "month" };
    let fits = |p: &&Obj| {
        p.0["active"] == true
            && p.str("currency") == c.currency.as_deref()
            && p.0["recurring"]["interval"] == interval
            && active_product(&p.0["product"])
    };
    let mut choices: Vec<&Obj> = billing.prices.iter().filter(fits).collect();
    if choices.is_empty() && yearly {
        return pick_price(billing, rng, c, false);
    }
    choices.sort_by_key(|p| p.0["unit_amount"].as_i64());
    (!choices.is_empty()).then(|| rng.pick(&choices).0.clone())
}

fn period_of(price: &Value) -> i64 {
    if price["recurring"]["interval"] == "year" {
        YEAR
    } else {
        MONTH
    }
}

fn quantity(rng: &mut SplitMix64, price: &Value) -> i64 {
    let per_seat = price["nickname"].as_str().is_some_and(|n| n.starts_with("Growth"));
    if per_seat && rng.percent(40) {
        2 + rng.below(9) as i64
    } else {
        1
    }
}

/// A subscription started after `since` whose current period contains `DEMO_NOW`, up to
/// `max_periods` long, every period billed; with `declined`, the latest charge failed
/// (`past_due`, or `incomplete` if that was its first).
fn running(
    billing: &mut Billing,
    rng: &mut SplitMix64,
    payer: &Payer,
    price: &Value,
    since: i64,
    max_periods: u64,
    declined: bool,
) {
    let until = DEMO_NOW - 3_600;
    let Some((index, periods)) =
        subscribe(billing, rng, payer, price, since, until, max_periods, declined)
    else {
        return;
    };
    let status = match (declined, periods) {
        (false, _) => "active",
        (true, 1) => "incomplete",
        (true, _) => "past_due",
    };
    billing.subscriptions[index].0["status"] = status.into();
    if declined {
        let last = billing.invoices.len() - 1;
        let invoice = &mut billing.invoices[last].0;
        invoice["attempt_count"] = (1 + rng.below(3)).into();
        invoice["next_payment_attempt"] = (DEMO_NOW + (1 + rng.below(4) as i64) * DAY).into();
    }
}

/// A subscription that ended (canceled by the customer) between a month after `since` and
/// three weeks before `DEMO_NOW`. Returns when it ended.
fn canceled(
    billing: &mut Billing,
    rng: &mut SplitMix64,
    payer: &Payer,
    price: &Value,
    since: i64,
) -> Option<i64> {
    let ended = between(rng, (since + MONTH).max(DEMO_NOW - 400 * DAY), DEMO_NOW - 21 * DAY);
    if ended <= since + MONTH / 2 || ended > DEMO_NOW - 21 * DAY {
        return None;
    }
    let (index, _) = subscribe(billing, rng, payer, price, since, ended, 10, false)?;
    let sub = &mut billing.subscriptions[index].0;
    mark_canceled(sub, ended, "cancellation_requested");
    sub["cancellation_details"]["feedback"] = (*rng.pick(FEEDBACK)).into();
    Some(ended)
}

/// A 14-day trial that started within the last two weeks, billed with a zero invoice.
fn trialing(billing: &mut Billing, rng: &mut SplitMix64, payer: &Payer, price: &Value, since: i64) {
    let start = between(rng, since.max(DEMO_NOW - 13 * DAY), DEMO_NOW - 3_600);
    if start < since || start >= DEMO_NOW {
        return;
    }
    let trial = (start, start + 14 * DAY);
    let (id, item) = (new_id(rng, "sub"), format!("si_{}", rng.alnum(14)));
    let quantity = quantity(rng, price);
    let mut sub = subscription_json(&SubscriptionSpec {
        id: &id,
        item_id: &item,
        customer: &payer.customer.id,
        price,
        quantity,
        created: start,
        period: trial,
        status: "trialing",
        trial: Some(trial),
        default_payment_method: payer.explicit.then(|| payer.method["id"].as_str()).flatten(),
    });
    let bill_ = Bill {
        customer: payer.customer,
        subscription: (&id, &item),
        price,
        quantity,
        payment_method: payer.method,
        created: start,
        period: trial,
        billing_reason: "subscription_create",
        succeeds: true,
        trial: true,
    };
    sub["latest_invoice"] = bill(billing, rng, &bill_).into();
    billing.subscriptions.push(Obj(sub));
}

/// A subscription whose current period contains `until`, started no earlier than `since`, with
/// up to `max_periods` periods, each billed (the last declined if `declined`). Returns its index
/// and how many periods it has billed.
#[allow(clippy::too_many_arguments)]
fn subscribe(
    billing: &mut Billing,
    rng: &mut SplitMix64,
    payer: &Payer,
    price: &Value,
    since: i64,
    until: i64,
    max_periods: u64,
    declined: bool,
) -> Option<(usize, i64)> {
    if until <= since {
        return None;
    }
    let p = period_of(price);
    let max_periods = if p == YEAR { 2 } else { max_periods };
    // A declined renewal needs an earlier, paid period (else it is a failed start).
    let least = if declined { 2 } else { 1 };
    let mut periods = (1 + rng.below(max_periods) as i64).max(least);
    let mut start = until - (periods - 1) * p - rng.below(p as u64) as i64;
    while start < since && periods > 1 {
        periods -= 1;
        start += p;
    }
    let start = start.max(since);
    let (id, item) = (new_id(rng, "sub"), format!("si_{}", rng.alnum(14)));
    let quantity = quantity(rng, price);
    let current = start + (periods - 1) * p;
    let mut sub = subscription_json(&SubscriptionSpec {
        id: &id,
        item_id: &item,
        customer: &payer.customer.id,
        price,
        quantity,
        created: start,
        period: (current, current + p),
        status: "active",
        trial: None,
        default_payment_method: payer.explicit.then(|| payer.method["id"].as_str()).flatten(),
    });
    for n in 0..periods {
        let at = start + n * p;
        let bill_ = Bill {
            customer: payer.customer,
            subscription: (&id, &item),
            price,
            quantity,
            payment_method: payer.method,
            created: at + between(rng, 0, 3_600),
            period: (at, at + p),
            billing_reason: if n == 0 { "subscription_create" } else { "subscription_cycle" },
            succeeds: !(declined && n == periods - 1),
            trial: false,
        };
        sub["latest_invoice"] = bill(billing, rng, &bill_).into();
    }
    billing.subscriptions.push(Obj(sub));
    Some((billing.subscriptions.len() - 1, periods))
}
