//! Request builders for `/v1/invoices`: pure, no I/O (STYLE §6).

use super::form::pair;
use super::pagination::ListParams;
use super::request::{ApiRequest, Method};

/// `GET /v1/invoices`: a page of `customer`'s invoices, newest first; only those in `status`
/// (`draft`, `open`, `paid`, `uncollectible`, `void`) if given.
pub fn list(customer: &str, status: Option<&str>, params: &ListParams) -> ApiRequest {
    let mut pairs = vec![pair("customer", customer)];
    pairs.extend(status.map(|s| pair("status", s)));
    pairs.extend(params.to_pairs());
    ApiRequest::new(Method::Get, "/v1/invoices", &pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_per_customer_with_an_optional_status() {
        let req = list("cus_1", Some("open"), &ListParams::new().starting_after("in_9"));
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Get, "/v1/invoices?customer=cus_1&status=open&starting_after=in_9")
        );
        assert_eq!(list("cus 1", None, &ListParams::new()).path, "/v1/invoices?customer=cus%201");
    }
}
