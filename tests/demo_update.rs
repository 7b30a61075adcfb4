//! `POST /v1/customers/:id` on the demo account, and Stripe's idempotency for its POSTs.

use serde_json::Value;
use std::collections::BTreeMap;
use stripe_app::api::customers::{self, CustomerUpdate};
use stripe_app::api::error::{decode, StripeErrorBody};
use stripe_app::api::pagination::ListParams;
use stripe_app::api::types::{Customer, List};
use stripe_app::api::{ApiError, ApiRequest, ApiResponse, Method};
use stripe_app::demo::DemoAccount;

/// The newest customer, so it is on the list's first page.
fn newest(account: &DemoAccount) -> Customer {
    account.customers().iter().max_by_key(|c| (c.created, c.id.clone())).unwrap().clone()
}

fn retrieve(account: &mut DemoAccount, id: &str) -> Customer {
    let response = account.handle(&customers::retrieve(id));
    assert_eq!(response.status, 200, "{}", response.body);
    decode(&response.body).unwrap()
}

fn name(value: &str) -> CustomerUpdate {
    CustomerUpdate { name: Some(value.into()), ..Default::default() }
}

fn metadata(pairs: &[(&str, &str)]) -> CustomerUpdate {
    let metadata = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    CustomerUpdate { metadata, ..Default::default() }
}

/// A POST to `path` with raw form pairs and an optional idempotency key.
fn raw_post(path: &str, pairs: &[(&str, &str)], key: Option<&str>) -> ApiRequest {
    let pairs: Vec<_> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let mut req = ApiRequest::new(Method::Post, path, &pairs);
    if let Some(key) = key {
        req.headers.push(("Idempotency-Key".into(), key.into()));
    }
    req
}

fn ok(response: ApiResponse) -> Customer {
    assert_eq!(response.status, 200, "{}", response.body);
    decode(&response.body).unwrap()
}

fn stripe_error(response: &ApiResponse) -> StripeErrorBody {
    match ApiError::from_response(response.status, &response.body) {
        ApiError::Stripe { error, .. } => error,
        other => panic!("not a Stripe error: {other:?}"),
    }
}

/// Asserts a 400 `invalid_request_error` naming `param`, with a message starting `message`.
fn assert_invalid(response: &ApiResponse, param: &str, message: &str) {
    assert_eq!(response.status, 400, "{}", response.body);
    let error = stripe_error(response);
    assert_eq!(error.kind, "invalid_request_error");
    assert_eq!(error.param.as_deref(), Some(param));
    let got = error.message.unwrap_or_default();
    assert!(got.starts_with(message), "{got}");
}

fn header<'r>(response: &'r ApiResponse, name: &str) -> Option<&'r str> {
    response.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

fn key_of(n: usize) -> String {
    format!("k{n:02}")
}

// ===== Updates =====

#[test]
fn updates_persist_and_show_on_retrieve_and_in_the_list() {
    let mut account = DemoAccount::seeded();
    let before = newest(&account);
    let changes = CustomerUpdate {
        name: Some("Zoë O'Brien".into()),
        email: Some("zoe@example.com".into()),
        phone: Some("+1 555 0100".into()),
        description: Some("VIP".into()),
        metadata: BTreeMap::new(),
    };
    let updated = ok(account.handle(&customers::update(&before.id, &changes, "key_1")));
    assert_eq!(updated.name.as_deref(), Some("Zoë O'Brien"));
    assert_eq!(updated.email.as_deref(), Some("zoe@example.com"));
    assert_eq!(updated.phone.as_deref(), Some("+1 555 0100"));
    assert_eq!(updated.description.as_deref(), Some("VIP"));
    assert_eq!((&updated.metadata, updated.created), (&before.metadata, before.created));
    assert_eq!(retrieve(&mut account, &before.id), updated);
    let list: List<Customer> =
        decode(&account.handle(&customers::list(&ListParams::new())).body).unwrap();
    assert_eq!(list.data[0], updated);
    assert_eq!(account.customers().iter().find(|c| c.id == before.id), Some(&updated));
}

