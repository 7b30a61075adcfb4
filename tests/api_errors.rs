//! `ApiError`: every variant's kind and message, decode paths, and reading a response.

use serde_json::json;
use stripe_app::api::error::{decode, interpret, StripeErrorBody};
use stripe_app::api::types::{Customer, List, Secret, Subscription};
use stripe_app::api::{ApiError, ApiRequest, ApiResponse, ErrorKind, Method};
use stripe_app::config::STRIPE_API_VERSION;
use stripe_app::csp::Allowlist;
use stripe_app::permissions::Rights;

const FIXTURES: &str = include_str!("fixtures/stripe-api-fixtures.json");

fn resource(name: &str) -> serde_json::Value {
    let all: serde_json::Value = serde_json::from_str(FIXTURES).unwrap();
    all["resources"][name].clone()
}

fn stripe(status: u16, kind: &str, code: Option<&str>) -> ApiError {
    let r = ApiResponse::stripe_error(status, kind, "Something happened", None, code);
    ApiError::from_response(r.status, &r.body)
}

fn customer(id: &str, created: serde_json::Value) -> serde_json::Value {
    json!({"id": id, "object": "customer", "created": created, "livemode": false})
}

#[test]
fn stripe_errors_are_classified_like_stripe_node() {
    let table = [
        (400, "invalid_request_error", None, ErrorKind::InvalidRequest),
        (404, "invalid_request_error", Some("resource_missing"), ErrorKind::InvalidRequest),
        (400, "idempotency_error", None, ErrorKind::Idempotency),
        (404, "idempotency_error", None, ErrorKind::Idempotency),
        (400, "invalid_request_error", Some("rate_limit"), ErrorKind::RateLimit),
        (429, "rate_limit_error", None, ErrorKind::RateLimit),
        (401, "authentication_error", None, ErrorKind::Authentication),
        (402, "card_error", Some("card_declined"), ErrorKind::Card),
        (
            403,
            "invalid_request_error",
            Some("more_permissions_required_for_application"),
            ErrorKind::Permission,
        ),
        (409, "idempotency_error", None, ErrorKind::Api),
        (424, "api_error", None, ErrorKind::Api),
        (500, "api_error", None, ErrorKind::Api),
        (503, "api_error", None, ErrorKind::Api),
    ];
    for (status, kind, code, want) in table {
        assert_eq!(stripe(status, kind, code).kind(), want, "{status} {kind} {code:?}");
    }
}

#[test]
fn http_errors_without_a_stripe_body_are_classified_by_status() {
    let table = [
        (400, ErrorKind::InvalidRequest),
        (401, ErrorKind::Authentication),
        (402, ErrorKind::Card),
        (403, ErrorKind::Permission),
        (404, ErrorKind::InvalidRequest),
        (429, ErrorKind::RateLimit),
        (502, ErrorKind::Api),
    ];
    for (status, want) in table {
        let err = ApiError::from_response(status, "<html>Bad gateway</html>");
        assert!(matches!(err, ApiError::Http { .. }), "{err:?}");
        assert_eq!(err.kind(), want, "{status}");
    }
}

#[test]
fn kind_names_are_stable() {
    let names = [
        (ErrorKind::InvalidRequest, "invalid_request"),
        (ErrorKind::Idempotency, "idempotency"),
        (ErrorKind::RateLimit, "rate_limit"),
        (ErrorKind::Authentication, "authentication"),
        (ErrorKind::Card, "card"),
        (ErrorKind::Permission, "permission"),
        (ErrorKind::Api, "api"),
        (ErrorKind::Network, "network"),
        (ErrorKind::Decode, "decode"),
        (ErrorKind::Refused, "refused"),
        (ErrorKind::Blocked, "blocked"),
    ];
    for (kind, name) in names {
        assert_eq!(kind.as_str(), name);
    }
}

