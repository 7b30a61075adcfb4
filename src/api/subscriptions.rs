//! Request builders for `/v1/subscriptions`: pure, no I/O (STYLE §6).

use super::form::{encode_path_segment, pair};
use super::pagination::ListParams;
use super::request::{ApiRequest, Method};

/// The filters of a subscription list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubscriptionListParams {
    /// Only this customer's subscriptions (`cus_…`).
    pub customer: Option<String>,
    /// A status, `ended`, or `all`. Without it Stripe lists every status except `canceled`.
    pub status: Option<String>,
    pub list: ListParams,
}

/// `GET /v1/subscriptions`: a page of subscriptions, newest first.
pub fn list(params: &SubscriptionListParams) -> ApiRequest {
    let mut pairs = Vec::new();
    pairs.extend(params.customer.as_ref().map(|c| pair("customer", c)));
    pairs.extend(params.status.as_ref().map(|s| pair("status", s)));
    pairs.extend(params.list.to_pairs());
    ApiRequest::new(Method::Get, "/v1/subscriptions", &pairs)
}

/// A new subscription of `customer` to one price, paid with a saved payment method (reference
/// §13.7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionCreate {
    /// `cus_…`
    pub customer: String,
    /// `price_…`, a recurring price.
    pub price: String,
    /// Stripe's default is 1.
    pub quantity: Option<u64>,
    /// `pm_…`, one of the customer's; otherwise the customer's invoice default is charged.
    pub default_payment_method: Option<String>,
    /// The customer is not present when invoices are paid (a merchant-initiated charge).
    pub off_session: bool,
}

impl SubscriptionCreate {
    /// `customer` subscribing to `price`, quantity 1, on-session, with the default method.
    pub fn new(customer: impl Into<String>, price: impl Into<String>) -> Self {
        SubscriptionCreate {
            customer: customer.into(),
            price: price.into(),
            quantity: None,
            default_payment_method: None,
            off_session: false,
        }
    }

    pub fn quantity(mut self, quantity: u64) -> Self {
        self.quantity = Some(quantity);
        self
    }

    pub fn default_payment_method(mut self, id: impl Into<String>) -> Self {
        self.default_payment_method = Some(id.into());
        self
    }

    pub fn off_session(mut self, off_session: bool) -> Self {
        self.off_session = off_session;
        self
    }

    /// The form parameters, in a fixed order (so a retry sends the identical body), with
    /// `expand[0]=latest_invoice` so the answer shows the first invoice's status.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut pairs =
            vec![pair("customer", &self.customer), pair("items[0][price]", &self.price)];
        pairs.extend(self.quantity.map(|q| pair("items[0][quantity]", q)));
        pairs.extend(
            self.default_payment_method.as_ref().map(|p| pair("default_payment_method", p)),
        );
        pairs.push(pair("off_session", self.off_session));
        pairs.push(pair("expand[0]", "latest_invoice"));
        pairs
    }
}

/// `POST /v1/subscriptions`: creates the subscription, and its first invoice, which Stripe
/// tries to pay at once. The answer has `latest_invoice` expanded (needs `invoice_read`).
pub fn create(params: &SubscriptionCreate, idempotency_key: &str) -> ApiRequest {
    ApiRequest::new(Method::Post, "/v1/subscriptions", &params.to_pairs())
        .with_idempotency_key(idempotency_key)
}

/// `DELETE /v1/subscriptions/{id}`: cancels the subscription now (no proration, no final
/// invoice). Stripe treats a DELETE as idempotent whatever the key; the action's key is sent
/// anyway, so every write of an action carries it.
pub fn cancel(id: &str, idempotency_key: &str) -> ApiRequest {
    let path = format!("/v1/subscriptions/{}", encode_path_segment(id));
    ApiRequest::new(Method::Delete, &path, &[]).with_idempotency_key(idempotency_key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_filters_by_customer_and_status() {
        let params = SubscriptionListParams {
            customer: Some("cus_1".into()),
            status: Some("all".into()),
            list: ListParams::new().limit(20),
        };
        assert_eq!(list(&params).path, "/v1/subscriptions?customer=cus_1&status=all&limit=20");
        assert_eq!(list(&SubscriptionListParams::default()).path, "/v1/subscriptions");
    }

    #[test]
    fn create_posts_one_item_off_session_and_expands_the_invoice() {
        let params = SubscriptionCreate::new("cus_1", "price_1")
            .quantity(2)
            .default_payment_method("pm_1")
            .off_session(true);
        let req = create(&params, "key_1");
        assert_eq!((req.method, req.path.as_str()), (Method::Post, "/v1/subscriptions"));
        assert_eq!(
            req.body.as_deref(),
            Some(
                "customer=cus_1&items[0][price]=price_1&items[0][quantity]=2\
                 &default_payment_method=pm_1&off_session=true&expand[0]=latest_invoice"
            )
        );
        assert_eq!(req.header("Idempotency-Key"), Some("key_1"));
        let minimal = create(&SubscriptionCreate::new("cus_1", "price_1"), "k").body.unwrap();
        assert_eq!(
            minimal,
            "customer=cus_1&items[0][price]=price_1&off_session=false&expand[0]=latest_invoice"
        );
    }

    #[test]
    fn cancel_deletes_the_encoded_id_with_the_key() {
        let req = cancel("sub_1/x", "key_2");
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Delete, "/v1/subscriptions/sub_1%2Fx")
        );
        assert_eq!((&req.body, req.header("idempotency-key")), (&None, Some("key_2")));
    }
}