#[test]
fn an_update_answers_with_the_same_json_as_retrieve() {
    let mut account = DemoAccount::seeded();
    let id = newest(&account).id;
    let response = account.handle(&customers::update(&id, &name("New"), "key_1"));
    let body: Value = serde_json::from_str(&response.body).unwrap();
    let retrieved = retrieve(&mut account, &id);
    assert_eq!(body, account.customer_json(&retrieved));
}

#[test]
fn empty_values_unset_fields_and_absent_ones_stay() {
    let mut account = DemoAccount::seeded();
    let before = account.customers().iter().find(|c| c.phone.is_some()).unwrap().clone();
    let changes =
        CustomerUpdate { phone: Some(String::new()), description: Some(String::new()), ..name("") };
    let after = ok(account.handle(&customers::update(&before.id, &changes, "key_1")));
    assert_eq!((after.name, after.phone, after.description), (None, None, None));
    assert_eq!(after.email, before.email);
}

#[test]
fn metadata_keys_are_set_deleted_and_cleared() {
    let mut account = DemoAccount::seeded();
    let c = account.customers().iter().find(|c| c.metadata.len() >= 2).unwrap().clone();
    let first = c.metadata.keys().next().unwrap().clone();
    let changes = metadata(&[("new_key", "v 1"), (&first, "")]);
    let after = ok(account.handle(&customers::update(&c.id, &changes, "key_1")));
    assert_eq!(after.metadata.get("new_key").map(String::as_str), Some("v 1"));
    assert!(!after.metadata.contains_key(&first));
    assert_eq!(after.metadata.len(), c.metadata.len());

    let path = format!("/v1/customers/{}", c.id);
    let cleared = ok(account.handle(&raw_post(&path, &[("metadata", "")], None)));
    assert!(cleared.metadata.is_empty());
    assert!(retrieve(&mut account, &c.id).metadata.is_empty());
    // Deleting a key that isn't there is fine.
    let again = ok(account.handle(&customers::update(&c.id, &metadata(&[("gone", "")]), "k2")));
    assert!(again.metadata.is_empty());
}

#[test]
fn metadata_at_the_limits_is_accepted() {
    let mut account = DemoAccount::seeded();
    let id = newest(&account).id;
    let path = format!("/v1/customers/{id}");
    let key = "k".repeat(40);
    let value = "é".repeat(500);
    let param = format!("metadata[{key}]");
    let after = ok(account.handle(&raw_post(&path, &[("metadata", ""), (&param, &value)], None)));
    assert_eq!(after.metadata.get(&key), Some(&value));
    let fifty: Vec<(String, String)> = (1..50).map(|n| (key_of(n), "v".into())).collect();
    let changes = CustomerUpdate { metadata: fifty.into_iter().collect(), ..Default::default() };
    let after = ok(account.handle(&customers::update(&id, &changes, "key_2")));
    assert_eq!(after.metadata.len(), 50);
}

// ===== Validation =====

#[test]
fn unknown_parameters_are_rejected_by_name() {
    let mut account = DemoAccount::seeded();
    let path = format!("/v1/customers/{}", newest(&account).id);
    for param in ["nickname", "address[city]", "metadata_x"] {
        let response = account.handle(&raw_post(&path, &[("name", "a"), (param, "x")], None));
        assert_invalid(&response, param, &format!("Received unknown parameter: {param}"));
    }
    // `expand[]` is a known parameter.
    ok(account.handle(&raw_post(&path, &[("expand[]", "default_source")], None)));
}

