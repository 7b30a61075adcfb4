//! The auto-pagers over canned responses: which requests they send, what they yield, when they
//! stop. Driven by `futures::executor::block_on`, no browser.

use futures::executor::block_on;
use futures::StreamExt;
use serde_json::{json, Value};
use std::cell::RefCell;
use std::future::{ready, Ready};
use stripe_app::api::pagination::{
    next_search_page, pages, search_pages, ListParams, SearchParams,
};
use stripe_app::api::types::{Customer, Invoice, List, SearchResult};
use stripe_app::api::{customers, invoices, ApiError, ApiRequest, ApiResponse, ErrorKind};

fn customer(i: usize) -> Value {
    json!({"id": format!("cus_{i}"), "object": "customer", "created": i, "livemode": false})
}

fn list_body(ids: std::ops::Range<usize>, has_more: bool) -> ApiResponse {
    let data: Vec<Value> = ids.map(customer).collect();
    ApiResponse::json(
        200,
        &json!({"object": "list", "url": "/v1/customers", "has_more": has_more, "data": data}),
    )
}

fn search_body(ids: std::ops::Range<usize>, next_page: Option<&str>) -> ApiResponse {
    let data: Vec<Value> = ids.map(customer).collect();
    ApiResponse::json(
        200,
        &json!({"object": "search_result", "url": "/v1/customers/search", "data": data,
                "has_more": next_page.is_some(), "next_page": next_page}),
    )
}

/// A fake transport: answers the i-th request with `answers[i]` and records every path.
struct Fake {
    answers: RefCell<Vec<Result<ApiResponse, ApiError>>>,
    sent: RefCell<Vec<String>>,
}

impl Fake {
    fn new(answers: Vec<Result<ApiResponse, ApiError>>) -> Self {
        Fake { answers: RefCell::new(answers), sent: RefCell::default() }
    }

    fn send(&self, request: ApiRequest) -> Ready<Result<ApiResponse, ApiError>> {
        self.sent.borrow_mut().push(request.path);
        let mut answers = self.answers.borrow_mut();
        assert!(!answers.is_empty(), "the pager asked for more pages than exist");
        ready(answers.remove(0))
    }

    fn sent(&self) -> Vec<String> {
        self.sent.borrow().clone()
    }
}

fn ids<T>(pages: &[Result<List<T>, ApiError>], id: fn(&T) -> &str) -> Vec<Vec<String>> {
    pages
        .iter()
        .map(|p| p.as_ref().unwrap().data.iter().map(|c| id(c).to_string()).collect())
        .collect()
}

#[test]
fn pages_walks_a_list_to_its_end_with_cursors_from_each_last_item() {
    let fake = Fake::new(vec![
        Ok(list_body(0..2, true)),
        Ok(list_body(2..4, true)),
        Ok(list_body(4..5, false)),
    ]);
    let stream =
        pages::<Customer, _, _, _>(|r| fake.send(r), customers::list, ListParams::new().limit(2));
    let got: Vec<_> = block_on(stream.collect());
    assert_eq!(
        ids(&got, |c: &Customer| &c.id),
        [vec!["cus_0", "cus_1"], vec!["cus_2", "cus_3"], vec!["cus_4"]]
    );
    assert_eq!(
        fake.sent(),
        [
            "/v1/customers?limit=2",
            "/v1/customers?limit=2&starting_after=cus_1",
            "/v1/customers?limit=2&starting_after=cus_3",
        ]
    );
}

#[test]
fn pages_of_an_empty_list_is_one_empty_page() {
    let fake = Fake::new(vec![Ok(list_body(0..0, false))]);
    let got: Vec<_> = block_on(
        pages::<Customer, _, _, _>(|r| fake.send(r), customers::list, ListParams::new()).collect(),
    );
    assert_eq!(got.len(), 1);
    assert!(got[0].as_ref().unwrap().data.is_empty());
}

// async-stripe's guard: `has_more` with an empty page has no cursor, so stop, don't loop.
#[test]
fn pages_stops_when_has_more_comes_without_an_item() {
    let fake = Fake::new(vec![Ok(list_body(0..0, true))]);
    let got: Vec<_> = block_on(
        pages::<Customer, _, _, _>(|r| fake.send(r), customers::list, ListParams::new()).collect(),
    );
    assert_eq!((got.len(), fake.sent().len()), (1, 1));
}

#[test]
fn pages_yields_the_first_error_once_and_ends() {
    let down = ApiError::Network("timed out".into());
    let fake =
        Fake::new(vec![Ok(list_body(0..2, true)), Err(down.clone()), Ok(list_body(2..3, false))]);
    let got: Vec<_> = block_on(
        pages::<Customer, _, _, _>(|r| fake.send(r), customers::list, ListParams::new().limit(2))
            .collect(),
    );
    assert_eq!(got.len(), 2);
    assert!(got[0].is_ok());
    assert_eq!(got[1].as_ref().unwrap_err(), &down);
    assert_eq!(fake.sent().len(), 2, "nothing is requested after the error");
}