#[test]
fn stripe_messages_say_what_happened_and_what_to_do() {
    let table = [
        (400, "invalid_request_error", None, "Check the values you entered"),
        (404, "invalid_request_error", Some("resource_missing"), "It may have been deleted"),
        (400, "idempotency_error", None, "start it again"),
        (429, "rate_limit_error", None, "wait a few seconds"),
        (401, "authentication_error", None, "reload the Dashboard"),
        (402, "card_error", Some("card_declined"), "Ask the customer for another payment method"),
        (403, "invalid_request_error", None, "ask an account administrator"),
        (500, "api_error", None, "try again in a moment"),
    ];
    for (status, kind, code, advice) in table {
        let text = stripe(status, kind, code).to_string();
        assert!(text.contains("Something happened."), "{text}");
        assert!(text.contains(advice), "{status}: {text}");
        assert!(
            text.ends_with(&format!(
                "[HTTP {status}, {kind}{}]",
                code.map(|c| format!(", {c}")).unwrap_or_default()
            )),
            "{text}"
        );
    }
    let declined = ApiError::Stripe {
        status: 402,
        error: StripeErrorBody {
            kind: "card_error".into(),
            code: Some("card_declined".into()),
            decline_code: Some("insufficient_funds".into()),
            message: Some("Your card has insufficient funds.".into()),
            param: Some("payment_method".into()),
        },
    };
    assert_eq!(
        declined.to_string(),
        "The payment method was declined: Your card has insufficient funds. Parameter: \
         `payment_method`. Decline code: `insufficient_funds`. Ask the customer for another \
         payment method. [HTTP 402, card_error, card_declined]"
    );
    assert!(stripe(503, "api_error", None).to_string().starts_with("Stripe could not complete"));
}

#[test]
fn http_network_and_blocked_messages_name_the_failure_and_the_fix() {
    let http = ApiError::from_response(502, " upstream timed out ").to_string();
    assert_eq!(
        http,
        "The Stripe API answered HTTP 502 without an error body: upstream timed out. Stripe \
         could not complete it: try again in a moment."
    );
    let empty = ApiError::from_response(403, "").to_string();
    assert!(empty.contains("HTTP 403 without an error body. The app or your role"), "{empty}");
    let net = ApiError::Network("The connection dropped.".into()).to_string();
    assert_eq!(
        net,
        "The request got no answer: The connection dropped. Check your connection, then try again."
    );
    let blocked =
        ApiError::Blocked { url: "https://evil.example/x".into(), reason: "no entry".into() };
    assert_eq!(
        blocked.to_string(),
        "The app's content security policy blocked https://evil.example/x: no entry. Nothing was \
         sent. The app may not contact this address: tell the app's developer."
    );
    let no_url = ApiError::Blocked { url: String::new(), reason: "bad connect-src".into() };
    assert!(no_url
        .to_string()
        .starts_with("The app's content security policy blocked a request: "));
    assert_eq!(blocked.kind(), ErrorKind::Blocked);
    assert_eq!(ApiError::Network("x".into()).kind(), ErrorKind::Network);
}

#[test]
fn a_csp_refusal_becomes_blocked_with_its_reason() {
    let list = Allowlist::new(&["https://api.example.com/v1/".to_string()]).unwrap();
    let refusal = list.check("https://other.example.com/x").unwrap_err();
    let reason = refusal.reason.to_string();
    let err = ApiError::from(refusal);
    assert_eq!(
        err,
        ApiError::Blocked { url: "https://other.example.com/x".into(), reason: reason.clone() }
    );
    assert!(err.to_string().contains(&reason), "{err}");
}

#[test]
fn a_permission_refusal_keeps_its_own_message() {
    let rights = Rights { app: vec!["customer_read".into()], ..Default::default() };
    let req = ApiRequest::new(Method::Post, "/v1/customers/cus_1", &[]);
    let refusal = rights.check(&req).unwrap_err();
    let err = ApiError::Refused(refusal.clone());
    assert_eq!((err.kind(), err.to_string()), (ErrorKind::Refused, refusal.to_string()));
    assert!(!err.is_not_found());
}

