//! Sync on save: when the app's settings turn it on, a customer saved in the app's editor is
//! also POSTed to the settings' sync endpoint, through the CSP-guarded fetch. This module is
//! the pure part: the body that is sent, and what the merchant is told about the outcome.
//!
//! The body is one JSON object, the customer as the editor saved it plus where it comes from:
//!
//! ```json
//! {"object": "customer", "id": "cus_…", "account": "acct_…", "livemode": false,
//!  "name": "Jenny Rosen", "email": "jenny@example.com", "phone": null,
//!  "description": "…", "metadata": {"key": "value"}}
//! ```
//!
//! The customer's save never depends on the sync: it is done (and shown) before the sync
//! starts, and a sync that fails is reported, never undone or silent.

#[cfg(target_arch = "wasm32")]
mod run;

#[cfg(target_arch = "wasm32")]
pub use run::{load_settings, sync_after_save, sync_saved_customer};

use crate::api::types::Customer;
use crate::ui::ToastKind;
use serde_json::json;

/// The sync request's JSON body for `customer` of `account` (see the module docs).
pub fn payload(customer: &Customer, account: &str) -> String {
    json!({
        "object": "customer",
        "id": customer.id,
        "account": account,
        "livemode": customer.livemode,
        "name": customer.name,
        "email": customer.email,
        "phone": customer.phone,
        "description": customer.description,
        "metadata": customer.metadata,
    })
    .to_string()
}

/// What became of syncing one saved customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncOutcome {
    /// Syncing on save is off (or nothing is saved, or the user's role can't read the
    /// settings): nothing was sent.
    Off,
    /// The settings could not be read, so whether to sync is unknown; nothing was sent.
    SettingsUnreadable(String),
    /// The CSP guard refused the endpoint; nothing was sent.
    Refused { url: String, reason: String },
    /// The request was sent but got no answer (DNS, TLS, CORS, offline…).
    Unreachable { url: String, message: String },
    /// The endpoint answered with a status outside 2xx.
    Rejected { url: String, status: u16, body: String },
    /// The endpoint took it (2xx).
    Delivered { url: String, status: u16 },
}

/// How much of an endpoint's error body a message quotes.
const BODY_QUOTE: usize = 120;

impl SyncOutcome {
    /// The outcome of an answered request: 2xx is delivered, anything else rejected.
    pub fn answered(url: &str, status: u16, body: &str) -> Self {
        let url = url.to_string();
        if (200..300).contains(&status) {
            SyncOutcome::Delivered { url, status }
        } else {
            SyncOutcome::Rejected { url, status, body: body.to_string() }
        }
    }

    /// The toast to show the merchant, if any: success when delivered, caution for every
    /// failure, naming the URL and the reason; `None` when nothing was to be synced.
    pub fn toast(&self) -> Option<(ToastKind, String)> {
        const NOT_SYNCED: &str = "Customer saved, but not synced:";
        let message = match self {
            SyncOutcome::Off => return None,
            SyncOutcome::Delivered { url, .. } => {
                return Some((ToastKind::Success, format!("Customer saved and synced to {url}.")))
            }
            SyncOutcome::SettingsUnreadable(why) => {
                format!("{NOT_SYNCED} the app's sync settings could not be read. {why}")
            }
            SyncOutcome::Refused { url, reason } => format!(
                "{NOT_SYNCED} the app may not call {url}: {reason}. Change the sync endpoint in \
                 the app's settings."
            ),
            SyncOutcome::Unreachable { url, message } => format!(
                "{NOT_SYNCED} {url} could not be reached ({message}). It must be up and accept \
                 requests from a null origin (CORS)."
            ),
            SyncOutcome::Rejected { url, status, body } => {
                let body = body.trim();
                let quote = match body.char_indices().nth(BODY_QUOTE) {
                    Some((cut, _)) => format!(": {}…", &body[..cut]),
                    None if body.is_empty() => String::new(),
                    None => format!(": {body}"),
                };
                format!("{NOT_SYNCED} {url} answered HTTP {status}{quote}")
            }
        };
        Some((ToastKind::Caution, message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://sync.customer-sync.example/api/customers";

    #[test]
    fn the_payload_carries_the_saved_customer_and_its_account() {
        let customer: Customer = serde_json::from_value(json!({"id": "cus_1",
            "object": "customer", "address": null, "balance": 0, "created": 1, "currency": null,
            "delinquent": false, "description": "VIP", "email": "a@example.com",
            "invoice_prefix": null, "livemode": false, "metadata": {"tier": "gold"},
            "name": "Ana", "phone": null, "preferred_locales": [], "tax_exempt": "none"}))
        .unwrap();
        let body: serde_json::Value = serde_json::from_str(&payload(&customer, "acct_1")).unwrap();
        assert_eq!(
            body,
            json!({"object": "customer", "id": "cus_1", "account": "acct_1", "livemode": false,
                "name": "Ana", "email": "a@example.com", "phone": null, "description": "VIP",
                "metadata": {"tier": "gold"}})
        );
    }

    #[test]
    fn only_2xx_counts_as_delivered() {
        assert_eq!(
            SyncOutcome::answered(URL, 204, ""),
            SyncOutcome::Delivered { url: URL.into(), status: 204 }
        );
        assert!(matches!(SyncOutcome::answered(URL, 302, ""), SyncOutcome::Rejected { .. }));
        assert!(matches!(SyncOutcome::answered(URL, 500, "x"), SyncOutcome::Rejected { .. }));
    }

    // Every failure is a caution toast naming the URL (when there is one) and the reason.
    #[test]
    fn failures_are_cautions_that_name_the_url_and_the_reason() {
        let cases = [
            (
                SyncOutcome::Refused { url: URL.into(), reason: "path /x is outside".into() },
                "outside",
            ),
            (
                SyncOutcome::Unreachable { url: URL.into(), message: "Failed to fetch".into() },
                "Failed to fetch",
            ),
            (SyncOutcome::answered(URL, 503, "  maintenance "), "HTTP 503: maintenance"),
            (SyncOutcome::answered(URL, 400, ""), "HTTP 400"),
        ];
        for (outcome, reason) in cases {
            let (kind, text) = outcome.toast().unwrap();
            assert_eq!(kind, ToastKind::Caution, "{text}");
            assert!(text.starts_with("Customer saved, but not synced:"), "{text}");
            assert!(text.contains(URL) && text.contains(reason), "{text}");
        }
        let (kind, text) = SyncOutcome::SettingsUnreadable("Down.".into()).toast().unwrap();
        assert_eq!(kind, ToastKind::Caution);
        assert!(text.contains("sync settings could not be read") && text.contains("Down."));
    }

    #[test]
    fn success_is_announced_and_off_is_quiet() {
        assert_eq!(SyncOutcome::Off.toast(), None);
        let (kind, text) = SyncOutcome::answered(URL, 200, "ok").toast().unwrap();
        assert_eq!(kind, ToastKind::Success);
        assert!(text.contains(URL), "{text}");
    }

    #[test]
    fn a_long_error_body_is_cut() {
        let body = "é".repeat(500);
        let (_, text) = SyncOutcome::answered(URL, 500, &body).toast().unwrap();
        assert!(text.ends_with('…') && text.chars().count() < 300, "{text}");
    }
}
