//! Customers and their addresses.

use super::null_as_default;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A postal address (`address`, `shipping.address`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub city: Option<String>,
    /// Two-letter ISO country code.
    pub country: Option<String>,
    pub line1: Option<String>,
    pub line2: Option<String>,
    pub postal_code: Option<String>,
    /// State, county, province or region.
    pub state: Option<String>,
}

/// A Stripe customer (`object: "customer"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    /// `cus_…`
    pub id: String,
    pub object: String,
    pub address: Option<Address>,
    /// Minor units in `currency`; positive means the customer owes it, negative is a credit.
    #[serde(default)]
    pub balance: i64,
    /// Unix seconds.
    pub created: i64,
    /// Lower-case ISO code, set once the customer is first billed.
    pub currency: Option<String>,
    pub delinquent: Option<bool>,
    pub description: Option<String>,
    pub email: Option<String>,
    pub invoice_prefix: Option<String>,
    #[serde(default)]
    pub livemode: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    pub metadata: BTreeMap<String, String>,
    pub name: Option<String>,
    pub phone: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub preferred_locales: Vec<String>,
    /// `none`, `exempt` or `reverse`.
    pub tax_exempt: Option<String>,
}

/// Where a customer's account stands, for the status badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerStatus {
    /// Stripe marked the customer delinquent (an invoice failed or is overdue).
    Delinquent,
    /// A positive balance: the customer owes it on the next invoice.
    OwesBalance,
    /// A negative balance: credit applied to the next invoice.
    Credit,
    GoodStanding,
}

impl CustomerStatus {
    /// The standing for a customer's `balance` and `delinquent` flag.
    pub fn of(balance: i64, delinquent: Option<bool>) -> Self {
        if delinquent == Some(true) {
            CustomerStatus::Delinquent
        } else if balance > 0 {
            CustomerStatus::OwesBalance
        } else if balance < 0 {
            CustomerStatus::Credit
        } else {
            CustomerStatus::GoodStanding
        }
    }

    /// Badge text.
    pub fn label(&self) -> &'static str {
        match self {
            CustomerStatus::Delinquent => "Delinquent",
            CustomerStatus::OwesBalance => "Balance due",
            CustomerStatus::Credit => "Credit",
            CustomerStatus::GoodStanding => "Good standing",
        }
    }

    /// Badge tone, as Stripe's `Badge` names them.
    pub fn tone(&self) -> &'static str {
        match self {
            CustomerStatus::Delinquent => "critical",
            CustomerStatus::OwesBalance => "warning",
            CustomerStatus::Credit => "info",
            CustomerStatus::GoodStanding => "positive",
        }
    }
}

impl Customer {
    /// Delinquency outranks the balance; a zero balance is good standing.
    pub fn status(&self) -> CustomerStatus {
        CustomerStatus::of(self.balance, self.delinquent)
    }

    /// The name, else the email, else the id (blank values count as missing).
    pub fn display_name(&self) -> &str {
        [&self.name, &self.email]
            .into_iter()
            .flatten()
            .map(|s| s.as_str())
            .find(|s| !s.trim().is_empty())
            .unwrap_or(&self.id)
    }
}

super::has_id!(Customer);

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(json: &str) -> Customer {
        serde_json::from_str(json).unwrap()
    }

    const MINIMAL: &str = r#"{"id":"cus_1","object":"customer","created":1,"livemode":false}"#;

    #[test]
    fn status_maps_to_label_and_tone() {
        let table = [
            (CustomerStatus::Delinquent, "Delinquent", "critical"),
            (CustomerStatus::OwesBalance, "Balance due", "warning"),
            (CustomerStatus::Credit, "Credit", "info"),
            (CustomerStatus::GoodStanding, "Good standing", "positive"),
        ];
        for (status, label, tone) in table {
            assert_eq!((status.label(), status.tone()), (label, tone), "{status:?}");
        }
    }

    #[test]
    fn status_prefers_delinquency_then_the_sign_of_the_balance() {
        let mut c = customer(MINIMAL);
        let cases = [
            (Some(true), 500, CustomerStatus::Delinquent),
            (Some(true), -500, CustomerStatus::Delinquent),
            (Some(false), 500, CustomerStatus::OwesBalance),
            (None, -1, CustomerStatus::Credit),
            (Some(false), 0, CustomerStatus::GoodStanding),
            (None, 0, CustomerStatus::GoodStanding),
        ];
        for (delinquent, balance, want) in cases {
            c.delinquent = delinquent;
            c.balance = balance;
            assert_eq!(c.status(), want, "{delinquent:?} {balance}");
        }
    }

    #[test]
    fn display_name_falls_back_from_name_to_email_to_id() {
        let mut c = customer(MINIMAL);
        assert_eq!(c.display_name(), "cus_1");
        c.email = Some("a@b.co".into());
        assert_eq!(c.display_name(), "a@b.co");
        c.name = Some("  ".into());
        assert_eq!(c.display_name(), "a@b.co");
        c.name = Some("Ada".into());
        assert_eq!(c.display_name(), "Ada");
    }

    #[test]
    fn missing_or_null_collections_decode_as_empty_and_unknown_fields_are_ignored() {
        let c = customer(
            r#"{"id":"cus_1","object":"customer","created":1,"livemode":true,
                "metadata":null,"preferred_locales":null,"brand_new_field":{"x":1}}"#,
        );
        assert!(c.metadata.is_empty() && c.preferred_locales.is_empty());
        assert_eq!((c.balance, c.address, c.livemode), (0, None, true));
    }
}
