//! The API module against Stripe's own sample objects: decoding, request building, encoding.

use serde_json::{json, Value};
use stripe_app::api::error::decode;
use stripe_app::api::form::{decode_pairs, encode_pairs, flatten};
use stripe_app::api::pagination::{page_links, Cursor, HasId, ListParams, PageLinks, SearchParams};
use stripe_app::api::prices::PriceListParams;
use stripe_app::api::secrets::Scope;
use stripe_app::api::setup_intents::SetupIntentCreate;
use stripe_app::api::subscriptions::{SubscriptionCreate, SubscriptionListParams};
use stripe_app::api::types::*;
use stripe_app::api::{customers, invoices, payment_intents, payment_methods, prices, products};
use stripe_app::api::{secrets, setup_intents, subscriptions};
use stripe_app::api::{ApiError, ApiRequest, Method};
use stripe_app::config::STRIPE_API_VERSION;
use stripe_app::permissions::required;

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

/// The fixture `name`, with `changes` merged over its top-level fields.
fn resource_with(name: &str, changes: Value) -> Value {
    let mut value = resource(name);
    for (k, v) in changes.as_object().unwrap() {
        value[k] = v.clone();
    }
    value
}

fn decoded<T: serde::de::DeserializeOwned>(value: Value) -> T {
    decode(&value.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn fixture_product_decodes_into_product() {
    let p: Product = decoded(resource("product"));
    assert_eq!((p.id(), p.name.as_str(), p.active), ("prod_QXg1hqf4jFNsqG", "T-shirt", true));
    assert_eq!(p.description.as_deref(), Some("Comfortable gray cotton t-shirt"));
    assert_eq!(p.default_price.as_ref().map(|d| d.id()), Some("price_1PgafmB7WZ01zgkW02Hf9z6c"));
    assert_eq!((p.created, p.updated, p.livemode), (1_234_567_890, 1_234_567_890, false));
}

#[test]
fn fixture_price_decodes_with_its_product_as_an_id_or_expanded() {
    let p: Price = decoded(resource("price"));
    assert_eq!(
        (p.id(), p.currency.as_str(), p.unit_amount),
        ("price_1PgafmB7WZ01zgkW6dKueIc5", "usd", Some(2000))
    );
    assert_eq!(p.kind, PriceType::Recurring);
    assert_eq!(p.recurring, Some(Recurring { interval: Interval::Month, interval_count: 1 }));
    assert_eq!((p.product.id(), p.product.object()), ("prod_QXg1hqf4jFNsqG", None));
    // `expand[]=data.product` on a list, `expand[]=product` on one price.
    let expanded: Price = decoded(resource_with("price", json!({"product": resource("product")})));
    assert_eq!(expanded.product.id(), "prod_QXg1hqf4jFNsqG");
    assert_eq!(expanded.product.object().map(|p| p.name.as_str()), Some("T-shirt"));
    // A one-time price with a customer-chosen amount.
    let one_time: Price = decoded(resource_with(
        "price",
        json!({"type": "one_time", "recurring": null, "unit_amount": null}),
    ));
    assert_eq!(
        (one_time.kind, one_time.recurring, one_time.unit_amount),
        (PriceType::OneTime, None, None)
    );
}

#[test]
fn fixture_subscription_decodes_with_the_period_on_its_items() {
    let s: Subscription = decoded(resource("subscription"));
    assert_eq!((s.id(), s.customer.id()), ("sub_1Pgc6rB7WZ01zgkWNy0Cn5nw", "cus_QXg1o8vcGmoR32"));
    assert_eq!(s.status, SubscriptionStatus::Active);
    assert_eq!((s.cancel_at_period_end, s.canceled_at), (true, Some(1_234_567_890)));
    assert_eq!((&s.latest_invoice, &s.default_payment_method), (&None, &None));
    let item = &s.items.data[0];
    assert_eq!((item.id(), item.quantity), ("si_QXhVnC2h0Jczwc", Some(1)));
    assert_eq!(
        (item.price.id(), item.price.unit_amount),
        ("price_1PgafmB7WZ01zgkW6dKueIc5", Some(2000))
    );
    // 2025-03-31.basil moved the period from the subscription to its items.
    assert!(resource("subscription").get("current_period_end").is_none());
    assert_eq!(s.current_period_end(), Some(976_287_773));
}

#[test]
fn subscription_period_end_is_the_earliest_item_end() {
    let mut s: Subscription = decoded(resource("subscription"));
    let mut later = s.items.data[0].clone();
    later.current_period_end += 100;
    s.items.data.insert(0, later);
    assert_eq!(s.current_period_end(), Some(976_287_773));
    s.items.data.clear();
    assert_eq!(s.current_period_end(), None);
}

#[test]
fn subscription_create_answer_has_the_latest_invoice_expanded() {
    let value = resource_with(
        "subscription",
        json!({"latest_invoice": resource("invoice"), "default_payment_method": "pm_1",
               "status": "incomplete"}),
    );
    let s: Subscription = decoded(value);
    let invoice = s.latest_invoice.as_ref().and_then(|i| i.object()).expect("expanded");
    assert_eq!(
        (invoice.id(), invoice.status),
        ("in_1Pgc6tB7WZ01zgkWu9fdqL6I", Some(InvoiceStatus::Draft))
    );
    assert_eq!(s.default_payment_method.as_ref().map(|p| p.id()), Some("pm_1"));
    assert_eq!(s.status, SubscriptionStatus::Incomplete);
}

#[test]
fn fixture_invoice_decodes_and_names_its_subscription_under_parent() {
    let i: Invoice = decoded(resource("invoice"));
    assert_eq!(
        (i.id(), i.number.as_deref(), i.status),
        ("in_1Pgc6tB7WZ01zgkWu9fdqL6I", None, Some(InvoiceStatus::Draft))
    );
    assert_eq!((i.amount_due, i.amount_paid, i.amount_remaining, i.total), (1000, 0, 1000, 1000));
    assert_eq!(
        (i.currency.as_str(), i.created, i.hosted_invoice_url.as_deref()),
        ("usd", 1_234_567_890, None)
    );
    assert_eq!(i.customer.as_ref().map(|c| c.id()), Some("cus_QXg1o8vcGmoR32"));
    // The fixture's parent is a quote; the top-level `subscription` is gone since basil.
    assert_eq!(i.parent.as_ref().map(|p| p.kind.as_str()), Some("quote_details"));
    assert_eq!(i.subscription_id(), Some("subscription"));
    let paid: Invoice = decoded(resource_with(
        "invoice",
        json!({"status": "paid", "number": "7FE1103-0001", "parent": {"type": "subscription_details",
               "subscription_details": {"subscription": "sub_1", "metadata": null}}}),
    ));
    assert_eq!((paid.status, paid.subscription_id()), (Some(InvoiceStatus::Paid), Some("sub_1")));
    let manual: Invoice =
        decoded(resource_with("invoice", json!({"parent": null, "status": null})));
    assert_eq!((manual.status, manual.subscription_id()), (None, None));
}

#[test]
fn fixture_payment_method_decodes_a_card_and_an_amazon_pay_method() {
    let pm: PaymentMethod = decoded(resource("payment_method"));
    assert_eq!(
        (pm.id(), pm.kind.as_str(), &pm.customer),
        ("pm_1Pgc75B7WZ01zgkWlHVgdEGJ", "card", &None)
    );
    let card = Card { brand: "visa".into(), last4: "4242".into(), exp_month: 8, exp_year: 2030 };
    assert_eq!((pm.card, pm.amazon_pay), (Some(card), None));
    let amazon: PaymentMethod = decoded(resource_with(
        "payment_method",
        json!({"type": "amazon_pay", "card": null, "amazon_pay": {}, "customer": "cus_1"}),
    ));
    assert_eq!((amazon.card, amazon.amazon_pay), (None, Some(AmazonPay::default())));
    assert_eq!(amazon.customer.as_ref().map(|c| c.id()), Some("cus_1"));
}

#[test]
fn fixture_setup_intent_decodes_and_an_amazon_pay_one_leads_to_the_redirect() {
    let si: SetupIntent = decoded(resource("setup_intent"));
    assert_eq!(
        (si.id(), si.status),
        ("seti_1Pgag7B7WZ01zgkWSgwGdb8Z", SetupIntentStatus::RequiresPaymentMethod)
    );
    assert_eq!((&si.customer, &si.payment_method, &si.mandate), (&None, &None, &None));
    assert_eq!(
        (si.usage.as_str(), si.payment_method_types.as_slice()),
        ("off_session", &["card".to_string()][..])
    );
    assert_eq!(si.next_action.as_ref().map(|n| n.kind.as_str()), Some("type"));
    assert_eq!(si.last_setup_error.as_ref().map(|e| e.kind.as_str()), Some("idempotency_error"));
    assert_eq!(si.redirect_url(), None);
    let amazon: SetupIntent = decoded(resource_with(
        "setup_intent",
        json!({"status": "requires_action", "customer": "cus_1", "payment_method": "pm_1",
               "mandate": "mandate_1", "last_setup_error": null,
               "next_action": {"type": "redirect_to_url", "redirect_to_url": {
                   "url": "https://pay.amazon.com/x", "return_url": "https://example.com/back"}}}),
    ));
    assert_eq!(amazon.status, SetupIntentStatus::RequiresAction);
    assert_eq!(amazon.redirect_url(), Some("https://pay.amazon.com/x"));
    let redirect = amazon.next_action.as_ref().and_then(|n| n.redirect_to_url.as_ref()).unwrap();
    assert_eq!(redirect.return_url.as_deref(), Some("https://example.com/back"));
    let ids =
        [&amazon.customer.as_ref().unwrap().id(), &amazon.payment_method.as_ref().unwrap().id()];
    assert_eq!(ids, [&"cus_1", &"pm_1"]);
    assert_eq!(amazon.mandate.as_ref().map(|m| m.id()), Some("mandate_1"));
}

#[test]
fn fixture_mandate_decodes_into_mandate() {
    let m: Mandate = decoded(resource("mandate"));
    assert_eq!(
        (m.id(), m.status, m.kind.as_str()),
        ("mandate_1Pgc78B7WZ01zgkW9EfgTVki", MandateStatus::Active, "multi_use")
    );
    assert_eq!(m.payment_method.id(), "pm_123456789");
}

#[test]
fn fixture_payment_intent_decodes_into_payment_intent() {
    let pi: PaymentIntent = decoded(resource("payment_intent"));
    assert_eq!(
        (pi.id(), pi.amount, pi.currency.as_str()),
        ("pi_1PgafyB7WZ01zgkWSjxsAJo3", 1099, "usd")
    );
    assert_eq!(
        (pi.status, pi.created),
        (PaymentIntentStatus::RequiresPaymentMethod, 1_234_567_890)
    );
    assert_eq!((pi.customer, pi.payment_method, pi.description), (None, None, None));
}

#[test]
fn fixture_secret_decodes_with_and_without_payload_and_deleted() {
    let s: Secret = decoded(resource("apps.secret"));
    assert_eq!(
        (s.id(), s.name.as_str()),
        ("appsecret_5110QzMIZ0005GiEH1m0419O8KAxCG", "test-secret")
    );
    assert_eq!(
        (s.payload, s.expires_at, s.scope, s.deleted),
        (None, Some(1_234_567_890), Scope::Account, None)
    );
    let found: Secret = decoded(resource_with(
        "apps.secret",
        json!({"payload": "s3cr3t", "expires_at": null, "scope": {"type": "user", "user": "usr_1"}}),
    ));
    assert_eq!((found.payload.as_deref(), found.expires_at), (Some("s3cr3t"), None));
    assert_eq!(found.scope, Scope::User("usr_1".into()));
    let deleted: Secret = decoded(resource_with("apps.secret", json!({"deleted": true})));
    assert_eq!(deleted.deleted, Some(true));
}

// Stripe adds statuses (e.g. `paused` came late): an unknown one must not fail a whole page.
#[test]
fn unknown_statuses_and_types_decode_as_unknown() {
    let s: Subscription = decoded(resource_with("subscription", json!({"status": "hibernating"})));
    assert_eq!(s.status, SubscriptionStatus::Unknown);
    let i: Invoice = decoded(resource_with("invoice", json!({"status": "disputed"})));
    assert_eq!(i.status, Some(InvoiceStatus::Unknown));
    let si: SetupIntent = decoded(resource_with("setup_intent", json!({"status": "new_one"})));
    assert_eq!(si.status, SetupIntentStatus::Unknown);
    let pi: PaymentIntent = decoded(resource_with("payment_intent", json!({"status": "new_one"})));
    assert_eq!(pi.status, PaymentIntentStatus::Unknown);
    let m: Mandate = decoded(resource_with("mandate", json!({"status": "new_one"})));
    assert_eq!(m.status, MandateStatus::Unknown);
    let p: Price = decoded(resource_with(
        "price",
        json!({"type": "metered_v2", "recurring": {"interval": "fortnight", "interval_count": 1}}),
    ));
    assert_eq!(
        (p.kind, p.recurring.map(|r| r.interval)),
        (PriceType::Unknown, Some(Interval::Unknown))
    );
}

#[test]
fn status_enums_read_and_write_their_wire_values() {
    fn check<T>(all: &[T], as_str: fn(&T) -> &'static str)
    where
        T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        for v in all {
            let wire = serde_json::to_value(v).unwrap();
            assert_eq!(wire, json!(as_str(v)));
            assert_eq!(&serde_json::from_value::<T>(wire).unwrap(), v);
        }
    }
    check(SubscriptionStatus::ALL, SubscriptionStatus::as_str);
    check(InvoiceStatus::ALL, InvoiceStatus::as_str);
    check(SetupIntentStatus::ALL, SetupIntentStatus::as_str);
    check(PaymentIntentStatus::ALL, PaymentIntentStatus::as_str);
    check(MandateStatus::ALL, MandateStatus::as_str);
    check(PriceType::ALL, PriceType::as_str);
    check(Interval::ALL, Interval::as_str);
    assert_eq!(SubscriptionStatus::PastDue.as_str(), "past_due");
    assert_eq!(SubscriptionStatus::ALL.len(), 8);
    assert_eq!(SubscriptionStatus::Unknown.as_str(), "unknown");
}

#[test]
fn fixture_built_lists_and_search_results_decode_for_every_listed_type() {
    fn page<T: serde::de::DeserializeOwned + HasId>(name: &str) -> String {
        let body =
            json!({"object": "list", "url": "/v1/x", "has_more": false, "data": [resource(name)]});
        let list: List<T> = decoded(body);
        list.data[0].id().to_string()
    }
    assert_eq!(page::<Product>("product"), "prod_QXg1hqf4jFNsqG");
    assert_eq!(page::<Price>("price"), "price_1PgafmB7WZ01zgkW6dKueIc5");
    assert_eq!(page::<Subscription>("subscription"), "sub_1Pgc6rB7WZ01zgkWNy0Cn5nw");
    assert_eq!(page::<Invoice>("invoice"), "in_1Pgc6tB7WZ01zgkWu9fdqL6I");
    assert_eq!(page::<PaymentMethod>("payment_method"), "pm_1Pgc75B7WZ01zgkWlHVgdEGJ");
    assert_eq!(page::<SetupIntent>("setup_intent"), "seti_1Pgag7B7WZ01zgkWSgwGdb8Z");
    assert_eq!(page::<PaymentIntent>("payment_intent"), "pi_1PgafyB7WZ01zgkWSjxsAJo3");
    assert_eq!(page::<Secret>("apps.secret"), "appsecret_5110QzMIZ0005GiEH1m0419O8KAxCG");
    let search: SearchResult<Customer> = decoded(json!({
        "object": "search_result", "url": "/v1/customers/search", "has_more": true,
        "next_page": "page_2", "total_count": 42, "data": [resource("customer")],
    }));
    assert_eq!((search.next_page.as_deref(), search.total_count), (Some("page_2"), Some(42)));
    assert_eq!(search.data[0].id, "cus_QXg1o8vcGmoR32");
}

/// `required(req)`, for the table below.
fn needs(req: &ApiRequest) -> Vec<&'static str> {
    required(req).unwrap_or_else(|e| panic!("{} {}: {e}", req.method.as_str(), req.path))
}

#[test]
fn every_builder_maps_to_the_permissions_it_needs() {
    let l = ListParams::new;
    let prices_expanded = PriceListParams { expand_product: true, ..Default::default() };
    let amazon = SetupIntentCreate::amazon_pay("cus_1", "https://x.example/r", "1.2.3.4", "UA");
    let user = Scope::User("usr_1".into());
    let table: Vec<(ApiRequest, Vec<&str>)> = vec![
        (customers::list(&l()), vec!["customer_read"]),
        (customers::retrieve("cus_1"), vec!["customer_read"]),
        (customers::update("cus_1", &Default::default(), "k"), vec!["customer_write"]),
        (customers::search(&SearchParams::new("email:'a@b.co'")), vec!["customer_read"]),
        (products::list(Some(true), &l()), vec!["product_read"]),
        (prices::list(&PriceListParams::default()), vec!["plan_read"]),
        (prices::list(&prices_expanded), vec!["plan_read", "product_read"]),
        (subscriptions::list(&SubscriptionListParams::default()), vec!["subscription_read"]),
        (
            subscriptions::create(&SubscriptionCreate::new("cus_1", "price_1"), "k"),
            vec!["subscription_write", "invoice_read"],
        ),
        (subscriptions::cancel("sub_1", "k"), vec!["subscription_write"]),
        (invoices::list("cus_1", Some("open"), &l()), vec!["invoice_read"]),
        (payment_methods::list("cus_1", Some("card"), &l()), vec!["payment_method_read"]),
        (setup_intents::create(&amazon, "k"), vec!["setup_intent_write"]),
        (setup_intents::create(&SetupIntentCreate::card("cus_1"), "k"), vec!["setup_intent_write"]),
        (setup_intents::retrieve("seti_1"), vec!["setup_intent_read"]),
        (payment_intents::list(&Default::default()), vec!["payment_intent_read"]),
        (secrets::set(&user, "n", "p", Some(1), "k"), vec!["secret_write"]),
        (secrets::find(&Scope::Account, "n"), vec!["secret_write"]),
        (secrets::delete(&user, "n", "k"), vec!["secret_write"]),
        (secrets::list(&Scope::Account, &l()), vec!["secret_write"]),
    ];
    for (req, want) in &table {
        assert_eq!(&needs(req), want, "{} {}", req.method.as_str(), req.path);
        // Connect does not change what a request needs.
        assert_eq!(&needs(&req.clone().on_account("acct_1")), want);
    }
}

#[test]
fn every_write_carries_its_idempotency_key_and_reads_none() {
    let writes = [
        subscriptions::create(&SubscriptionCreate::new("cus_1", "price_1"), "k1"),
        subscriptions::cancel("sub_1", "k1"),
        setup_intents::create(&SetupIntentCreate::card("cus_1"), "k1"),
        secrets::set(&Scope::Account, "n", "p", None, "k1"),
        secrets::delete(&Scope::Account, "n", "k1"),
    ];
    for req in &writes {
        assert_eq!(req.header("Idempotency-Key"), Some("k1"), "{}", req.path);
        assert_eq!(req.header("Stripe-Version"), Some(STRIPE_API_VERSION));
    }
    let reads = [
        customers::search(&SearchParams::new("a:1")),
        prices::list(&PriceListParams::default()),
        secrets::find(&Scope::Account, "n"),
        setup_intents::retrieve("seti_1"),
    ];
    for req in &reads {
        assert_eq!((req.header("Idempotency-Key"), &req.body), (None, &None), "{}", req.path);
    }
}
