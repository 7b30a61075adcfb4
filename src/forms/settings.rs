//! The app's settings (`app.settings`), kept as one JSON secret in the Secret Store's account
//! scope, so every Dashboard user of the account sees the same: the external sync endpoint,
//! the default price for new subscriptions, and whether saving a customer syncs it.

use crate::csp::Allowlist;
use serde::{Deserialize, Serialize};

/// The Secret Store name the settings live under (account scope).
pub const SETTINGS_SECRET: &str = "customer_sync.settings";

/// What is stored. Unknown fields of a newer app version are ignored; missing ones default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppSettings {
    /// Where a saved customer is posted when `sync_on_save` is on ("" = not set).
    pub sync_endpoint: String,
    /// `price_…` preselected when subscribing a customer ("" = none).
    pub default_price: String,
    pub sync_on_save: bool,
}

impl AppSettings {
    /// The secret's payload.
    pub fn to_payload(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored payload; a payload that is not ours says so instead of being dropped.
    pub fn from_payload(payload: &str) -> Result<Self, String> {
        serde_json::from_str(payload).map_err(|e| {
            format!(
                "The stored settings ({SETTINGS_SECRET}) could not be read ({e}); saving \
                 replaces them."
            )
        })
    }

    /// Checks the settings before they are saved: the endpoint must pass the same CSP guard
    /// the sync fetch will (so the reason is shown now, not at the first sync), and sync can't
    /// be on without an endpoint. Each problem names its field.
    pub fn problems(&self, allowlist: &Allowlist) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(why) = endpoint_problem(&self.sync_endpoint, allowlist) {
            out.push(("sync_endpoint", why));
        }
        if self.sync_on_save && self.sync_endpoint.trim().is_empty() {
            out.push((
                "sync_on_save",
                "Syncing on save needs a sync endpoint: enter one, or turn syncing off.".into(),
            ));
        }
        let price = self.default_price.trim();
        if !price.is_empty() && !price.starts_with("price_") {
            out.push(("default_price", format!("{price:?} is not a price id (price_…).")));
        }
        out
    }
}

/// Why `url` can't be the sync endpoint, or `None` when the guard allows it (or it is empty).
pub fn endpoint_problem(url: &str, allowlist: &Allowlist) -> Option<String> {
    let url = url.trim();
    if url.is_empty() {
        return None;
    }
    match allowlist.check(url) {
        Ok(_) => None,
        Err(refusal) => Some(format!(
            "The app may not call this URL: {}. Use a URL inside the manifest's connect-src, or \
             add one with `stripe-app grant url <url>`.",
            refusal.reason
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowlist() -> Allowlist {
        Allowlist::new(&["https://sync.customer-sync.example/api/".to_string()]).unwrap()
    }

    #[test]
    fn payload_round_trips_and_tolerates_other_versions() {
        let s = AppSettings {
            sync_endpoint: "https://sync.customer-sync.example/api/customers".into(),
            default_price: "price_123".into(),
            sync_on_save: true,
        };
        assert_eq!(AppSettings::from_payload(&s.to_payload()), Ok(s));
        let newer = r#"{"sync_on_save":true,"added_later":1}"#;
        assert!(AppSettings::from_payload(newer).unwrap().sync_on_save);
        let err = AppSettings::from_payload("not json").unwrap_err();
        assert!(err.contains(SETTINGS_SECRET) && err.contains("saving replaces"), "{err}");
    }

    #[test]
    fn the_endpoint_is_checked_by_the_csp_guard_before_saving() {
        let a = allowlist();
        assert_eq!(endpoint_problem("https://sync.customer-sync.example/api/customers", &a), None);
        assert_eq!(endpoint_problem("  ", &a), None);
        let outside = endpoint_problem("https://sync.customer-sync.example/admin", &a).unwrap();
        assert!(outside.contains("/admin") && outside.contains("grant url"), "{outside}");
        let other = endpoint_problem("https://evil.example/api/", &a).unwrap();
        assert!(other.contains("evil.example"), "{other}");
    }

    #[test]
    fn problems_name_their_field() {
        let a = allowlist();
        let s = AppSettings {
            sync_endpoint: String::new(),
            default_price: "prod_1".into(),
            sync_on_save: true,
        };
        let fields: Vec<_> = s.problems(&a).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["sync_on_save", "default_price"]);
        assert!(AppSettings::default().problems(&a).is_empty());
    }
}