#[test]
fn metadata_limits_are_enforced_like_stripe() {
    let mut account = DemoAccount::seeded();
    let before = newest(&account);
    let path = format!("/v1/customers/{}", before.id);
    let long_key = "k".repeat(41);
    let long_key_param = format!("metadata[{long_key}]");
    let long_value = "v".repeat(501);
    let cases: [(&str, &str, &str, String); 5] = [
        (
            &long_key_param,
            "x",
            &long_key_param,
            format!(
                "Metadata keys can have up to 40 characters, but you passed in a key that is 41 \
                 characters. Invalid key: {long_key}"
            ),
        ),
        (
            "metadata[note]",
            &long_value,
            "metadata[note]",
            format!(
                "Metadata values can have up to 500 characters, but you passed in a value that \
                 is 501 characters. Invalid value: {long_value}"
            ),
        ),
        ("metadata[a[b]]", "x", "metadata[a[b]]", "Metadata keys can't contain '[' or ']'".into()),
        ("metadata[a][b]", "x", "metadata[a][b]", "Metadata keys can't contain '[' or ']'".into()),
        ("metadata", "not a hash", "metadata", "Invalid hash".into()),
    ];
    for (param, value, want_param, message) in cases {
        let response = account.handle(&raw_post(&path, &[(param, value)], None));
        assert_invalid(&response, want_param, &message);
    }
    assert_eq!(retrieve(&mut account, &before.id), before, "nothing was applied");
}

#[test]
fn more_than_fifty_metadata_keys_counting_the_existing_ones_is_refused() {
    let mut account = DemoAccount::seeded();
    let c = account.customers().iter().find(|c| !c.metadata.is_empty()).unwrap().clone();
    let n = 51 - c.metadata.len();
    let changes = CustomerUpdate {
        metadata: (0..n).map(|i| (key_of(i), "v".into())).collect(),
        ..Default::default()
    };
    let response = account.handle(&customers::update(&c.id, &changes, "key_1"));
    assert_invalid(&response, "metadata", "Metadata can have up to 50 keys, but you've set 51.");
    assert_eq!(retrieve(&mut account, &c.id), c);
    // Deleting an existing key in the same request brings it back to 50.
    let mut changes = changes;
    changes.metadata.insert(c.metadata.keys().next().unwrap().clone(), String::new());
    assert_eq!(ok(account.handle(&customers::update(&c.id, &changes, "key_2"))).metadata.len(), 50);
}

#[test]
fn updating_a_missing_customer_is_a_404() {
    let mut account = DemoAccount::seeded();
    let response = account.handle(&customers::update("cus_missing", &name("x"), "key_1"));
    assert_eq!(response.status, 404);
    let error = stripe_error(&response);
    assert_eq!(error.kind, "invalid_request_error");
    assert_eq!(error.message.as_deref(), Some("No such customer: 'cus_missing'"));
    assert_eq!(
        (error.param.as_deref(), error.code.as_deref()),
        (Some("id"), Some("resource_missing"))
    );
}

// ===== Idempotency =====

#[test]
fn a_retry_replays_the_identical_answer() {
    let mut account = DemoAccount::seeded();
    let id = newest(&account).id;
    let req = customers::update(&id, &name("Once"), "key_1");
    let first = account.handle(&req);
    let retry = account.handle(&req);
    assert_eq!((retry.status, &retry.body), (first.status, &first.body));
    assert_eq!(header(&first, "Idempotent-Replayed"), None);
    assert_eq!(header(&retry, "Idempotent-Replayed"), Some("true"));
    assert_eq!(header(&retry, "Original-Request"), header(&first, "Request-Id"));
    assert_ne!(header(&retry, "Request-Id"), header(&first, "Request-Id"));
}

// A late retry must not undo a change made after the first attempt.
#[test]
fn a_replay_does_not_apply_the_update_again() {
    let mut account = DemoAccount::seeded();
    let id = newest(&account).id;
    let first = account.handle(&customers::update(&id, &name("A"), "key_a"));
    ok(account.handle(&customers::update(&id, &name("B"), "key_b")));
    let retry = account.handle(&customers::update(&id, &name("A"), "key_a"));
    assert_eq!(retry.body, first.body);
    assert_eq!(retrieve(&mut account, &id).name.as_deref(), Some("B"));
}

