//! The list's summary line: "N customers shown · M active subscriptions · MRR $X".
//!
//! MRR (monthly recurring revenue) is each item's price normalized to a month, times its
//! quantity: monthly ÷ `interval_count`, yearly ÷ 12, weekly × 52/12, daily × 365/12. It is
//! summed exactly (as fractions of a minor unit) per currency and rounded once at the end.
//!
//! Only `active` subscriptions count, as in the "M active subscriptions" beside it: a
//! `trialing` one pays nothing yet (Stripe's own MRR leaves trials out too). Discounts and
//! taxes are ignored. An item without a fixed amount (a tiered price has no `unit_amount`, a
//! metered one no `quantity`) cannot be normalized, so it is left out and counted in
//! [`Totals::uncounted_items`].

use crate::api::pagination::{pages, ListParams};
use crate::api::subscriptions::{self, SubscriptionListParams};
use crate::api::types::{Interval, Recurring, Subscription, SubscriptionStatus};
use crate::api::{ApiError, ApiRequest, ApiResponse};
use crate::format::format_amount;
use futures::StreamExt;
use std::collections::BTreeMap;
use std::future::Future;

/// Subscriptions per page when counting (Stripe's maximum).
pub const PAGE_LIMIT: u8 = 100;
/// At most this many pages are counted (5,000 subscriptions); past it the line says "at least".
pub const MAX_PAGES: usize = 50;

/// An exact amount of minor units: `num / den`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ratio {
    num: i128,
    den: i128,
}

impl Ratio {
    const ZERO: Ratio = Ratio { num: 0, den: 1 };

    /// `num / den` in lowest terms (`den` > 0).
    fn new(num: i128, den: i128) -> Ratio {
        let g = gcd(num.abs(), den).max(1);
        Ratio { num: num / g, den: den / g }
    }

    fn add(self, other: Ratio) -> Ratio {
        let den = self.den / gcd(self.den, other.den) * other.den;
        Ratio::new(self.num * (den / self.den) + other.num * (den / other.den), den)
    }

    /// Rounded half away from zero, to whole minor units.
    fn round(self) -> i64 {
        let half = self.den / 2;
        let q =
            if self.num >= 0 { (self.num + half) / self.den } else { (self.num - half) / self.den };
        q.clamp(i64::MIN as i128, i64::MAX as i128) as i64
    }
}

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// One item's amount per month, in minor units of its price's currency: `None` when it has no
/// fixed amount (no `unit_amount`, no `quantity`, or not recurring).
fn monthly(
    unit_amount: Option<i64>,
    quantity: Option<u64>,
    recurring: Option<Recurring>,
) -> Option<Ratio> {
    let (amount, quantity, recurring) = (unit_amount?, quantity?, recurring?);
    // Periods per year over 12 months: a month is 12/12, a week 52/12, a day 365/12.
    let per_year: i128 = match recurring.interval {
        Interval::Day => 365,
        Interval::Week => 52,
        Interval::Month => 12,
        Interval::Year => 1,
        Interval::Unknown => return None,
    };
    let den = 12 * i128::from(recurring.interval_count.max(1));
    Some(Ratio::new(i128::from(amount) * i128::from(quantity) * per_year, den))
}

/// What the counted subscriptions add up to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// Active subscriptions counted.
    pub subscriptions: u64,
    /// Counting stopped at [`MAX_PAGES`] with more left: the figures are lower bounds.
    pub capped: bool,
    /// Items of active subscriptions left out of the MRR (no fixed amount).
    pub uncounted_items: u64,
    mrr: BTreeMap<String, Ratio>,
}