#[test]
fn pages_turns_error_statuses_and_bad_bodies_into_errors() {
    let limited =
        ApiResponse::stripe_error(429, "rate_limit_error", "Too many requests", None, None);
    let fake = Fake::new(vec![Ok(limited)]);
    let got: Vec<_> = block_on(
        pages::<Customer, _, _, _>(|r| fake.send(r), customers::list, ListParams::new()).collect(),
    );
    assert_eq!(got[0].as_ref().unwrap_err().kind(), ErrorKind::RateLimit);

    let bad = ApiResponse::json(
        200,
        &json!({"object": "list", "url": "/v1/customers", "has_more": false, "data": [{"id": 1}]}),
    );
    let fake = Fake::new(vec![Ok(bad)]);
    let got: Vec<_> = block_on(
        pages::<Customer, _, _, _>(|r| fake.send(r), customers::list, ListParams::new()).collect(),
    );
    assert!(
        matches!(&got[0], Err(ApiError::Decode { path, .. }) if path == "data[0].id"),
        "{got:?}"
    );
}

#[test]
fn pages_keeps_the_builders_filters_and_pages_backward_from_ending_before() {
    let invoice = |id: &str| {
        let mut v: Value =
            serde_json::from_str(include_str!("fixtures/stripe-api-fixtures.json")).unwrap();
        v = v["resources"]["invoice"].take();
        v["id"] = id.into();
        v
    };
    let page = |ids: &[&str], more: bool| {
        let data: Vec<Value> = ids.iter().map(|i| invoice(i)).collect();
        ApiResponse::json(
            200,
            &json!({"object": "list", "url": "/v1/invoices", "has_more": more, "data": data}),
        )
    };
    let fake =
        Fake::new(vec![Ok(page(&["in_5", "in_4"], true)), Ok(page(&["in_7", "in_6"], false))]);
    let build = |p: &ListParams| invoices::list("cus_1", Some("paid"), p);
    let first = ListParams::new().limit(2).ending_before("in_3");
    let got: Vec<_> = block_on(pages::<Invoice, _, _, _>(|r| fake.send(r), build, first).collect());
    assert_eq!(ids(&got, |i: &Invoice| &i.id), [vec!["in_5", "in_4"], vec!["in_7", "in_6"]]);
    assert_eq!(
        fake.sent(),
        [
            "/v1/invoices?customer=cus_1&status=paid&limit=2&ending_before=in_3",
            "/v1/invoices?customer=cus_1&status=paid&limit=2&ending_before=in_5",
        ]
    );
}

#[test]
fn search_pages_follows_next_page_until_it_is_null() {
    let fake = Fake::new(vec![Ok(search_body(0..2, Some("pg_2"))), Ok(search_body(2..3, None))]);
    let first = SearchParams::new("email~'a'").limit(2);
    let stream = search_pages::<Customer, _, _, _>(|r| fake.send(r), customers::search, first);
    let got: Vec<Result<SearchResult<Customer>, ApiError>> = block_on(stream.collect());
    let seen: Vec<usize> = got.iter().map(|p| p.as_ref().unwrap().data.len()).collect();
    assert_eq!(seen, [2, 1]);
    assert_eq!(
        fake.sent(),
        [
            "/v1/customers/search?query=email~%27a%27&limit=2",
            "/v1/customers/search?query=email~%27a%27&limit=2&page=pg_2",
        ]
    );
}

#[test]
fn search_pages_yields_an_error_once_and_ends() {
    let fake = Fake::new(vec![Ok(ApiResponse::stripe_error(
        400,
        "invalid_request_error",
        "bad query",
        Some("query"),
        None,
    ))]);
    let stream = search_pages::<Customer, _, _, _>(
        |r| fake.send(r),
        customers::search,
        SearchParams::new("("),
    );
    let got: Vec<_> = block_on(stream.collect());
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].as_ref().unwrap_err().kind(), ErrorKind::InvalidRequest);
}

fn result(has_more: bool, next_page: Option<&str>) -> SearchResult<Customer> {
    SearchResult {
        data: vec![],
        has_more,
        next_page: next_page.map(String::from),
        url: "/v1/customers/search".into(),
        total_count: None,
    }
}

#[test]
fn next_search_page_keeps_query_and_limit_and_takes_the_cursor() {
    let params = SearchParams::new("name:'x'").limit(3);
    assert_eq!(
        next_search_page(&params, &result(true, Some("p2"))),
        Some(params.clone().page("p2"))
    );
    assert_eq!(next_search_page(&params, &result(false, None)), None);
    // `has_more: false` wins over a stray cursor.
    assert_eq!(next_search_page(&params, &result(false, Some("p2"))), None);
}

// Guards against re-requesting a page forever.
#[test]
fn next_search_page_stops_on_has_more_without_a_new_cursor() {
    let params = SearchParams::new("name:'x'").page("p2");
    assert_eq!(next_search_page(&params, &result(true, None)), None);
    assert_eq!(next_search_page(&params, &result(true, Some("p2"))), None);
}

#[test]
fn search_params_serialize_only_what_is_set() {
    let pairs = |p: SearchParams| {
        p.to_pairs().into_iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>()
    };
    assert_eq!(pairs(SearchParams::new("q")), ["query=q"]);
    assert_eq!(
        pairs(SearchParams::new("q").limit(100).page("x")),
        ["query=q", "limit=100", "page=x"]
    );
}
