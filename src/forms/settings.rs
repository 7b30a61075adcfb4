//! The app's settings (`app.settings`), kept as one JSON secret in the Secret Store's account
//! scope, so every Dashboard user of the account sees the same: the external sync endpoint,
//! the default price for new subscriptions, and whether saving a customer syncs it.

use crate::api::types::{Price, Secret};
use crate::api::ApiError;
use crate::csp::{Allowlist, DenyReason};
use crate::format::format_amount;
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
    /// Whether saving a customer in the app also posts it to `sync_endpoint`.
    pub sync_on_save: bool,
}

/// What the Secret Store holds for the settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// Nothing saved yet (`find` answered 404 `resource_missing`): the defaults apply.
    NotSaved,
    Saved(AppSettings),
    /// A secret is there but its payload isn't ours; the message says saving replaces it.
    Unreadable(String),
}

impl Stored {
    /// Reads the answer of `secrets::find(Account, SETTINGS_SECRET)`: a missing secret is
    /// [`Stored::NotSaved`], any other error stays an error (shown with a retry).
    pub fn from_find(found: Result<Secret, ApiError>) -> Result<Self, ApiError> {
        match found {
            Ok(secret) => Ok(match secret.payload.as_deref().map(AppSettings::from_payload) {
                Some(Ok(settings)) => Stored::Saved(settings),
                Some(Err(why)) => Stored::Unreadable(why),
                None => Stored::Unreadable(format!(
                    "The stored settings ({SETTINGS_SECRET}) came back without their payload; \
                     saving replaces them."
                )),
            }),
            Err(e) if e.is_not_found() => Ok(Stored::NotSaved),
            Err(e) => Err(e),
        }
    }

    /// The settings to start the form from: the saved ones, or the defaults.
    pub fn settings(&self) -> AppSettings {
        match self {
            Stored::Saved(s) => s.clone(),
            _ => AppSettings::default(),
        }
    }
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

    /// The endpoint a saved customer goes to, when syncing on save is on and one is set.
    pub fn sync_target(&self) -> Option<&str> {
        let url = self.sync_endpoint.trim();
        (self.sync_on_save && !url.is_empty()).then_some(url)
    }
}

/// The default-price choices: "None", then each recurring price as "Product · $12.00 / month",
/// and the saved price even if the list lacks it (archived, or past the first page), so the
/// form never silently changes it.
pub fn price_options(prices: &[Price], current: &str) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), "None".to_string())];
    options.extend(prices.iter().map(|p| (p.id.clone(), price_label(p))));
    let current = current.trim();
    if !current.is_empty() && !prices.iter().any(|p| p.id == current) {
        options.push((current.to_string(), format!("{current} (not an active recurring price)")));
    }
    options
}

/// A price as the Dashboard names it: product (when expanded), amount and billing period.
pub fn price_label(price: &Price) -> String {
    let product = price.product.object().map(|p| p.name.clone());
    let name = product.or_else(|| price.nickname.clone()).unwrap_or_else(|| price.id.clone());
    let amount = match price.unit_amount {
        Some(minor) => format_amount(minor, &price.currency),
        None => format!("custom amount ({})", price.currency.to_ascii_uppercase()),
    };
    let period = match &price.recurring {
        Some(r) if r.interval_count > 1 => {
            format!(" every {} {}s", r.interval_count, r.interval.as_str())
        }
        Some(r) => format!(" / {}", r.interval.as_str()),
        None => String::new(),
    };
    format!("{name} · {amount}{period}")
}

