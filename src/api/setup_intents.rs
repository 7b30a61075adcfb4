//! Request builders for `/v1/setup_intents`: pure, no I/O (STYLE §6).

use super::form::{encode_path_segment, pair};
use super::request::{ApiRequest, Method};

/// The customer's online acceptance of a mandate: the browser they accepted it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnlineAcceptance {
    pub ip_address: String,
    pub user_agent: String,
}

/// A new SetupIntent: saving a payment method of `customer` for later, off-session charges.
/// Build it with [`SetupIntentCreate::amazon_pay`] or [`SetupIntentCreate::card`].
///
/// NB: sends `payment_method_types`, which `…endive` API versions removed; the app pins a
/// `…clover` version (`config::STRIPE_API_VERSION`, reference §13.6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupIntentCreate {
    /// `cus_…`
    pub customer: String,
    /// `off_session` (charged later without the customer) or `on_session`.
    pub usage: String,
    /// Sent as `payment_method_types[0]`, `[1]`, …
    pub payment_method_types: Vec<String>,
    /// Creates the payment method from this type (`payment_method_data[type]`).
    pub payment_method_data_type: Option<String>,
    /// Confirms at once; the answer then usually `requires_action` (a redirect).
    pub confirm: bool,
    /// Where the customer comes back after authorizing (https).
    pub return_url: Option<String>,
    /// Sent as `mandate_data[customer_acceptance]` of type `online`.
    pub online_acceptance: Option<OnlineAcceptance>,
}

impl SetupIntentCreate {
    /// Amazon Pay for future off-session payments, confirmed at once with the customer's online
    /// mandate acceptance; the answer's `next_action.redirect_to_url` sends them to Amazon Pay
    /// and back to `return_url` (reference §13.6).
    pub fn amazon_pay(
        customer: impl Into<String>,
        return_url: impl Into<String>,
        ip_address: impl Into<String>,
        user_agent: impl Into<String>,
    ) -> Self {
        SetupIntentCreate {
            customer: customer.into(),
            usage: "off_session".into(),
            payment_method_types: vec!["amazon_pay".into()],
            payment_method_data_type: Some("amazon_pay".into()),
            confirm: true,
            return_url: Some(return_url.into()),
            online_acceptance: Some(OnlineAcceptance {
                ip_address: ip_address.into(),
                user_agent: user_agent.into(),
            }),
        }
    }

    /// A card for future off-session payments, not confirmed: the card details are collected
    /// and the intent confirmed elsewhere (Stripe.js with its client secret).
    pub fn card(customer: impl Into<String>) -> Self {
        SetupIntentCreate {
            customer: customer.into(),
            usage: "off_session".into(),
            payment_method_types: vec!["card".into()],
            payment_method_data_type: None,
            confirm: false,
            return_url: None,
            online_acceptance: None,
        }
    }

    /// The form parameters, in a fixed order (so a retry sends the identical body).
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if self.confirm {
            pairs.push(pair("confirm", true));
        }
        pairs.extend(self.return_url.as_ref().map(|u| pair("return_url", u)));
        pairs.push(pair("usage", &self.usage));
        pairs.push(pair("customer", &self.customer));
        pairs.extend(
            self.payment_method_data_type.as_ref().map(|t| pair("payment_method_data[type]", t)),
        );
        for (i, kind) in self.payment_method_types.iter().enumerate() {
            pairs.push(pair(&format!("payment_method_types[{i}]"), kind));
        }
        if let Some(online) = &self.online_acceptance {
            let acceptance = "mandate_data[customer_acceptance]";
            pairs.push(pair(&format!("{acceptance}[type]"), "online"));
            pairs.push(pair(&format!("{acceptance}[online][ip_address]"), &online.ip_address));
            pairs.push(pair(&format!("{acceptance}[online][user_agent]"), &online.user_agent));
        }
        pairs
    }
}

/// `POST /v1/setup_intents`: creates (and, for Amazon Pay, confirms) the SetupIntent.
pub fn create(params: &SetupIntentCreate, idempotency_key: &str) -> ApiRequest {
    ApiRequest::new(Method::Post, "/v1/setup_intents", &params.to_pairs())
        .with_idempotency_key(idempotency_key)
}

/// `GET /v1/setup_intents/{id}`: one SetupIntent, e.g. after the customer came back from the
/// redirect.
pub fn retrieve(id: &str) -> ApiRequest {
    ApiRequest::new(Method::Get, &format!("/v1/setup_intents/{}", encode_path_segment(id)), &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amazon_pay_confirms_with_an_online_mandate() {
        let params = SetupIntentCreate::amazon_pay(
            "cus_1",
            "https://example.com/back?x=1",
            "203.0.113.7",
            "Mozilla/5.0 (X11)",
        );
        let req = create(&params, "key_1");
        assert_eq!((req.method, req.path.as_str()), (Method::Post, "/v1/setup_intents"));
        assert_eq!(
            req.body.as_deref(),
            Some(
                "confirm=true&return_url=https%3A%2F%2Fexample.com%2Fback%3Fx%3D1\
                 &usage=off_session&customer=cus_1&payment_method_data[type]=amazon_pay\
                 &payment_method_types[0]=amazon_pay&mandate_data[customer_acceptance][type]=online\
                 &mandate_data[customer_acceptance][online][ip_address]=203.0.113.7\
                 &mandate_data[customer_acceptance][online][user_agent]=Mozilla%2F5.0%20%28X11%29"
            )
        );
        assert_eq!(req.header("Idempotency-Key"), Some("key_1"));
    }

    #[test]
    fn card_only_saves_for_off_session_use() {
        let body = create(&SetupIntentCreate::card("cus_1"), "k").body.unwrap();
        assert_eq!(body, "usage=off_session&customer=cus_1&payment_method_types[0]=card");
    }

    #[test]
    fn retrieve_encodes_the_id() {
        let req = retrieve("seti_1?x");
        assert_eq!((req.method, req.path.as_str()), (Method::Get, "/v1/setup_intents/seti_1%3Fx"));
    }
}