impl Totals {
    /// Counts `subscription` if it is active (anything else is ignored, see the module docs).
    pub fn add(&mut self, subscription: &Subscription) {
        if subscription.status != SubscriptionStatus::Active {
            return;
        }
        self.subscriptions += 1;
        for item in &subscription.items.data {
            let price = &item.price;
            match monthly(price.unit_amount, item.quantity, price.recurring) {
                Some(amount) => {
                    let total =
                        self.mrr.entry(price.currency.to_ascii_lowercase()).or_insert(Ratio::ZERO);
                    *total = total.add(amount);
                }
                None => self.uncounted_items += 1,
            }
        }
    }

    /// MRR per currency in minor units, largest first (ties by currency code): the context
    /// names no account currency, so the biggest one leads.
    pub fn mrr(&self) -> Vec<(String, i64)> {
        let mut out: Vec<(String, i64)> =
            self.mrr.iter().map(|(c, r)| (c.clone(), r.round())).collect();
        out.sort_by(|(ca, a), (cb, b)| b.cmp(a).then_with(|| ca.cmp(cb)));
        out
    }
}

/// "N customers shown · M active subscriptions · MRR $X · €Y".
pub fn summary_line(shown: usize, totals: &Totals) -> String {
    format!("{} · {}", shown_text(shown), totals_text(totals))
}

/// "N customers shown".
pub fn shown_text(shown: usize) -> String {
    format!("{} {} shown", group(shown as u64), plural(shown as u64, "customer", "customers"))
}

/// "M active subscriptions · MRR $X · €Y", with "at least" when counting was capped and a note
/// of the items left out.
pub fn totals_text(totals: &Totals) -> String {
    let at_least = if totals.capped { "at least " } else { "" };
    let n = totals.subscriptions;
    let count =
        format!("{at_least}{} active {}", group(n), plural(n, "subscription", "subscriptions"));
    let amounts: Vec<String> =
        totals.mrr().iter().map(|(c, minor)| format_amount(*minor, c)).collect();
    let mrr = if amounts.is_empty() {
        "no MRR".to_string()
    } else {
        format!("MRR {at_least}{}", amounts.join(" · "))
    };
    let left_out = match totals.uncounted_items {
        0 => String::new(),
        n => format!(" (leaves out {} usage-based {})", group(n), plural(n, "item", "items")),
    };
    format!("{count} · {mrr}{left_out}")
}

fn plural<'a>(n: u64, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// `12345` → `12,345`.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The request for one page of active subscriptions.
fn active_page(list: &ListParams) -> ApiRequest {
    let params = SubscriptionListParams {
        status: Some("active".into()),
        list: list.clone(),
        ..Default::default()
    };
    subscriptions::list(&params)
}