#[test]
fn the_same_key_with_other_parameters_is_refused() {
    let mut account = DemoAccount::seeded();
    let id = newest(&account).id;
    ok(account.handle(&customers::update(&id, &name("A"), "key_1")));
    let response = account.handle(&customers::update(&id, &name("B"), "key_1"));
    assert_eq!(response.status, 400);
    let error = stripe_error(&response);
    assert_eq!(error.kind, "idempotency_error");
    assert_eq!(
        error.message.as_deref(),
        Some(
            "Keys for idempotent requests can only be used with the same parameters they were \
             first used with. Try using a key other than 'key_1' if you meant to execute a \
             different request."
        )
    );
    assert_eq!(retrieve(&mut account, &id).name.as_deref(), Some("A"));

    let other = account.customers().iter().find(|c| c.id != id).unwrap().id.clone();
    let response = account.handle(&customers::update(&other, &name("A"), "key_1"));
    let message = stripe_error(&response).message.unwrap();
    let want = format!("for the same endpoint they were first used for ('/v1/customers/{id}' vs");
    assert!(message.contains(&want), "{message}");
}

#[test]
fn refused_requests_save_nothing_and_executed_errors_are_replayed() {
    let mut account = DemoAccount::seeded();
    let id = newest(&account).id;
    let path = format!("/v1/customers/{id}");
    let bad = account.handle(&raw_post(&path, &[("nickname", "x")], Some("key_1")));
    assert_eq!(bad.status, 400);
    // Validation failed before the endpoint ran: the key is still free.
    ok(account.handle(&raw_post(&path, &[("name", "Fixed")], Some("key_1"))));
    let unknown = account.handle(&raw_post("/v1/nothing", &[], Some("key_2")));
    assert_eq!(unknown.status, 404);
    ok(account.handle(&raw_post(&path, &[("name", "Other")], Some("key_2"))));

    let missing = customers::update("cus_missing", &name("x"), "key_3");
    let first = account.handle(&missing);
    let retry = account.handle(&missing);
    assert_eq!((retry.status, retry.body), (404, first.body));
    assert_eq!(header(&account.handle(&missing), "Idempotent-Replayed"), Some("true"));
}

#[test]
fn without_a_key_every_post_runs() {
    let mut account = DemoAccount::seeded();
    let id = newest(&account).id;
    let path = format!("/v1/customers/{id}");
    let req = raw_post(&path, &[("name", "Twice")], None);
    let (first, second) = (account.handle(&req), account.handle(&req));
    assert_eq!(first.body, second.body);
    assert_eq!(header(&second, "Idempotent-Replayed"), None);
    // A key on a GET is ignored.
    let mut get = customers::retrieve(&id);
    get.headers.push(("Idempotency-Key".into(), "key_1".into()));
    account.handle(&get);
    ok(account.handle(&raw_post(&path, &[("name", "Free")], Some("key_1"))));
}

#[test]
fn test_and_live_keep_their_own_keys() {
    let mut test = DemoAccount::seeded();
    let mut live = DemoAccount::empty_live();
    let id = newest(&test).id;
    ok(test.handle(&customers::update(&id, &name("A"), "shared")));
    let response = live.handle(&customers::update(&id, &name("B"), "shared"));
    assert_eq!(response.status, 404, "live ran it (it has no customers), not refused");
    assert_eq!(header(&response, "Idempotent-Replayed"), None);
    let replay = live.handle(&customers::update(&id, &name("B"), "shared"));
    assert_eq!(header(&replay, "Idempotent-Replayed"), Some("true"));
    assert_eq!(retrieve(&mut test, &id).name.as_deref(), Some("A"));
}
