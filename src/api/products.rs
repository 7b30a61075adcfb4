//! Request builders for `/v1/products`: pure, no I/O (STYLE §6).

use super::form::pair;
use super::pagination::ListParams;
use super::request::{ApiRequest, Method};

/// `GET /v1/products`: a page of products, newest first; only active (or inactive) ones if
/// `active` says so.
pub fn list(active: Option<bool>, params: &ListParams) -> ApiRequest {
    let mut pairs: Vec<_> = active.map(|a| pair("active", a)).into_iter().collect();
    pairs.extend(params.to_pairs());
    ApiRequest::new(Method::Get, "/v1/products", &pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_filters_by_active_before_the_paging_params() {
        let req = list(Some(true), &ListParams::new().limit(3));
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Get, "/v1/products?active=true&limit=3")
        );
        assert_eq!(list(None, &ListParams::new()).path, "/v1/products");
        assert_eq!(list(Some(false), &ListParams::new()).path, "/v1/products?active=false");
    }
}
