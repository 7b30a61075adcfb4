//! Request builders for `/v1/customers`: pure, no I/O (STYLE §6).

use super::form::encode_path_segment;
use super::pagination::ListParams;
pub use super::pagination::SearchParams;
use super::request::{ApiRequest, Method};
use std::collections::BTreeMap;

/// `GET /v1/customers`: a page of customers, newest first.
pub fn list(params: &ListParams) -> ApiRequest {
    ApiRequest::new(Method::Get, "/v1/customers", &params.to_pairs())
}

/// `GET /v1/customers/{id}`: one customer.
pub fn retrieve(id: &str) -> ApiRequest {
    ApiRequest::new(Method::Get, &format!("/v1/customers/{}", encode_path_segment(id)), &[])
}

/// The changes of a customer update. `None` leaves a field as it is; `Some("")` unsets it; a
/// metadata value of `""` deletes that key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerUpdate {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub description: Option<String>,
    pub metadata: BTreeMap<String, String>,
}

impl CustomerUpdate {
    /// The form parameters, in a fixed order (so a retry sends the identical body).
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let fields = [
            ("name", &self.name),
            ("email", &self.email),
            ("phone", &self.phone),
            ("description", &self.description),
        ];
        let fields = fields.into_iter().filter_map(|(k, v)| Some((k.to_string(), v.clone()?)));
        let metadata = self.metadata.iter().map(|(k, v)| (format!("metadata[{k}]"), v.clone()));
        fields.chain(metadata).collect()
    }
}

/// `POST /v1/customers/{id}`: updates a customer. Retrying with the same `idempotency_key`
/// (and the same changes) returns the first answer instead of updating twice.
pub fn update(id: &str, changes: &CustomerUpdate, idempotency_key: &str) -> ApiRequest {
    let path = format!("/v1/customers/{}", encode_path_segment(id));
    ApiRequest::new(Method::Post, &path, &changes.to_pairs()).with_idempotency_key(idempotency_key)
}

/// `GET /v1/customers/search`: customers matching `params.query` (Stripe's search language, e.g.
/// `email~"jenny"` or `name:'Jenny Rosen'`). Search is eventually consistent: a customer changed
/// in the last minute may not match yet (reference §13.3).
pub fn search(params: &SearchParams) -> ApiRequest {
    ApiRequest::new(Method::Get, "/v1/customers/search", &params.to_pairs())
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

    #[test]
    fn update_posts_the_changes_with_the_idempotency_key() {
        let changes = CustomerUpdate {
            name: Some("Zoë".into()),
            phone: Some(String::new()),
            metadata: [("tier".to_string(), "gold".to_string()), ("old".into(), "".into())].into(),
            ..Default::default()
        };
        let req = update("cus_1", &changes, "key_1");
        assert_eq!((req.method, req.path.as_str()), (Method::Post, "/v1/customers/cus_1"));
        assert_eq!(
            req.body.as_deref(),
            Some("name=Zo%C3%AB&phone=&metadata[old]=&metadata[tier]=gold")
        );
        assert_eq!(req.header("idempotency-key"), Some("key_1"));
        assert_eq!(CustomerUpdate::default().to_pairs(), vec![]);
    }

    #[test]
    fn search_sends_the_query_encoded_with_limit_and_page() {
        let req =
            search(&SearchParams::new("email~'jo+1@x.co' AND -name:null").limit(5).page("p2"));
        assert_eq!(req.method, Method::Get);
        assert_eq!(
            req.path,
            "/v1/customers/search?query=email~%27jo%2B1%40x.co%27%20AND%20-name%3Anull\
             &limit=5&page=p2"
        );
        assert_eq!(search(&SearchParams::new("a:1")).path, "/v1/customers/search?query=a%3A1");
    }
}
