//! Request builders for `/v1/payment_methods`: pure, no I/O (STYLE §6).

use super::form::pair;
use super::pagination::ListParams;
use super::request::{ApiRequest, Method};

/// `GET /v1/payment_methods`: a page of `customer`'s payment methods, newest first; only those
/// of type `kind` (`card`, `amazon_pay`, …) if given.
pub fn list(customer: &str, kind: Option<&str>, params: &ListParams) -> ApiRequest {
    let mut pairs = vec![pair("customer", customer)];
    pairs.extend(kind.map(|k| pair("type", k)));
    pairs.extend(params.to_pairs());
    ApiRequest::new(Method::Get, "/v1/payment_methods", &pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_per_customer_with_an_optional_type() {
        let req = list("cus_1", Some("amazon_pay"), &ListParams::new().limit(10));
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Get, "/v1/payment_methods?customer=cus_1&type=amazon_pay&limit=10")
        );
        assert_eq!(
            list("cus_1", None, &ListParams::new()).path,
            "/v1/payment_methods?customer=cus_1"
        );
    }
}
