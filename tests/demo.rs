//! The embedded demo account, driven through the same requests the extension sends.

use serde_json::Value;
use std::collections::BTreeSet;
use stripe_app::api::customers;
use stripe_app::api::error::{decode, StripeErrorBody};
use stripe_app::api::pagination::{next_page, page_links, Cursor, ListParams};
use stripe_app::api::types::{Customer, CustomerStatus, List};
use stripe_app::api::{ApiError, ApiRequest, ApiResponse, Method};
use stripe_app::demo::{DemoAccount, DEMO_NOW};

const FIXTURES: &str = include_str!("fixtures/stripe-api-fixtures.json");
const UNRECOGNIZED_TAIL: &str =
    "Please see https://stripe.com/docs or we can help at https://support.stripe.com/.";

fn get(account: &mut DemoAccount, path: &str) -> ApiResponse {
    account.handle(&ApiRequest::new(Method::Get, path, &[]))
}

fn json(response: &ApiResponse) -> Value {
    serde_json::from_str(&response.body).unwrap()
}

fn page(account: &mut DemoAccount, params: &ListParams) -> List<Customer> {
    let response = account.handle(&customers::list(params));
    assert_eq!(response.status, 200, "{}", response.body);
    decode(&response.body).unwrap()
}

/// The status and Stripe error body of a failed call.
fn error(account: &mut DemoAccount, method: Method, path: &str) -> (u16, StripeErrorBody) {
    let response = account.handle(&ApiRequest::new(method, path, &[]));
    match ApiError::from_response(response.status, &response.body) {
        ApiError::Stripe { status, error } => (status, error),
        other => panic!("not a Stripe error: {other:?}"),
    }
}

fn assert_error(
    (status, error): (u16, StripeErrorBody),
    want_status: u16,
    message: &str,
    param: Option<&str>,
    code: Option<&str>,
) {
    assert_eq!(status, want_status, "{error:?}");
    assert_eq!(error.kind, "invalid_request_error");
    assert_eq!(error.message.as_deref(), Some(message));
    assert_eq!(error.param.as_deref(), param);
    assert_eq!(error.code.as_deref(), code);
}

/// The seeded customers as the list must order them: newest first, then id descending.
fn newest_first(account: &DemoAccount) -> Vec<String> {
    let mut all: Vec<&Customer> = account.customers().iter().collect();
    all.sort_by(|a, b| (b.created, &b.id).cmp(&(a.created, &a.id)));
    all.into_iter().map(|c| c.id.clone()).collect()
}

fn ids(list: &List<Customer>) -> Vec<String> {
    list.data.iter().map(|c| c.id.clone()).collect()
}

