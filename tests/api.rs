//! The API module against Stripe's own sample objects: decoding, request building, encoding.

use serde_json::{json, Value};
use stripe_app::api::customers;
use stripe_app::api::error::decode;
use stripe_app::api::form::{decode_pairs, encode_pairs, flatten};
use stripe_app::api::pagination::{page_links, Cursor, ListParams, PageLinks};
use stripe_app::api::types::{Address, Customer, CustomerStatus, List};
use stripe_app::api::{ApiError, ApiRequest, Method};
use stripe_app::config::STRIPE_API_VERSION;

const FIXTURES: &str = include_str!("fixtures/stripe-api-fixtures.json");

fn resource(name: &str) -> Value {
    let all: Value = serde_json::from_str(FIXTURES).unwrap();
    all["resources"][name].clone()
}

#[test]
fn fixture_customer_decodes_into_customer() {
    let c: Customer = decode(&resource("customer").to_string()).unwrap();
    assert_eq!(c.id, "cus_QXg1o8vcGmoR32");
    assert_eq!(c.object, "customer");
    assert_eq!((c.balance, c.created, c.livemode), (0, 1_234_567_890, false));
    assert_eq!(c.currency.as_deref(), Some("usd"));
    assert_eq!(c.delinquent, Some(false));
    assert_eq!(c.tax_exempt.as_deref(), Some("none"));
    assert_eq!(c.invoice_prefix.as_deref(), Some("7FE1103"));
    assert_eq!(c.address, Some(Address::default()));
    assert!(c.name.is_none() && c.email.is_none() && c.phone.is_none());
    assert!(c.metadata.is_empty() && c.preferred_locales.is_empty());
    assert_eq!(c.status(), CustomerStatus::GoodStanding);
    assert_eq!(c.display_name(), "cus_QXg1o8vcGmoR32");
}

#[test]
fn fixture_built_list_decodes_and_yields_a_next_cursor() {
    let body = json!({
        "object": "list",
        "url": "/v1/customers",
        "has_more": true,
        "data": [resource("customer")],
    });
    let list: List<Customer> = decode(&body.to_string()).unwrap();
    assert_eq!(
        (list.object.as_str(), list.url.as_str(), list.has_more),
        ("list", "/v1/customers", true)
    );
    assert_eq!(list.data.len(), 1);
    let links = page_links(&Cursor::First, &list);
    assert_eq!(
        links,
        PageLinks { next: Some(Cursor::After("cus_QXg1o8vcGmoR32".into())), prev: None }
    );
}

// A deleted customer is `{id, object, deleted}`: reading it as a live one must fail loudly.
#[test]
fn deleted_customer_is_a_decode_error_not_a_blank_customer() {
    let err = decode::<Customer>(&resource("deleted_customer").to_string()).unwrap_err();
    assert!(
        matches!(&err, ApiError::Decode { message, .. } if message.contains("created")),
        "{err}"
    );
}

#[test]
fn list_request_is_a_get_with_the_placeholder_key_and_pinned_version() {
    let req = customers::list(&ListParams::new().limit(7).starting_after("cus_ABC"));
    assert_eq!(req.method, Method::Get);
    assert_eq!(req.path, "/v1/customers?limit=7&starting_after=cus_ABC");
    assert_eq!(req.header("authorization"), Some("Bearer DO_NOT_PASS_A_REAL_API_KEY"));
    assert_eq!(req.header("Stripe-Version"), Some(STRIPE_API_VERSION));
    assert_eq!(req.header("Content-Type"), None);
    assert_eq!(req.body, None);
}

#[test]
fn pager_cursors_become_list_requests() {
    let path = |c: Cursor| customers::list(&ListParams::for_cursor(&c, 20)).path;
    assert_eq!(path(Cursor::First), "/v1/customers?limit=20");
    assert_eq!(path(Cursor::After("cus_1".into())), "/v1/customers?limit=20&starting_after=cus_1");
    assert_eq!(path(Cursor::Before("cus_2".into())), "/v1/customers?limit=20&ending_before=cus_2");
    assert_eq!(customers::list(&ListParams::default()).path, "/v1/customers");
}

#[test]
fn retrieve_request_puts_the_encoded_id_in_the_path() {
    let req = customers::retrieve("cus_QXg1o8vcGmoR32");
    assert_eq!((req.method, req.path.as_str()), (Method::Get, "/v1/customers/cus_QXg1o8vcGmoR32"));
    assert_eq!(req.header("Authorization"), Some("Bearer DO_NOT_PASS_A_REAL_API_KEY"));
    // NB: an id from the URL must not be able to reach another endpoint.
    assert_eq!(
        customers::retrieve("x/../../v1/balance?").path,
        "/v1/customers/x%2F..%2F..%2Fv1%2Fbalance%3F"
    );
}

#[test]
fn subscription_create_params_encode_like_stripe_node() {
    let params = json!({
        "customer": "cus_123",
        "default_payment_method": "pm_123",
        "expand": ["latest_invoice.payments"],
        "items": [{"price": "price_123", "quantity": 2}],
        "metadata": {"source": "stripe app"},
        "off_session": true,
    });
    let req = ApiRequest::new(Method::Post, "/v1/subscriptions", &flatten(&params));
    assert_eq!(req.path, "/v1/subscriptions");
    assert_eq!(req.header("Content-Type"), Some("application/x-www-form-urlencoded"));
    assert_eq!(
        req.body.as_deref(),
        Some(
            "customer=cus_123&default_payment_method=pm_123&expand[0]=latest_invoice.payments\
             &items[0][price]=price_123&items[0][quantity]=2&metadata[source]=stripe%20app\
             &off_session=true"
        )
    );
}

#[test]
fn amazon_pay_setup_intent_params_encode_like_stripe_node() {
    let params = json!({
        "confirm": true,
        "customer": "cus_123",
        "mandate_data": {"customer_acceptance": {
            "online": {"ip_address": "203.0.113.7", "user_agent": "Mozilla/5.0 (Macintosh)"},
            "type": "online",
        }},
        "payment_method_data": {"type": "amazon_pay"},
        "payment_method_types": ["amazon_pay"],
        "return_url": "https://example.com/return?x=1",
        "usage": "off_session",
    });
    assert_eq!(
        encode_pairs(&flatten(&params)),
        "confirm=true&customer=cus_123\
         &mandate_data[customer_acceptance][online][ip_address]=203.0.113.7\
         &mandate_data[customer_acceptance][online][user_agent]=Mozilla%2F5.0%20%28Macintosh%29\
         &mandate_data[customer_acceptance][type]=online&payment_method_data[type]=amazon_pay\
         &payment_method_types[0]=amazon_pay&return_url=https%3A%2F%2Fexample.com%2Freturn%3Fx%3D1\
         &usage=off_session"
    );
}

#[test]
fn null_unsets_and_empty_containers_are_dropped() {
    let params = json!({"description": null, "metadata": {"old_key": null}, "tax_id_data": []});
    assert_eq!(encode_pairs(&flatten(&params)), "description=&metadata[old_key]=");
}

#[test]
fn encoded_params_decode_back_to_the_flattened_pairs() {
    let params = json!({
        "email": "zoë+billing@example.fr",
        "metadata": {"note": "50% off & free [trial]", "owner": "O'Brien"},
        "name": "山田 花子",
    });
    let pairs = flatten(&params);
    assert_eq!(decode_pairs(&encode_pairs(&pairs)), pairs);
}
