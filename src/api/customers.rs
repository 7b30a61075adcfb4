//! Request builders for `/v1/customers`: pure, no I/O (STYLE §6).

use super::form::encode_path_segment;
use super::pagination::ListParams;
use super::request::{ApiRequest, Method};

/// `GET /v1/customers`: a page of customers, newest first.
pub fn list(params: &ListParams) -> ApiRequest {
    ApiRequest::new(Method::Get, "/v1/customers", &params.to_pairs())
}

/// `GET /v1/customers/{id}`: one customer.
pub fn retrieve(id: &str) -> ApiRequest {
    ApiRequest::new(Method::Get, &format!("/v1/customers/{}", encode_path_segment(id)), &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_puts_paging_params_in_the_query_string() {
        let req = list(&ListParams::new().limit(25).starting_after("cus_A1"));
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Get, "/v1/customers?limit=25&starting_after=cus_A1")
        );
        assert_eq!(list(&ListParams::new()).path, "/v1/customers");
        assert_eq!(req.body, None);
    }

    #[test]
    fn retrieve_encodes_the_id_as_one_path_segment() {
        assert_eq!(retrieve("cus_123").path, "/v1/customers/cus_123");
        assert_eq!(retrieve("../balance?x=1").path, "/v1/customers/..%2Fbalance%3Fx%3D1");
    }
}