/// Why `url` can't be the sync endpoint, or `None` when the guard allows it (or it is empty).
pub fn endpoint_problem(url: &str, allowlist: &Allowlist) -> Option<String> {
    let url = url.trim();
    if url.is_empty() {
        return None;
    }
    let refusal = allowlist.check(url).err()?;
    // These two reasons already say how to add an entry.
    let advice = match refusal.reason {
        DenyReason::NoMatchingOrigin { .. } | DenyReason::NothingAllowed => "",
        _ => {
            " Use a URL inside the manifest's connect-src, or add one with `stripe-app grant url \
             <url> <purpose>`."
        }
    };
    Some(format!("The app may not call this URL: {}.{advice}", refusal.reason))
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
        assert_eq!(other.matches("grant url").count(), 1, "the advice is given once: {other}");
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

    fn answer<T: serde::de::DeserializeOwned>(status: u16, body: &str) -> Result<T, ApiError> {
        let mut res = crate::api::ApiResponse::json(200, &serde_json::json!({}));
        res.status = status;
        res.body = body.to_string();
        crate::api::error::interpret(res)
    }

    fn secret(payload: serde_json::Value) -> String {
        serde_json::json!({"id": "appsecret_1", "object": "apps.secret", "name": SETTINGS_SECRET,
            "payload": payload, "expires_at": null, "scope": {"type": "account"},
            "created": 1, "livemode": false})
        .to_string()
    }

    #[test]
    fn a_missing_secret_means_defaults_and_other_errors_stay_errors() {
        let missing = r#"{"error":{"type":"invalid_request_error","code":"resource_missing",
            "message":"No such secret: 'customer_sync.settings'","param":"name"}}"#;
        assert_eq!(Stored::from_find(answer(404, missing)), Ok(Stored::NotSaved));
        assert_eq!(Stored::NotSaved.settings(), AppSettings::default());
        let down = r#"{"error":{"type":"api_error","message":"Down."}}"#;
        assert!(Stored::from_find(answer(500, down)).is_err());
    }

    #[test]
    fn a_found_secret_is_read_or_reported_unreadable() {
        let s = AppSettings {
            sync_on_save: true,
            sync_endpoint: "https://x/".into(),
            ..Default::default()
        };
        let saved = Stored::from_find(answer(200, &secret(s.to_payload().into()))).unwrap();
        assert_eq!(saved, Stored::Saved(s.clone()));
        assert_eq!(saved.settings(), s);
        for payload in [serde_json::json!("[1,2]"), serde_json::Value::Null] {
            let got = Stored::from_find(answer(200, &secret(payload))).unwrap();
            let Stored::Unreadable(why) = &got else { panic!("{got:?}") };
            assert!(why.contains(SETTINGS_SECRET) && why.contains("saving replaces"), "{why}");
            assert_eq!(got.settings(), AppSettings::default());
        }
    }

    #[test]
    fn sync_needs_the_switch_and_an_endpoint() {
        let mut s = AppSettings { sync_endpoint: " https://x/api/c ".into(), ..Default::default() };
        assert_eq!(s.sync_target(), None);
        s.sync_on_save = true;
        assert_eq!(s.sync_target(), Some("https://x/api/c"));
        s.sync_endpoint = " ".into();
        assert_eq!(s.sync_target(), None);
    }

    fn price(id: &str, product: serde_json::Value, amount: i64, every: u32) -> Price {
        serde_json::from_value(serde_json::json!({"id": id, "object": "price", "active": true,
            "currency": "usd", "unit_amount": amount, "product": product, "type": "recurring",
            "recurring": {"interval": "month", "interval_count": every}, "nickname": null,
            "lookup_key": null, "created": 1, "livemode": false, "metadata": {}}))
        .unwrap()
    }

    #[test]
    fn prices_are_offered_by_product_amount_and_period_after_none() {
        let product = serde_json::json!({"id": "prod_1", "object": "product", "active": true,
            "name": "Pro plan", "description": null, "default_price": null, "created": 1,
            "updated": 1, "livemode": false, "metadata": {}});
        let prices =
            [price("price_a", product, 1900, 1), price("price_b", "prod_2".into(), 5000, 3)];
        assert_eq!(
            price_options(&prices, ""),
            [
                (String::new(), "None".to_string()),
                ("price_a".into(), "Pro plan · $19.00 / month".into()),
                ("price_b".into(), "price_b · $50.00 every 3 months".into()),
            ]
        );
        // A saved price the list lacks stays selectable, so saving doesn't drop it.
        let kept = price_options(&prices, "price_old");
        assert_eq!(kept.last().unwrap().0, "price_old");
        assert!(kept.last().unwrap().1.contains("not an active recurring price"));
        assert_eq!(price_options(&prices, "price_a").len(), 3);
    }
}
