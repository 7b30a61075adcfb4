//! The customer detail view's actions without the DOM: which sections and actions the user may
//! use (and why not), the Amazon Pay setup's inputs and polling decision, and the subscribe
//! form's choices.

use crate::api::types::{PaymentMethod, Price, PriceType, SetupIntent, SetupIntentStatus};
use crate::permissions::Rights;
use std::net::IpAddr;

/// The permissions each part of the view needs. Reads gate a section; writes gate an action.
pub mod needs {
    pub const SUBSCRIPTIONS: &[&str] = &["subscription_read"];
    pub const PAYMENT_METHODS: &[&str] = &["payment_method_read"];
    pub const INVOICES: &[&str] = &["invoice_read"];
    pub const PAYMENTS: &[&str] = &["payment_intent_read"];
    /// Creating the SetupIntent, then reading it while the customer authorizes.
    pub const SET_UP_AMAZON_PAY: &[&str] = &["setup_intent_write", "setup_intent_read"];
    /// The create, the price list (with products) and the customer's payment methods.
    pub const SUBSCRIBE: &[&str] =
        &["subscription_write", "plan_read", "product_read", "payment_method_read"];
    pub const CANCEL: &[&str] = &["subscription_write"];
}

/// `Ok` if the user may use every permission of `needs`, else why not (the first refusal,
/// which names the permission and whose role or manifest lacks it).
pub fn gate(rights: &Rights, needs: &[&str]) -> Result<(), String> {
    needs.iter().try_for_each(|p| rights.can(p).map_err(|r| r.to_string()))
}

/// Where the customer comes back after authorizing at Amazon Pay: the app's own backend (the
/// manifest's connect-src host), which would thank them. The Dashboard has no customer-facing
/// page to send them to.
pub fn amazon_pay_return_url(customer: &str) -> String {
    format!("https://sync.customer-sync.example/amazon-pay/return?customer={customer}")
}

/// Checks the IP address the merchant gives for the customer's mandate acceptance.
///
/// NB: a browser has no API for an IP address, and the Dashboard user's address is not the
/// customer's anyway. Stripe records this as where the customer accepted the mandate, so the
/// form asks for it (from the merchant's checkout records) instead of inventing one.
pub fn parse_mandate_ip(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Enter the IP address the customer accepted the mandate from.".into());
    }
    match text.parse::<IpAddr>() {
        Ok(ip) if ip.is_unspecified() => {
            Err(format!("{ip} is not an address a customer can have; enter theirs."))
        }
        Ok(ip) => Ok(ip.to_string()),
        Err(_) => Err(format!("“{text}” is not an IPv4 or IPv6 address.")),
    }
}

/// Where an Amazon Pay setup stands after a (re)read of its SetupIntent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupProgress {
    /// The customer has not answered yet: read it again in [`POLL_EVERY_MS`].
    Waiting,
    /// Authorized: a new Amazon Pay payment method is saved.
    Succeeded,
    /// Declined or canceled: Stripe's reason.
    Failed(String),
}

/// How often a `requires_action` SetupIntent is re-read.
pub const POLL_EVERY_MS: u64 = 2000;

impl SetupProgress {
    /// The decision for `intent`: keep polling only while the customer may still act.
    pub fn of(intent: &SetupIntent) -> Self {
        use SetupIntentStatus as S;
        match intent.status {
            S::Succeeded => SetupProgress::Succeeded,
            S::RequiresAction | S::Processing | S::RequiresConfirmation => SetupProgress::Waiting,
            S::RequiresPaymentMethod | S::Canceled | S::Unknown => {
                let why = intent.last_setup_error.as_ref().and_then(|e| e.message.clone());
                SetupProgress::Failed(why.unwrap_or_else(|| match intent.status {
                    S::Canceled => "The setup was canceled.".into(),
                    _ => "The customer did not authorize Amazon Pay.".into(),
                }))
            }
        }
    }

    pub fn keeps_polling(&self) -> bool {
        matches!(self, SetupProgress::Waiting)
    }
}

/// A SetupIntent status as the merchant reads it.
pub fn setup_status_label(status: SetupIntentStatus) -> &'static str {
    use SetupIntentStatus as S;
    match status {
        S::RequiresAction => "Waiting for the customer to authorize",
        S::Processing => "Processing",
        S::Succeeded => "Succeeded",
        S::RequiresPaymentMethod => "Failed",
        S::Canceled => "Canceled",
        S::RequiresConfirmation => "Not confirmed",
        S::Unknown => "Unknown",
    }
}

/// The prices a customer can subscribe to, as `(id, label)` choices: active recurring ones, in
/// the customer's currency once it has one (Stripe refuses to mix currencies on a customer).
pub fn price_choices(prices: &[Price], currency: Option<&str>) -> Vec<(String, String)> {
    prices
        .iter()
        .filter(|p| p.active && p.kind == PriceType::Recurring && p.recurring.is_some())
        .filter(|p| currency.is_none_or(|c| p.currency.eq_ignore_ascii_case(c)))
        .map(|p| (p.id.clone(), super::billing_labels::price_label(p)))
        .collect()
}

/// The customer's saved payment methods as `(id, label)` choices, and the one preselected: the
/// invoice default if it is among them, else the first.
pub fn payment_method_choices(
    methods: &[PaymentMethod],
    default: Option<&str>,
) -> (Vec<(String, String)>, Option<String>) {
    let choices: Vec<_> = methods
        .iter()
        .map(|pm| (pm.id.clone(), super::billing_labels::payment_method_label(pm, default)))
        .collect();
    let chosen = default
        .filter(|d| choices.iter().any(|(id, _)| id == d))
        .map(String::from)
        .or_else(|| choices.first().map(|(id, _)| id.clone()));
    (choices, chosen)
}

#[cfg(test)]
#[path = "detail_actions_tests.rs"]
mod tests;