/// Counts the account's active subscriptions with the auto-pager (`/v1/subscriptions?
/// status=active`, 100 a page, at most [`MAX_PAGES`] pages). `send` is the transport (the
/// wasm client's `fetch`, or the demo account in tests).
pub async fn count_active<S, Fut>(send: S) -> Result<Totals, ApiError>
where
    S: FnMut(ApiRequest) -> Fut,
    Fut: Future<Output = Result<ApiResponse, ApiError>>,
{
    let first = ListParams::new().limit(PAGE_LIMIT);
    let mut stream = Box::pin(pages::<Subscription, _, _, _>(send, active_page, first));
    let mut totals = Totals::default();
    let mut counted = 0;
    while let Some(page) = stream.next().await {
        let page = page?;
        page.data.iter().for_each(|s| totals.add(s));
        counted += 1;
        if counted == MAX_PAGES {
            totals.capped = page.has_more;
            break;
        }
    }
    Ok(totals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// An item: (currency, unit_amount, quantity, interval, interval_count).
    type Item<'a> = (&'a str, Option<i64>, Option<u64>, &'a str, u32);

    fn sub(status: &str, items: &[Item]) -> Subscription {
        let items: Vec<_> = items
            .iter()
            .enumerate()
            .map(|(n, (currency, amount, quantity, interval, count))| {
                json!({
                    "id": format!("si_{n}"), "quantity": quantity,
                    "current_period_start": 0, "current_period_end": 1,
                    "price": {
                        "id": format!("price_{n}"), "active": true, "currency": currency,
                        "unit_amount": amount, "product": "prod_1", "type": "recurring",
                        "recurring": { "interval": interval, "interval_count": count },
                        "created": 0,
                    },
                })
            })
            .collect();
        serde_json::from_value(json!({
            "id": "sub_1", "customer": "cus_1", "status": status, "currency": "usd",
            "created": 0, "start_date": 0,
            "items": { "object": "list", "url": "/v1/subscription_items", "has_more": false,
                       "data": items },
        }))
        .unwrap()
    }

    fn mrr_of(items: &[Item]) -> Vec<(String, i64)> {
        let mut totals = Totals::default();
        totals.add(&sub("active", items));
        totals.mrr()
    }

    fn usd(minor: i64) -> Vec<(String, i64)> {
        vec![("usd".to_string(), minor)]
    }

    #[test]
    fn each_interval_is_normalized_to_a_month() {
        assert_eq!(mrr_of(&[("usd", Some(1_900), Some(1), "month", 1)]), usd(1_900));
        assert_eq!(mrr_of(&[("usd", Some(19_000), Some(1), "year", 1)]), usd(1_583)); // 1583.33
        assert_eq!(mrr_of(&[("usd", Some(1_000), Some(1), "week", 1)]), usd(4_333)); // ×52/12
        assert_eq!(mrr_of(&[("usd", Some(100), Some(1), "day", 1)]), usd(3_042));
        // ×365/12
    }

    #[test]
    fn interval_count_and_quantity_scale_the_amount() {
        assert_eq!(mrr_of(&[("usd", Some(3_000), Some(1), "month", 3)]), usd(1_000));
        assert_eq!(mrr_of(&[("usd", Some(4_900), Some(4), "month", 1)]), usd(19_600));
        assert_eq!(mrr_of(&[("usd", Some(1_200), Some(2), "year", 2)]), usd(100));
        assert_eq!(mrr_of(&[("usd", Some(700), Some(3), "week", 2)]), usd(4_550));
    }

    // Rounding each item first would lose a cent here: 3 × 1583.33… = 4750 exactly.
    #[test]
    fn fractions_are_summed_exactly_and_rounded_once() {
        let yearly = ("usd", Some(19_000), Some(1), "year", 1);
        assert_eq!(mrr_of(&[yearly, yearly, yearly]), usd(4_750));
        assert_eq!(mrr_of(&[("usd", Some(1), Some(1), "year", 1)]), usd(0)); // 1/12 rounds down
        assert_eq!(mrr_of(&[("usd", Some(6), Some(1), "year", 1)]), usd(1)); // a half rounds up
    }

    #[test]
    fn zero_decimal_currencies_stay_in_whole_units() {
        let totals = {
            let mut t = Totals::default();
            t.add(&sub("active", &[("jpy", Some(12_000), Some(1), "year", 1)]));
            t
        };
        assert_eq!(totals.mrr(), vec![("jpy".to_string(), 1_000)]);
        assert_eq!(totals_text(&totals), "1 active subscription · MRR ¥1,000");
    }

    #[test]
    fn only_active_subscriptions_count() {
        let mut totals = Totals::default();
        let item = [("usd", Some(1_000), Some(1), "month", 1)];
        for status in ["trialing", "past_due", "canceled", "incomplete", "active"] {
            totals.add(&sub(status, &item));
        }
        assert_eq!((totals.subscriptions, totals.mrr()), (1, usd(1_000)));
    }

    #[test]
    fn items_without_a_fixed_amount_are_left_out_and_said_so() {
        let mut totals = Totals::default();
        totals.add(&sub(
            "active",
            &[("usd", None, Some(1), "month", 1), ("usd", Some(500), None, "month", 1)],
        ));
        totals.add(&sub("active", &[("usd", Some(500), Some(1), "month", 1)]));
        assert_eq!((totals.subscriptions, totals.uncounted_items), (2, 2));
        assert_eq!(
            totals_text(&totals),
            "2 active subscriptions · MRR $5.00 (leaves out 2 usage-based items)"
        );
    }

    #[test]
    fn currencies_are_listed_largest_first() {
        let mut totals = Totals::default();
        totals.add(&sub("active", &[("eur", Some(5_600), Some(1), "month", 1)]));
        totals.add(&sub("active", &[("usd", Some(123_400), Some(1), "month", 1)]));
        totals.add(&sub("active", &[("gbp", Some(5_600), Some(1), "month", 1)]));
        assert_eq!(
            summary_line(10, &totals),
            "10 customers shown · 3 active subscriptions · MRR $1,234.00 · €56.00 · £56.00"
        );
    }

    #[test]
    fn counts_are_grouped_pluralized_and_capped_as_lower_bounds() {
        let mut totals = Totals { subscriptions: 5_000, capped: true, ..Default::default() };
        totals.add(&sub("active", &[("usd", Some(100), Some(1), "month", 1)]));
        assert_eq!(
            summary_line(1, &totals),
            "1 customer shown · at least 5,001 active subscriptions · MRR at least $1.00"
        );
        assert_eq!(
            summary_line(0, &Totals::default()),
            "0 customers shown · 0 active subscriptions · no MRR"
        );
    }

    /// Sends each request to the demo account.
    fn demo() -> (std::cell::RefCell<crate::demo::DemoAccount>, Vec<Subscription>) {
        let mut account = crate::demo::DemoAccount::seeded();
        let req = subscriptions::list(&SubscriptionListParams {
            status: Some("all".into()),
            list: ListParams::new().limit(100),
            ..Default::default()
        });
        let all: crate::api::types::List<Subscription> =
            crate::api::error::interpret(account.handle(&req)).unwrap();
        assert!(!all.has_more, "the demo account has fewer than 100 subscriptions");
        (std::cell::RefCell::new(account), all.data)
    }

    #[test]
    fn counting_pages_through_the_accounts_active_subscriptions() {
        let (account, all) = demo();
        let mut requests = Vec::new();
        let totals = futures::executor::block_on(count_active(|req: ApiRequest| {
            requests.push(req.path.clone());
            let response = account.borrow_mut().handle(&req);
            async move { Ok(response) }
        }))
        .unwrap();
        let mut want = Totals::default();
        all.iter().for_each(|s| want.add(s));
        assert!(want.subscriptions > 0 && all.len() as u64 > want.subscriptions);
        assert_eq!(totals, want);
        assert_eq!(requests, ["/v1/subscriptions?status=active&limit=100"]);
    }

    #[test]
    fn counting_stops_after_max_pages_and_says_at_least() {
        let (account, _) = demo();
        // Every page holds one active subscription and says there are more.
        let first = account.borrow_mut().handle(&active_page(&ListParams::new()));
        let mut body: serde_json::Value = serde_json::from_str(&first.body).unwrap();
        body["data"].as_array_mut().unwrap().truncate(1);
        body["has_more"] = true.into();
        let mut sent = 0;
        let endless = |_req: ApiRequest| {
            sent += 1;
            let page = ApiResponse::json(200, &body);
            async move { Ok(page) }
        };
        let totals = futures::executor::block_on(count_active(endless)).unwrap();
        assert_eq!((totals.subscriptions, totals.capped), (MAX_PAGES as u64, true));
        assert_eq!(sent, MAX_PAGES);
        assert!(
            totals_text(&totals).starts_with("at least 50 active subscriptions · MRR at least ")
        );
    }

    #[test]
    fn a_failed_page_fails_the_count() {
        let failing = |_req: ApiRequest| async {
            Ok(ApiResponse::stripe_error(403, "invalid_request_error", "No access.", None, None))
        };
        let err = futures::executor::block_on(count_active(failing)).unwrap_err();
        assert!(err.to_string().contains("No access."), "{err}");
    }
}
