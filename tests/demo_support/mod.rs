//! Helpers shared by the demo account's billing and secrets tests: raw requests, decoded
//! answers, Stripe errors and the fixture objects' keys.
#![allow(dead_code)] // each test file uses a subset

use serde_json::Value;
use std::collections::BTreeSet;
use stripe_app::api::error::StripeErrorBody;
use stripe_app::api::{ApiError, ApiRequest, ApiResponse, Method};
use stripe_app::demo::DemoAccount;

const FIXTURES: &str = include_str!("../fixtures/stripe-api-fixtures.json");

pub fn pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// A request with `pairs` (query for GET/DELETE, body for POST) and an optional key.
pub fn request(
    method: Method,
    path: &str,
    params: &[(&str, &str)],
    key: Option<&str>,
) -> ApiRequest {
    let mut req = ApiRequest::new(method, path, &pairs(params));
    if let Some(key) = key {
        req.headers.push(("Idempotency-Key".into(), key.into()));
    }
    req
}

pub fn get(account: &mut DemoAccount, path: &str, params: &[(&str, &str)]) -> ApiResponse {
    account.handle(&request(Method::Get, path, params, None))
}

pub fn post(account: &mut DemoAccount, path: &str, params: &[(&str, &str)]) -> ApiResponse {
    account.handle(&request(Method::Post, path, params, None))
}

pub fn delete(account: &mut DemoAccount, path: &str, params: &[(&str, &str)]) -> ApiResponse {
    account.handle(&request(Method::Delete, path, params, None))
}

/// The JSON body of a 200.
pub fn ok(response: ApiResponse) -> Value {
    assert_eq!(response.status, 200, "{}", response.body);
    serde_json::from_str(&response.body).unwrap()
}

/// A GET that must succeed.
pub fn fetch(account: &mut DemoAccount, path: &str, params: &[(&str, &str)]) -> Value {
    ok(get(account, path, params))
}

/// Every item of a list endpoint, paging with `starting_after`, newest first.
pub fn all(account: &mut DemoAccount, path: &str, params: &[(&str, &str)]) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    loop {
        let mut p = params.to_vec();
        p.push(("limit", "100"));
        let last = out.last().map(|v| v["id"].as_str().unwrap().to_string());
        if let Some(id) = &last {
            p.push(("starting_after", id));
        }
        let page = fetch(account, path, &p);
        assert_eq!(page["object"], "list");
        out.extend(page["data"].as_array().unwrap().iter().cloned());
        if page["has_more"] != true {
            return out;
        }
    }
}

pub fn ids(items: &[Value]) -> Vec<String> {
    items.iter().map(|v| v["id"].as_str().unwrap().to_string()).collect()
}

pub fn stripe_error(response: &ApiResponse) -> StripeErrorBody {
    match ApiError::from_response(response.status, &response.body) {
        ApiError::Stripe { error, .. } => error,
        other => panic!("not a Stripe error: {other:?}"),
    }
}

/// Asserts an `invalid_request_error` with `status`, naming `param`, with a message starting
/// `message`.
pub fn assert_refused(response: &ApiResponse, status: u16, param: Option<&str>, message: &str) {
    assert_eq!(response.status, status, "{}", response.body);
    let error = stripe_error(response);
    assert_eq!(error.kind, "invalid_request_error", "{}", response.body);
    assert_eq!(error.param.as_deref(), param, "{}", response.body);
    let got = error.message.unwrap_or_default();
    assert!(got.starts_with(message), "{got:?} does not start with {message:?}");
}

pub fn header<'r>(response: &'r ApiResponse, name: &str) -> Option<&'r str> {
    response.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

pub fn keys(value: &Value) -> BTreeSet<String> {
    value.as_object().unwrap().keys().cloned().collect()
}

/// The top-level keys of Stripe's sample `object`.
pub fn fixture_keys(object: &str) -> BTreeSet<String> {
    let fixtures: Value = serde_json::from_str(FIXTURES).unwrap();
    keys(&fixtures["resources"][object])
}

pub fn s(value: &Value) -> &str {
    value.as_str().unwrap_or_else(|| panic!("not a string: {value}"))
}

pub fn int(value: &Value) -> i64 {
    value.as_i64().unwrap_or_else(|| panic!("not an integer: {value}"))
}
