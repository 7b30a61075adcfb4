//! Products, prices, subscriptions and invoices.

use super::{has_id, null_as_default, string_enum, Customer, Expandable, List, PaymentMethod};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A product (`object: "product"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    /// `prod_…`
    pub id: String,
    pub active: bool,
    pub name: String,
    pub description: Option<String>,
    /// The price shown by default; an object only when expanded.
    pub default_price: Option<Expandable<Price>>,
    pub created: i64,
    pub updated: i64,
    #[serde(default)]
    pub livemode: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    pub metadata: BTreeMap<String, String>,
}

string_enum! {
    /// Whether a price bills once or repeatedly.
    PriceType {
        OneTime = "one_time",
        Recurring = "recurring",
    }
}

string_enum! {
    /// The unit of a recurring price's billing period.
    Interval {
        Day = "day",
        Week = "week",
        Month = "month",
        Year = "year",
    }
}

/// How often a recurring price bills: every `interval_count` `interval`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recurring {
    pub interval: Interval,
    pub interval_count: u32,
}

/// A price (`object: "price"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Price {
    /// `price_…`
    pub id: String,
    pub active: bool,
    /// Lower-case ISO code.
    pub currency: String,
    /// Minor units; `None` for tiered prices and customer-chosen amounts.
    pub unit_amount: Option<i64>,
    /// The product's id, or the product with `expand[]=product` (`data.product` on lists).
    pub product: Expandable<Product>,
    /// Set for `type: recurring`.
    pub recurring: Option<Recurring>,
    #[serde(rename = "type")]
    pub kind: PriceType,
    pub nickname: Option<String>,
    pub lookup_key: Option<String>,
    pub created: i64,
    #[serde(default)]
    pub livemode: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    pub metadata: BTreeMap<String, String>,
}

string_enum! {
    /// Where a subscription stands (Stripe's `status`).
    SubscriptionStatus {
        Incomplete = "incomplete",
        IncompleteExpired = "incomplete_expired",
        Trialing = "trialing",
        Active = "active",
        PastDue = "past_due",
        Canceled = "canceled",
        Unpaid = "unpaid",
        Paused = "paused",
    }
}

/// One price of a subscription, with its own billing period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionItem {
    /// `si_…`
    pub id: String,
    pub price: Price,
    pub quantity: Option<u64>,
    /// Unix seconds. On the item since `2025-03-31.basil` (no longer on the subscription).
    pub current_period_start: i64,
    /// Unix seconds.
    pub current_period_end: i64,
}

/// A subscription (`object: "subscription"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    /// `sub_…`
    pub id: String,
    pub customer: Expandable<Customer>,
    pub status: SubscriptionStatus,
    pub items: List<SubscriptionItem>,
    /// An object with `expand[]=latest_invoice` (as `subscriptions::create` asks).
    pub latest_invoice: Option<Expandable<Invoice>>,
    pub default_payment_method: Option<Expandable<PaymentMethod>>,
    #[serde(default)]
    pub cancel_at_period_end: bool,
    /// When it will be canceled (Unix seconds), if scheduled.
    pub cancel_at: Option<i64>,
    /// When it was canceled, or asked to be at the period end (Unix seconds).
    pub canceled_at: Option<i64>,
    pub currency: String,
    pub created: i64,
    pub start_date: i64,
    #[serde(default)]
    pub livemode: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    pub metadata: BTreeMap<String, String>,
}

impl Subscription {
    /// When the current period ends (Unix seconds): the earliest of its items' period ends, so
    /// the next renewal. Items share one period except under flexible billing; `None` without
    /// items.
    pub fn current_period_end(&self) -> Option<i64> {
        self.items.data.iter().map(|item| item.current_period_end).min()
    }
}

string_enum! {
    /// Where an invoice stands (Stripe's `status`).
    InvoiceStatus {
        Draft = "draft",
        Open = "open",
        Paid = "paid",
        Uncollectible = "uncollectible",
        Void = "void",
    }
}

/// What generated an invoice (`parent`, since `2025-03-31.basil`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceParent {
    /// `subscription_details`, `quote_details`, …
    #[serde(rename = "type")]
    pub kind: String,
    pub subscription_details: Option<SubscriptionDetails>,
}

/// The subscription behind an invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionDetails {
    pub subscription: Expandable<Subscription>,
}

/// An invoice (`object: "invoice"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    /// `in_…`
    pub id: String,
    /// Set when the invoice is finalized.
    pub number: Option<String>,
    pub status: Option<InvoiceStatus>,
    pub customer: Option<Expandable<Customer>>,
    /// Minor units in `currency`.
    pub amount_due: i64,
    pub amount_paid: i64,
    pub amount_remaining: i64,
    pub total: i64,
    pub currency: String,
    pub created: i64,
    pub due_date: Option<i64>,
    /// The customer-facing payment page, once finalized.
    pub hosted_invoice_url: Option<String>,
    pub invoice_pdf: Option<String>,
    /// NB: the top-level `subscription` was removed in `2025-03-31.basil`; read
    /// [`Invoice::subscription_id`].
    pub parent: Option<InvoiceParent>,
    #[serde(default)]
    pub livemode: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    pub metadata: BTreeMap<String, String>,
}

impl Invoice {
    /// The subscription that generated the invoice, if one did.
    pub fn subscription_id(&self) -> Option<&str> {
        let details = self.parent.as_ref()?.subscription_details.as_ref()?;
        Some(details.subscription.id())
    }
}

has_id!(Product, Price, SubscriptionItem, Subscription, Invoice);
