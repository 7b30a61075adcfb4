//! Request builders for `/v1/payment_intents`: pure, no I/O (STYLE §6).

use super::form::pair;
use super::pagination::ListParams;
use super::request::{ApiRequest, Method};

/// The filters of a PaymentIntent list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaymentIntentListParams {
    /// Only this customer's payments (`cus_…`).
    pub customer: Option<String>,
    /// Created at or after (Unix seconds).
    pub created_gte: Option<i64>,
    /// Created at or before (Unix seconds).
    pub created_lte: Option<i64>,
    pub list: ListParams,
}

/// `GET /v1/payment_intents`: a page of payments, newest first.
pub fn list(params: &PaymentIntentListParams) -> ApiRequest {
    let mut pairs = Vec::new();
    pairs.extend(params.customer.as_ref().map(|c| pair("customer", c)));
    pairs.extend(params.created_gte.map(|t| pair("created[gte]", t)));
    pairs.extend(params.created_lte.map(|t| pair("created[lte]", t)));
    pairs.extend(params.list.to_pairs());
    ApiRequest::new(Method::Get, "/v1/payment_intents", &pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_sends_customer_and_the_created_range() {
        let params = PaymentIntentListParams {
            customer: Some("cus_1".into()),
            created_gte: Some(1_700_000_000),
            created_lte: Some(1_800_000_000),
            list: ListParams::new().limit(5).ending_before("pi_9"),
        };
        assert_eq!(
            list(&params).path,
            "/v1/payment_intents?customer=cus_1&created[gte]=1700000000\
             &created[lte]=1800000000&limit=5&ending_before=pi_9"
        );
        assert_eq!(list(&PaymentIntentListParams::default()).path, "/v1/payment_intents");
    }
}
