//! Payment methods, SetupIntents (with their mandates) and PaymentIntents.

use super::{has_id, null_as_default, string_enum, Customer, Expandable};
use crate::api::error::StripeErrorBody;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A card's display details (`payment_method.card`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// `visa`, `mastercard`, `amex`, … (`unknown` if Stripe can't tell).
    pub brand: String,
    pub last4: String,
    pub exp_month: u8,
    pub exp_year: u16,
}

/// The `amazon_pay` hash of an Amazon Pay payment method. Stripe sends it empty; its presence
/// is what tells.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmazonPay {}

/// A payment method (`object: "payment_method"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentMethod {
    /// `pm_…`
    pub id: String,
    /// `card`, `amazon_pay`, `sepa_debit`, … (a string: Stripe adds types often).
    #[serde(rename = "type")]
    pub kind: String,
    /// Set for `type: card`.
    pub card: Option<Card>,
    /// Set for `type: amazon_pay`.
    pub amazon_pay: Option<AmazonPay>,
    /// The customer it is attached to, if any.
    pub customer: Option<Expandable<Customer>>,
    pub created: i64,
    #[serde(default)]
    pub livemode: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    pub metadata: BTreeMap<String, String>,
}

string_enum! {
    /// Where a SetupIntent stands (Stripe's `status`).
    SetupIntentStatus {
        RequiresPaymentMethod = "requires_payment_method",
        RequiresConfirmation = "requires_confirmation",
        RequiresAction = "requires_action",
        Processing = "processing",
        Canceled = "canceled",
        Succeeded = "succeeded",
    }
}

/// Where to send the customer to authorize (`next_action.redirect_to_url`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedirectToUrl {
    /// The page that authorizes (Amazon Pay's, for an Amazon Pay SetupIntent).
    pub url: Option<String>,
    /// Where the customer comes back to afterwards.
    pub return_url: Option<String>,
}

/// What the customer must do next for a `requires_action` intent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextAction {
    /// `redirect_to_url`, `use_stripe_sdk`, …
    #[serde(rename = "type")]
    pub kind: String,
    pub redirect_to_url: Option<RedirectToUrl>,
}

/// A SetupIntent (`object: "setup_intent"`): saving a payment method for later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupIntent {
    /// `seti_…`
    pub id: String,
    pub status: SetupIntentStatus,
    pub customer: Option<Expandable<Customer>>,
    pub payment_method: Option<Expandable<PaymentMethod>>,
    pub next_action: Option<NextAction>,
    /// The mandate the confirmation created (Amazon Pay, SEPA, …).
    pub mandate: Option<Expandable<Mandate>>,
    /// Why the last confirmation failed, if it did.
    pub last_setup_error: Option<StripeErrorBody>,
    /// `off_session` or `on_session`.
    pub usage: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub payment_method_types: Vec<String>,
    pub created: i64,
    #[serde(default)]
    pub livemode: bool,
}

impl SetupIntent {
    /// The page to send the customer to, when the intent waits for a redirect.
    pub fn redirect_url(&self) -> Option<&str> {
        self.next_action.as_ref()?.redirect_to_url.as_ref()?.url.as_deref()
    }
}

string_enum! {
    /// Whether a mandate can be used (Stripe's `status`).
    MandateStatus {
        Active = "active",
        Inactive = "inactive",
        Pending = "pending",
    }
}

/// A mandate (`object: "mandate"`): the customer's permission to charge a payment method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mandate {
    /// `mandate_…`
    pub id: String,
    pub status: MandateStatus,
    /// `multi_use` or `single_use`.
    #[serde(rename = "type")]
    pub kind: String,
    pub payment_method: Expandable<PaymentMethod>,
    #[serde(default)]
    pub livemode: bool,
}

string_enum! {
    /// Where a PaymentIntent stands (Stripe's `status`).
    PaymentIntentStatus {
        RequiresPaymentMethod = "requires_payment_method",
        RequiresConfirmation = "requires_confirmation",
        RequiresAction = "requires_action",
        Processing = "processing",
        RequiresCapture = "requires_capture",
        Canceled = "canceled",
        Succeeded = "succeeded",
    }
}

/// A PaymentIntent (`object: "payment_intent"`): one payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentIntent {
    /// `pi_…`
    pub id: String,
    /// Minor units in `currency`.
    pub amount: i64,
    pub currency: String,
    pub status: PaymentIntentStatus,
    pub created: i64,
    pub customer: Option<Expandable<Customer>>,
    pub payment_method: Option<Expandable<PaymentMethod>>,
    pub description: Option<String>,
    #[serde(default)]
    pub livemode: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    pub metadata: BTreeMap<String, String>,
}

has_id!(PaymentMethod, SetupIntent, Mandate, PaymentIntent);