#[test]
fn decode_names_the_json_path_that_failed() {
    let body = json!({"object": "list", "url": "/v1/customers", "has_more": false, "data": [
        customer("cus_0", json!(1)), customer("cus_1", json!(2)), customer("cus_2", json!(3)),
        customer("cus_3", json!(null)),
    ]});
    let err = decode::<List<Customer>>(&body.to_string()).unwrap_err();
    let ApiError::Decode { path, message } = &err else { panic!("{err:?}") };
    assert_eq!(path, "data[3].created");
    assert!(message.contains("invalid type: null, expected i64"), "{message}");
    assert!(message.contains("line 1 column"), "{message}");
    assert_eq!(err.kind(), ErrorKind::Decode);
    let text = err.to_string();
    assert!(text.contains("could not be read at `data[3].created`"), "{text}");
    assert!(
        text.contains(STRIPE_API_VERSION) && text.contains("tell the app's developer"),
        "{text}"
    );
}

#[test]
fn decode_of_a_nested_or_missing_field_and_of_bad_json() {
    let nested = json!({"id": "cus_1", "object": "customer", "created": 1, "address": {"city": 5}});
    let ApiError::Decode { path, .. } = decode::<Customer>(&nested.to_string()).unwrap_err() else {
        panic!()
    };
    assert_eq!(path, "address.city");
    let ApiError::Decode { path, message } = decode::<Customer>(r#"{"id":"cus_1"}"#).unwrap_err()
    else {
        panic!()
    };
    assert_eq!(
        (path.as_str(), message.contains("missing field `object`")),
        ("", true),
        "{message}"
    );
    for bad in ["", "{", "<html>", r#"{"id":"cus_1","object":"customer","created":1} x"#] {
        let err = decode::<Customer>(bad).unwrap_err();
        assert!(matches!(&err, ApiError::Decode { path, .. } if path.is_empty()), "{bad}: {err:?}");
        assert!(err.to_string().contains("could not be read: "), "{err}");
    }
}

/// The path `decode::<T>` names for `body`, which must fail to decode.
fn failed_at<T: serde::de::DeserializeOwned + std::fmt::Debug>(body: &str) -> String {
    match decode::<T>(body) {
        Err(ApiError::Decode { path, message }) => {
            assert!(message.contains(" line ") && message.contains(" column "), "{message}");
            path
        }
        other => panic!("{body}: {other:?}"),
    }
}

#[test]
fn decode_paths_deep_in_pretty_printed_bodies_with_escapes_and_multibyte_text() {
    let mut page = json!({"object": "list", "url": "/v1/customers", "has_more": false, "data": [
        customer("cus_0", json!(1)), customer("cus_1", json!(2)), customer("cus_2", json!(3)),
    ]});
    page["data"][0]["name"] = json!("Zoë Ångström 😀 \"quoted\" \\ ] } , : [x] {y}");
    page["data"][1]["metadata"] = json!({"crm.id [old]": "7", "quo\"te\\": 5});
    let at = |page: &serde_json::Value| {
        let pretty = failed_at::<List<Customer>>(&serde_json::to_string_pretty(page).unwrap());
        assert_eq!(failed_at::<List<Customer>>(&page.to_string()), pretty, "{page}");
        pretty
    };
    // Keys are written unescaped, as they are (a `.` or `[` in a key is not escaped).
    assert_eq!(at(&page), "data[1].metadata.quo\"te\\");
    page["data"][1]["metadata"] = json!({"crm.id [old]": "7"});
    page["data"][2]["created"] = json!("soon");
    assert_eq!(at(&page), "data[2].created");
    // A missing field names the object it is missing from.
    page["data"][2]["created"] = json!(3);
    page["data"][2].as_object_mut().unwrap().remove("object");
    assert_eq!(at(&page), "data[2]");
    // A value of the wrong kind where an object or list was due names that value.
    for wrong in [json!([]), json!("cus_2"), json!(null), json!(2.5)] {
        page["data"][2] = wrong;
        assert_eq!(at(&page), "data[2]");
    }
    // (serde reads a struct from a list too, field by field: here `id` is the map.)
    page["data"][2] = json!([{}]);
    assert_eq!(at(&page), "data[2][0]");
    page["data"] = json!({"0": customer("cus_0", json!(1))});
    assert_eq!(at(&page), "data");
    page["data"] = json!([[]]);
    assert_eq!(at(&page), "data[0]");
}

#[test]
fn decode_paths_through_expanded_objects_and_secret_scopes() {
    let mut subscription = resource("subscription");
    subscription["customer"] = customer("cus_1", json!(null));
    assert_eq!(failed_at::<Subscription>(&subscription.to_string()), "customer.created");
    subscription["customer"] = json!({"id": "cus_1", "created": 1});
    assert_eq!(failed_at::<Subscription>(&subscription.to_string()), "customer");
    subscription["customer"] = json!(7);
    assert_eq!(failed_at::<Subscription>(&subscription.to_string()), "customer");
    subscription["customer"] = json!("cus_1");
    subscription["items"]["data"][0]["current_period_end"] = json!("soon");
    assert_eq!(
        failed_at::<Subscription>(&subscription.to_string()),
        "items.data[0].current_period_end"
    );

    // A scope is checked once read (`user` needs its user id), and the error still names it.
    let mut secret = resource("apps.secret");
    for scope in [json!({"type": "team"}), json!({"type": "user"}), json!(5), json!(["user"])] {
        secret["scope"] = scope;
        assert_eq!(failed_at::<Secret>(&secret.to_string()), "scope", "{secret}");
    }
}

#[test]
fn decode_paths_of_broken_json_name_the_deepest_value_reached() {
    for (body, want) in [
        (r#"{"id": }"#, "id"),
        (r#"{"id": "cus_1", "address": {"city": nul, "line1": null}}"#, "address.city"),
        (r#"{"id": "cus_1", "address": {"city": "Par"#, "address.city"),
        (r#"{"id": "cus_1", "address": {"#, "address"),
        (r#"{"id": "cus_1", "address": {"city""#, "address"),
        (r#"{"id": "cus_1" "object": "customer"}"#, "id"),
        (r#"{"id": "cus_1", "object": "customer", 5: 1}"#, ""),
        // Inside a field the app ignores, too.
        (r#"{"discounts": [{"coupon": 1}, {"coupon": }]}"#, "discounts[1].coupon"),
        (r#"{"discounts": [1, }"#, "discounts[1]"),
        (r#"{"discounts": [1,]}"#, "discounts"),
        ("{\n  \"name\": \"Zoë 😀\",\n  \"email\": \"zoë@x.co\" \"phone\": null\n}", "email"),
    ] {
        assert_eq!(failed_at::<Customer>(body), want, "{body}");
    }
}

#[test]
fn interpret_decodes_a_2xx_and_turns_anything_else_into_the_error() {
    let ok = ApiResponse::json(200, &customer("cus_1", json!(1)));
    assert_eq!(interpret::<Customer>(ok).unwrap().id, "cus_1");
    let created = ApiResponse::json(201, &customer("cus_2", json!(1)));
    assert_eq!(interpret::<Customer>(created).unwrap().id, "cus_2");
    let missing = ApiResponse::stripe_error(
        404,
        "invalid_request_error",
        "No such customer: 'cus_x'",
        Some("id"),
        Some("resource_missing"),
    );
    let err = interpret::<Customer>(missing).unwrap_err();
    assert!(err.is_not_found() && err.kind() == ErrorKind::InvalidRequest, "{err:?}");
    assert!(err.to_string().starts_with("Stripe refused the request: No such customer: 'cus_x'. Parameter: `id`. It may have been deleted"), "{err}");
    let html = ApiResponse { status: 500, headers: vec![], body: "oops".into() };
    assert_eq!(
        interpret::<Customer>(html).unwrap_err(),
        ApiError::Http { status: 500, body: "oops".into() }
    );
    let bad = ApiResponse::json(200, &json!({"id": 1}));
    assert!(
        matches!(interpret::<Customer>(bad), Err(ApiError::Decode { path, .. }) if path == "id")
    );
}

#[test]
fn errors_are_clone_send_sync_and_std_errors() {
    fn bounds<E: Clone + Send + Sync + std::error::Error + 'static>() {}
    bounds::<ApiError>();
}