fn keys(value: &Value) -> BTreeSet<String> {
    value.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn seeded_account_has_many_well_formed_distinct_customers() {
    let account = DemoAccount::seeded();
    let all = account.customers();
    assert!(all.len() >= 64, "{}", all.len());
    assert!(!account.livemode());
    let distinct =
        |f: &dyn Fn(&Customer) -> String| all.iter().map(f).collect::<BTreeSet<_>>().len();
    assert_eq!(distinct(&|c| c.id.clone()), all.len());
    assert_eq!(distinct(&|c| c.created.to_string()), all.len());
    assert_eq!(distinct(&|c| c.invoice_prefix.clone().unwrap()), all.len());
    assert_eq!(distinct(&|c| format!("{:?}", c.email)), all.len(), "emails are unique");
    for c in all {
        let suffix = c.id.strip_prefix("cus_").unwrap();
        assert!(
            suffix.len() == 14 && suffix.bytes().all(|b| b.is_ascii_alphanumeric()),
            "{}",
            c.id
        );
        let prefix = c.invoice_prefix.as_deref().unwrap();
        assert!(
            prefix.len() == 8
                && prefix.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
        );
        assert!(c.created < DEMO_NOW && c.created > DEMO_NOW - 3 * 366 * 86_400, "{}", c.created);
        assert!(!c.livemode && c.object == "customer");
        if c.balance != 0 {
            assert!(c.currency.is_some(), "{}: a balance needs a currency", c.id);
        }
        if let Some(address) = &c.address {
            assert!(
                address.line1.is_some() && address.city.is_some() && address.postal_code.is_some()
            );
        }
    }
}

#[test]
fn seeded_data_is_varied() {
    let account = DemoAccount::seeded();
    let all = account.customers();
    let countries: BTreeSet<_> =
        all.iter().filter_map(|c| c.address.as_ref()?.country.clone()).collect();
    assert!(countries.len() >= 8, "{countries:?}");
    let currencies: BTreeSet<_> = all.iter().map(|c| c.currency.clone()).collect();
    for want in [None, Some("usd"), Some("eur"), Some("gbp")] {
        assert!(currencies.contains(&want.map(String::from)), "{want:?}");
    }
    let statuses: Vec<CustomerStatus> = all.iter().map(Customer::status).collect();
    for want in [
        CustomerStatus::Delinquent,
        CustomerStatus::OwesBalance,
        CustomerStatus::Credit,
        CustomerStatus::GoodStanding,
    ] {
        let n = statuses.iter().filter(|s| **s == want).count();
        assert!(n >= 3, "{want:?}: {n}");
    }
    let count = |f: &dyn Fn(&Customer) -> bool| all.iter().filter(|c| f(c)).count();
    assert!(count(&|c| c.metadata.contains_key("crm_id")) >= 10);
    assert!(count(&|c| c.metadata.contains_key("plan_tier")) >= 10);
    assert!(count(&|c| c.metadata.contains_key("account_manager")) >= 3);
    assert!(count(&|c| !c.preferred_locales.is_empty()) >= 10);
    assert!(count(&|c| c.description.is_some()) >= 8);
    assert!(count(&|c| c.phone.is_some()) >= 40);
    assert!(count(&|c| c.address.is_none()) >= 2);
    assert!(count(&|c| c.tax_exempt.as_deref() != Some("none")) >= 2);
    let span =
        all.iter().map(|c| c.created).max().unwrap() - all.iter().map(|c| c.created).min().unwrap();
    assert!(span > 2 * 365 * 86_400, "created spread over ~3 years, got {span}s");
}

#[test]
fn seeded_data_includes_customers_that_are_tricky_to_render() {
    let account = DemoAccount::seeded();
    let all = account.customers();
    let named = |f: &dyn Fn(&str) -> bool| all.iter().any(|c| c.name.as_deref().is_some_and(f));
    assert!(named(&|n| n.contains('\'')), "an apostrophe");
    assert!(named(&|n| n.chars().any(|ch| ch.is_alphabetic() && !ch.is_ascii())), "accents");
    assert!(named(&|n| n.chars().count() > 50), "a very long name");
    let script =
        all.iter().find(|c| c.description.as_deref().is_some_and(|d| d.contains("<script>")));
    assert!(script.is_some_and(|c| c.name.as_deref().is_some_and(|n| !n.contains('<'))));
    let email_only = all.iter().find(|c| c.name.is_none() && c.email.is_some()).unwrap();
    assert_eq!(email_only.display_name(), email_only.email.as_deref().unwrap());
    let anonymous = all.iter().find(|c| c.name.is_none() && c.email.is_none()).unwrap();
    assert_eq!(anonymous.display_name(), anonymous.id);
}

#[test]
fn two_seeded_accounts_are_identical_and_answer_identically() {
    let (mut a, mut b) = (DemoAccount::seeded(), DemoAccount::seeded());
    assert_eq!(a, b);
    for path in ["/v1/customers?limit=5", "/v1/customers/cus_missing", "/v1/nope"] {
        assert_eq!(get(&mut a, path), get(&mut b, path));
    }
}

#[test]
fn customer_json_has_exactly_the_fixture_customer_keys() {
    let fixtures: Value = serde_json::from_str(FIXTURES).unwrap();
    let want = keys(&fixtures["resources"]["customer"]);
    let mut account = DemoAccount::seeded();
    let list = json(&get(&mut account, "/v1/customers?limit=100"));
    for customer in list["data"].as_array().unwrap() {
        assert_eq!(keys(customer), want, "{}", customer["id"]);
    }
    let id = account.customers()[0].id.clone();
    assert_eq!(keys(&json(&get(&mut account, &format!("/v1/customers/{id}")))), want);
}

#[test]
fn every_seeded_customer_is_retrievable_and_decodes_to_itself() {
    let mut account = DemoAccount::seeded();
    for stored in account.customers().to_vec() {
        let response = account.handle(&customers::retrieve(&stored.id));
        assert_eq!(response.status, 200);
        let decoded: Customer = decode(&response.body).unwrap();
        assert_eq!(decoded, stored);
    }
}

#[test]
fn responses_are_json_with_a_request_id() {
    let mut account = DemoAccount::seeded();
    for path in ["/v1/customers", "/v1/customers/cus_nope", "/v1/foo"] {
        let response = get(&mut account, path);
        let header =
            |name: &str| response.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        assert_eq!(header("Content-Type").as_deref(), Some("application/json"));
        assert!(header("Request-Id").is_some_and(|id| id.starts_with("req_") && id.len() == 18));
    }
}

#[test]
fn list_defaults_to_ten_customers_newest_first() {
    let mut account = DemoAccount::seeded();
    let body = json(&get(&mut account, "/v1/customers"));
    assert_eq!(
        (body["object"].as_str(), body["url"].as_str()),
        (Some("list"), Some("/v1/customers"))
    );
    assert_eq!(body["has_more"], true);
    let list: List<Customer> = serde_json::from_value(body).unwrap();
    assert_eq!(ids(&list), newest_first(&account)[..10]);
}

#[test]
fn limit_bounds_the_page_and_has_more_says_whether_anything_is_left() {
    let mut account = DemoAccount::seeded();
    let total = account.customers().len();
    assert_eq!(page(&mut account, &ListParams::new().limit(1)).data.len(), 1);
    let all = page(&mut account, &ListParams::new().limit(100));
    assert_eq!((all.data.len(), all.has_more), (total, false));
    let exact = page(&mut account, &ListParams::new().limit(total as u8));
    assert!(!exact.has_more);
}

#[test]
fn paging_forward_visits_every_customer_once_newest_first() {
    let mut account = DemoAccount::seeded();
    let mut params = Some(ListParams::new().limit(7));
    let (mut seen, mut pages) = (Vec::new(), 0);
    while let Some(p) = params {
        let list = page(&mut account, &p);
        assert!(list.data.len() <= 7);
        seen.extend(ids(&list));
        params = next_page(&p, &list);
        pages += 1;
    }
    assert_eq!(seen, newest_first(&account));
    assert_eq!(pages, account.customers().len().div_ceil(7));
}

#[test]
fn paging_back_with_ending_before_returns_the_same_pages() {
    let mut account = DemoAccount::seeded();
    let (mut forward, mut cursor, mut last) = (Vec::new(), Some(Cursor::First), None);
    while let Some(c) = cursor {
        let list = page(&mut account, &ListParams::for_cursor(&c, 7));
        cursor = page_links(&c, &list).next;
        forward.push(ids(&list));
        last = Some((c, list));
    }
    let (mut c, mut list) = last.unwrap();
    let mut backward = vec![ids(&list)];
    while let Some(prev) = page_links(&c, &list).prev {
        list = page(&mut account, &ListParams::for_cursor(&prev, 7));
        backward.push(ids(&list));
        c = prev;
    }
    backward.reverse();
    assert_eq!(backward, forward);

    // Auto-paging backward (stripe-node style) from the last page gives the rest, newest last.
    let first_of_last = forward.last().unwrap()[0].clone();
    let mut params = Some(ListParams::new().limit(7).ending_before(first_of_last));
    let mut reverse_pages = Vec::new();
    while let Some(p) = params {
        let list = page(&mut account, &p);
        reverse_pages.push(ids(&list));
        params = next_page(&p, &list);
    }
    reverse_pages.reverse();
    assert_eq!(reverse_pages, forward[..forward.len() - 1]);
}

#[test]
fn ending_before_the_newest_customer_is_an_empty_page() {
    let mut account = DemoAccount::seeded();
    let newest = newest_first(&account)[0].clone();
    let list = page(&mut account, &ListParams::new().ending_before(newest));
    assert!(list.data.is_empty() && !list.has_more);
}

#[test]
fn email_filter_is_exact_and_case_sensitive() {
    let mut account = DemoAccount::seeded();
    let email = account.customers()[3].email.clone().unwrap();
    let query =
        |e: &str| format!("/v1/customers?email={}", stripe_app::api::form::encode_path_segment(e));
    let found: List<Customer> = decode(&get(&mut account, &query(&email)).body).unwrap();
    assert_eq!(ids(&found), [account.customers()[3].id.clone()]);
    let none: List<Customer> =
        decode(&get(&mut account, &query(&email.to_uppercase())).body).unwrap();
    assert!(none.data.is_empty());
}

#[test]
fn created_filters_bound_the_list() {
    let mut account = DemoAccount::seeded();
    let mut times: Vec<i64> = account.customers().iter().map(|c| c.created).collect();
    times.sort();
    let (lo, hi) = (times[10], times[20]);
    let count = |account: &mut DemoAccount, q: &str| {
        decode::<List<Customer>>(&get(account, &format!("/v1/customers?limit=100&{q}")).body)
            .unwrap()
            .data
            .len()
    };
    assert_eq!(count(&mut account, &format!("created[gte]={lo}&created[lte]={hi}")), 11);
    assert_eq!(count(&mut account, &format!("created[gt]={lo}&created[lt]={hi}")), 9);
    assert_eq!(count(&mut account, &format!("created={lo}")), 1);
}

#[test]
fn expand_params_are_accepted() {
    let mut account = DemoAccount::seeded();
    let path = "/v1/customers?expand[]=data.test_clock&expand[1]=data.default_source&expand=x";
    assert_eq!(get(&mut account, path).status, 200);
    let id = account.customers()[0].id.clone();
    assert_eq!(get(&mut account, &format!("/v1/customers/{id}?expand[0]=test_clock")).status, 200);
}

#[test]
fn unknown_parameters_are_rejected_by_name() {
    let mut account = DemoAccount::seeded();
    for (path, param) in [
        ("/v1/customers?foo=1", "foo"),
        ("/v1/customers?limit=3&created[since]=5", "created[since]"),
        ("/v1/customers/cus_x?name=a", "name"),
    ] {
        let message = format!("Received unknown parameter: {param}");
        assert_error(error(&mut account, Method::Get, path), 400, &message, Some(param), None);
    }
}

#[test]
fn bad_limits_are_rejected_like_stripe() {
    let mut account = DemoAccount::seeded();
    for (limit, message) in [
        ("abc", "Invalid integer: abc"),
        ("2.5", "Invalid integer: 2.5"),
        ("0", "This value must be greater than or equal to 1."),
        ("-3", "This value must be greater than or equal to 1."),
        ("101", "This value must be less than or equal to 100."),
    ] {
        let path = format!("/v1/customers?limit={limit}");
        assert_error(error(&mut account, Method::Get, &path), 400, message, Some("limit"), None);
    }
    let path = "/v1/customers?created[gt]=soon";
    assert_error(
        error(&mut account, Method::Get, path),
        400,
        "Invalid integer: soon",
        Some("created[gt]"),
        None,
    );
}

#[test]
fn both_cursors_at_once_are_rejected() {
    let mut account = DemoAccount::seeded();
    let id = account.customers()[0].id.clone();
    let path = format!("/v1/customers?starting_after={id}&ending_before={id}");
    let message = "You may only specify one of these parameters: ending_before, starting_after.";
    assert_error(error(&mut account, Method::Get, &path), 400, message, None, None);
}

#[test]
fn a_cursor_naming_no_customer_is_resource_missing() {
    let mut account = DemoAccount::seeded();
    for param in ["starting_after", "ending_before"] {
        let path = format!("/v1/customers?{param}=cus_x");
        let got = error(&mut account, Method::Get, &path);
        assert_error(got, 400, "No such customer: 'cus_x'", Some(param), Some("resource_missing"));
    }
}

#[test]
fn retrieving_an_unknown_customer_is_a_404() {
    let mut account = DemoAccount::seeded();
    let got = error(&mut account, Method::Get, "/v1/customers/cus_x");
    assert_error(got, 404, "No such customer: 'cus_x'", Some("id"), Some("resource_missing"));
}

#[test]
fn unknown_paths_and_methods_are_unrecognized_urls() {
    let mut account = DemoAccount::seeded();
    for (method, path, shown) in [
        (Method::Get, "/v1/foo?limit=3", "GET: /v1/foo"),
        (Method::Get, "/v1/customers/", "GET: /v1/customers/"),
        (Method::Get, "/v2/customers", "GET: /v2/customers"),
        (Method::Delete, "/v1/customers", "DELETE: /v1/customers"),
    ] {
        let message = format!("Unrecognized request URL ({shown}). {UNRECOGNIZED_TAIL}");
        assert_error(error(&mut account, method, path), 404, &message, None, None);
    }
}

#[test]
fn live_account_is_empty() {
    let mut live = DemoAccount::empty_live();
    assert!(live.livemode() && live.customers().is_empty());
    let list = page(&mut live, &ListParams::new());
    assert!(list.data.is_empty() && !list.has_more);
    let test_id = DemoAccount::seeded().customers()[0].id.clone();
    assert_eq!(error(&mut live, Method::Get, &format!("/v1/customers/{test_id}")).0, 404);
}
