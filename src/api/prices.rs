//! Request builders for `/v1/prices`: pure, no I/O (STYLE §6).

use super::form::pair;
use super::pagination::ListParams;
use super::request::{ApiRequest, Method};

/// The filters of a price list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PriceListParams {
    /// Only this product's prices (`prod_…`).
    pub product: Option<String>,
    pub active: Option<bool>,
    /// Only recurring prices (`type=recurring`), the ones a subscription can use.
    pub recurring_only: bool,
    /// Each price's `product` as an object (`expand[]=data.product`; needs `product_read`).
    pub expand_product: bool,
    pub list: ListParams,
}

impl PriceListParams {
    /// What a price picker offers: up to 100 active recurring prices (the ones a subscription
    /// can use), each with its product for the label.
    pub fn active_recurring() -> Self {
        PriceListParams {
            active: Some(true),
            recurring_only: true,
            expand_product: true,
            list: ListParams::new().limit(100),
            ..Default::default()
        }
    }

    /// The query pairs: filters, paging, then the expansion.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if let Some(product) = &self.product {
            pairs.push(pair("product", product));
        }
        if let Some(active) = self.active {
            pairs.push(pair("active", active));
        }
        if self.recurring_only {
            pairs.push(pair("type", "recurring"));
        }
        pairs.extend(self.list.to_pairs());
        if self.expand_product {
            pairs.push(pair("expand[0]", "data.product"));
        }
        pairs
    }
}

/// `GET /v1/prices`: a page of prices, newest first.
pub fn list(params: &PriceListParams) -> ApiRequest {
    ApiRequest::new(Method::Get, "/v1/prices", &params.to_pairs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_sends_each_filter_and_the_product_expansion() {
        let params = PriceListParams {
            product: Some("prod_1".into()),
            active: Some(true),
            recurring_only: true,
            expand_product: true,
            list: ListParams::new().limit(100),
        };
        assert_eq!(
            list(&params).path,
            "/v1/prices?product=prod_1&active=true&type=recurring&limit=100&expand[0]=data.product"
        );
        assert_eq!(list(&PriceListParams::default()).path, "/v1/prices");
    }
}
