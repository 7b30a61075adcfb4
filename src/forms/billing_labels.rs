//! What the customer detail view shows of a customer's billing: price, payment method and
//! status labels, the subscription rows' next invoice, and the customer's default payment
//! method. Plain functions of the API types, so they are tested natively (STYLE §10).

use crate::api::types::{
    Interval, InvoiceStatus, PaymentIntentStatus, PaymentMethod, Price, Recurring, Subscription,
    SubscriptionStatus,
};
use crate::format::{format_amount, format_date};
use serde::Deserialize;

/// `$20.00 / month`, `$200.00 / year`, `$5.00 every 3 months`; `$9.00` for a one-time price and
/// "Custom amount" for one without a unit amount (tiered, customer-chosen).
pub fn price_amount(price: &Price) -> String {
    let Some(amount) = price.unit_amount else {
        return "Custom amount".into();
    };
    let amount = format_amount(amount, &price.currency);
    match price.recurring {
        Some(r) => format!("{amount} {}", every(r)),
        None => amount,
    }
}

/// `/ month` for one interval, `every 3 months` for several.
fn every(r: Recurring) -> String {
    let unit = match r.interval {
        Interval::Day => "day",
        Interval::Week => "week",
        Interval::Month => "month",
        Interval::Year => "year",
        Interval::Unknown => "period",
    };
    match r.interval_count {
        0 | 1 => format!("/ {unit}"),
        n => format!("every {n} {unit}s"),
    }
}

/// The price as a choice: `Growth — $20.00 / month`, with the product's name when the list
/// expanded it, else the price's nickname, else its id.
pub fn price_label(price: &Price) -> String {
    let name = price
        .product
        .object()
        .map(|p| p.name.clone())
        .or_else(|| price.nickname.clone())
        .unwrap_or_else(|| price.id.clone());
    format!("{name} — {}", price_amount(price))
}

/// `Visa •••• 4242, expires 04/2027`, `Amazon Pay`, or the type for any other method; the
/// default gets ` (default)`.
pub fn payment_method_label(pm: &PaymentMethod, default: Option<&str>) -> String {
    let text = match (&pm.card, pm.kind.as_str()) {
        (Some(card), _) => format!(
            "{} •••• {}, expires {:02}/{}",
            brand_name(&card.brand),
            card.last4,
            card.exp_month,
            card.exp_year
        ),
        (None, "amazon_pay") => "Amazon Pay".into(),
        (None, other) => other.replace('_', " "),
    };
    match default == Some(pm.id.as_str()) {
        true => format!("{text} (default)"),
        false => text,
    }
}

/// A card brand as people write it.
pub fn brand_name(brand: &str) -> String {
    match brand {
        "visa" => "Visa".into(),
        "mastercard" => "Mastercard".into(),
        "amex" => "American Express".into(),
        "discover" => "Discover".into(),
        "jcb" => "JCB".into(),
        "diners" => "Diners Club".into(),
        "unionpay" => "UnionPay".into(),
        other => {
            let mut c = other.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        }
    }
}

/// A badge: `(tone, label)`.
pub type BadgeLabel = (&'static str, &'static str);

pub fn subscription_badge(status: SubscriptionStatus) -> BadgeLabel {
    use SubscriptionStatus as S;
    match status {
        S::Active => ("positive", "Active"),
        S::Trialing => ("info", "Trialing"),
        S::PastDue => ("critical", "Past due"),
        S::Unpaid => ("critical", "Unpaid"),
        S::Incomplete => ("warning", "Incomplete"),
        S::IncompleteExpired => ("neutral", "Expired"),
        S::Canceled => ("neutral", "Canceled"),
        S::Paused => ("neutral", "Paused"),
        S::Unknown => ("neutral", "Unknown"),
    }
}

pub fn invoice_badge(status: Option<InvoiceStatus>) -> BadgeLabel {
    match status {
        Some(InvoiceStatus::Paid) => ("positive", "Paid"),
        Some(InvoiceStatus::Open) => ("info", "Open"),
        Some(InvoiceStatus::Draft) => ("neutral", "Draft"),
        Some(InvoiceStatus::Uncollectible) => ("critical", "Uncollectible"),
        Some(InvoiceStatus::Void) => ("neutral", "Void"),
        Some(InvoiceStatus::Unknown) | None => ("neutral", "Unknown"),
    }
}

pub fn payment_badge(status: PaymentIntentStatus) -> BadgeLabel {
    use PaymentIntentStatus as P;
    match status {
        P::Succeeded => ("positive", "Succeeded"),
        P::Processing => ("info", "Processing"),
        P::RequiresCapture => ("info", "Uncaptured"),
        P::RequiresPaymentMethod => ("critical", "Failed"),
        P::RequiresAction | P::RequiresConfirmation => ("warning", "Incomplete"),
        P::Canceled => ("neutral", "Canceled"),
        P::Unknown => ("neutral", "Unknown"),
    }
}

/// One subscription row, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionRow {
    pub id: String,
    pub badge: BadgeLabel,
    /// The first item's price, `$20.00 / month` (`× 3` for a quantity above one).
    pub price: String,
    /// The current period's end, `Nov 21, 2026` ("" without items).
    pub period_end: String,
    /// When the next invoice comes: the period end while active or trialing and not set to
    /// cancel at the period end; "None" otherwise.
    pub next_invoice: String,
    /// Canceled or expired: greyed out, and nothing left to cancel.
    pub ended: bool,
}

impl SubscriptionRow {
    pub fn new(sub: &Subscription) -> Self {
        let item = sub.items.data.first();
        let price = item.map_or_else(String::new, |i| match i.quantity {
            Some(q) if q > 1 => format!("{} × {q}", price_amount(&i.price)),
            _ => price_amount(&i.price),
        });
        let end = sub.current_period_end();
        let renews =
            matches!(sub.status, SubscriptionStatus::Active | SubscriptionStatus::Trialing)
                && !sub.cancel_at_period_end;
        SubscriptionRow {
            id: sub.id.clone(),
            badge: subscription_badge(sub.status),
            price,
            period_end: end.map(format_date).unwrap_or_default(),
            next_invoice: end.filter(|_| renews).map_or_else(|| "None".into(), format_date),
            ended: matches!(
                sub.status,
                SubscriptionStatus::Canceled | SubscriptionStatus::IncompleteExpired
            ),
        }
    }
}

/// The part of a customer the billing sections need: its currency and invoice default.
///
/// NB: read with its own decode rather than a field on `api::types::Customer`, whose struct
/// literal the demo account builds (a new field there means editing the demo's seed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct CustomerBilling {
    /// Set once the customer was billed; Stripe then refuses prices in other currencies.
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub invoice_settings: Option<InvoiceSettings>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct InvoiceSettings {
    /// `pm_…`, or the object when expanded.
    pub default_payment_method: Option<serde_json::Value>,
}

impl CustomerBilling {
    /// `customer.invoice_settings.default_payment_method`'s id, expanded or not.
    pub fn default_payment_method(&self) -> Option<String> {
        let v = self.invoice_settings.as_ref()?.default_payment_method.as_ref()?;
        v.as_str().or_else(|| v["id"].as_str()).map(String::from)
    }
}

#[cfg(test)]
#[path = "billing_labels_tests.rs"]
pub(crate) mod tests;
