//! `GET /v1/customers/search` on the seeded demo account, driven with the requests the extension
//! sends. Expected results are worked out here from `account.customers()`, independently of the
//! demo's own query matcher.

use serde_json::Value;
use stripe_app::api::error::{decode, StripeErrorBody};
use stripe_app::api::types::Customer;
use stripe_app::api::{ApiError, ApiRequest, ApiResponse, Method};
use stripe_app::demo::DemoAccount;

fn request(params: &[(&str, &str)]) -> ApiRequest {
    let pairs: Vec<(String, String)> =
        params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    ApiRequest::new(Method::Get, "/v1/customers/search", &pairs)
}

fn call(account: &mut DemoAccount, params: &[(&str, &str)]) -> ApiResponse {
    account.handle(&request(params))
}

/// The ids a query finds (first page of up to 100), in the order returned.
fn search(account: &mut DemoAccount, query: &str) -> Vec<String> {
    let body = ok(account, &[("query", query), ("limit", "100")]);
    assert_eq!(body["has_more"], false, "{query}");
    ids(&body)
}

fn ok(account: &mut DemoAccount, params: &[(&str, &str)]) -> Value {
    let response = call(account, params);
    assert_eq!(response.status, 200, "{params:?}: {}", response.body);
    decode(&response.body).unwrap()
}

fn ids(body: &Value) -> Vec<String> {
    let data = body["data"].as_array().unwrap();
    data.iter().map(|c| c["id"].as_str().unwrap().to_string()).collect()
}

/// The seeded customers that satisfy `keep`, newest first (created, then id, descending).
fn expected(account: &DemoAccount, keep: impl Fn(&Customer) -> bool) -> Vec<String> {
    let mut all: Vec<&Customer> = account.customers().iter().filter(|c| keep(c)).collect();
    all.sort_by(|a, b| (b.created, &b.id).cmp(&(a.created, &a.id)));
    all.into_iter().map(|c| c.id.clone()).collect()
}

/// The 400 Stripe error of a failed search.
fn error(account: &mut DemoAccount, params: &[(&str, &str)]) -> StripeErrorBody {
    let response = call(account, params);
    match ApiError::from_response(response.status, &response.body) {
        ApiError::Stripe { status: 400, error } => {
            assert_eq!(error.kind, "invalid_request_error");
            assert_eq!(error.code, None);
            error
        }
        other => panic!("{params:?}: not a 400 Stripe error: {other:?}"),
    }
}

/// The message of a query that is refused, checking it names the `query` param.
fn query_error(account: &mut DemoAccount, query: &str) -> String {
    let body = error(account, &[("query", query)]);
    assert_eq!(body.param.as_deref(), Some("query"), "{query}");
    body.message.unwrap()
}

fn lower(s: &Option<String>) -> Option<String> {
    s.as_ref().map(|s| s.to_lowercase())
}

#[test]
fn answers_in_stripes_search_result_shape() {
    let mut account = DemoAccount::seeded();
    let email = account.customers()[10].email.clone().unwrap();
    let body = ok(&mut account, &[("query", &format!("email:'{email}'"))]);
    assert_eq!(body["object"], "search_result");
    assert_eq!(body["url"], "/v1/customers/search");
    assert_eq!((&body["has_more"], &body["next_page"]), (&Value::Bool(false), &Value::Null));
    assert!(body.get("total_count").is_none(), "only when expanded");
    let keys: Vec<&str> = body.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["object", "url", "has_more", "next_page", "data"]);
    // Each hit is the customer in the API's shape, as retrieve gives it.
    let found: Customer = serde_json::from_value(body["data"][0].clone()).unwrap();
    assert_eq!(found, account.customers()[10]);
    let id = found.id.clone();
    let retrieved =
        account.handle(&ApiRequest::new(Method::Get, &format!("/v1/customers/{id}"), &[]));
    assert_eq!(body["data"][0], decode::<Value>(&retrieved.body).unwrap());
}

#[test]
fn email_and_name_match_exactly_ignoring_case() {
    let mut account = DemoAccount::seeded();
    let customer = account.customers()[3].clone();
    let (email, name) = (customer.email.clone().unwrap(), customer.name.clone().unwrap());
    for query in [
        format!("email:'{email}'"),
        format!("email:\"{}\"", email.to_uppercase()),
        format!("name:'{}'", name.replace('\'', "\\'")),
        format!("name:'{}'", name.to_lowercase().replace('\'', "\\'")),
    ] {
        assert_eq!(search(&mut account, &query), [customer.id.as_str()], "{query}");
    }
    let first_word = name.split(' ').next().unwrap();
    assert!(search(&mut account, &format!("name:'{first_word}'")).is_empty(), "not a prefix");
    // Apostrophes and accents, escaped or in the other quote.
    for name in ["Aoife O'Brien", "Zoë Lefèvre-Dubois", "山田 花子"] {
        let want = expected(&account, |c| c.name.as_deref() == Some(name));
        assert_eq!(want.len(), 1, "{name}");
        assert_eq!(search(&mut account, &format!("name:\"{name}\"")), want);
        assert_eq!(search(&mut account, &format!("name:'{}'", name.replace('\'', "\\'"))), want);
    }
}

#[test]
fn substring_matches_on_email_name_and_phone() {
    let mut account = DemoAccount::seeded();
    let gmail = expected(&account, |c| lower(&c.email).is_some_and(|e| e.contains("gmail")));
    assert!(gmail.len() >= 3, "{}", gmail.len());
    assert_eq!(search(&mut account, "email~'GMail'"), gmail);

    let name = account.customers()[7].name.clone().unwrap().to_lowercase();
    let part: String = name.chars().skip(1).take(4).collect();
    let want = expected(&account, |c| lower(&c.name).is_some_and(|n| n.contains(&part)));
    assert!(want.contains(&account.customers()[7].id));
    assert_eq!(search(&mut account, &format!("name~'{}'", part.replace('\'', "\\'"))), want);

    let phone = account.customers().iter().find_map(|c| c.phone.clone()).unwrap();
    let tail: String = phone.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
    let want = expected(&account, |c| c.phone.as_deref().is_some_and(|p| p.contains(&tail)));
    assert_eq!(search(&mut account, &format!("phone~'{tail}'")), want);
    let exact = expected(&account, |c| c.phone.as_deref() == Some(phone.as_str()));
    assert_eq!(search(&mut account, &format!("phone:'{phone}'")), exact);
}

#[test]
fn metadata_and_null_clauses() {
    let mut account = DemoAccount::seeded();
    let tier = |c: &Customer| c.metadata.get("plan_tier").cloned();
    let enterprise = expected(&account, |c| tier(c).as_deref() == Some("enterprise"));
    assert!(!enterprise.is_empty());
    assert_eq!(search(&mut account, "metadata['plan_tier']:'enterprise'"), enterprise);
    assert_eq!(search(&mut account, "metadata[\"plan_tier\"]:\"Enterprise\""), enterprise);
    let crm = account.customers().iter().find_map(|c| c.metadata.get("crm_id").cloned()).unwrap();
    let want = expected(&account, |c| c.metadata.get("crm_id") == Some(&crm));
    assert_eq!(search(&mut account, &format!("metadata['crm_id']:'{crm}'")), want);

    let no_name = expected(&account, |c| c.name.is_none());
    assert!(no_name.len() >= 2);
    assert_eq!(search(&mut account, "name:null"), no_name);
    let no_tier = expected(&account, |c| tier(c).is_none());
    assert_eq!(search(&mut account, "metadata['plan_tier']:null"), no_tier);
    let no_contact = expected(&account, |c| c.name.is_none() && c.email.is_none());
    assert_eq!(no_contact.len(), 1, "the walk-in customer");
    assert_eq!(search(&mut account, "name:null email:null"), no_contact);
}

#[test]
fn created_comparisons() {
    let mut account = DemoAccount::seeded();
    let t = account.customers()[30].created;
    for op in [">", "<", ">=", "<=", ":"] {
        let want = expected(&account, |c| match op {
            ">" => c.created > t,
            "<" => c.created < t,
            ">=" => c.created >= t,
            "<=" => c.created <= t,
            _ => c.created == t,
        });
        assert_eq!(search(&mut account, &format!("created{op}{t}")), want, "created{op}{t}");
    }
    assert_eq!(
        search(&mut account, &format!("created:'{t}'")),
        [account.customers()[30].id.clone()]
    );
    let (lo, hi) = (account.customers()[20].created, account.customers()[25].created);
    let want = expected(&account, |c| c.created >= lo && c.created < hi);
    assert_eq!(want.len(), 5);
    assert_eq!(search(&mut account, &format!("created>={lo} AND created<{hi}")), want);
}

#[test]
fn negation_and_or_and_implicit_and() {
    let mut account = DemoAccount::seeded();
    let all = account.customers().to_vec();
    let (a, b) = (all[5].email.clone().unwrap(), all[9].email.clone().unwrap());
    let want = expected(&account, |c| c.email == Some(a.clone()) || c.email == Some(b.clone()));
    assert_eq!(want.len(), 2);
    for joiner in [" OR ", " or ", " Or "] {
        let query = format!("email:'{a}'{joiner}email:'{b}'");
        assert_eq!(search(&mut account, &query), want, "{query}");
    }

    let t = all[40].created;
    let want = expected(&account, |c| {
        lower(&c.email).is_some_and(|e| e.contains("gmail")) && c.created > t
    });
    assert!(!want.is_empty());
    assert_eq!(search(&mut account, &format!("email~'gmail' created>{t}")), want);
    assert_eq!(search(&mut account, &format!("email~'gmail' AND created>{t}")), want);
    assert_eq!(search(&mut account, &format!("email~'gmail' and created>{t}")), want);

    let not_gmail = expected(&account, |c| !lower(&c.email).is_some_and(|e| e.contains("gmail")));
    assert_eq!(search(&mut account, "-email~'gmail'"), not_gmail);
    let named = expected(&account, |c| c.name.is_some());
    assert_eq!(search(&mut account, "-name:null"), named);
    let not_a = expected(&account, |c| c.email != Some(a.clone()));
    assert_eq!(search(&mut account, &format!("-email:'{a}'")), not_a);
    // Negation inside OR: everyone but a, or a with the phone of a (i.e. everyone).
    let phone_a = all[5].phone.clone().unwrap();
    let query = format!("-email:'{a}' OR phone:'{phone_a}'");
    let want =
        expected(&account, |c| c.email != Some(a.clone()) || c.phone == Some(phone_a.clone()));
    assert_eq!(search(&mut account, &query), want);
    assert_eq!(want.len(), all.len());
}

#[test]
fn pages_with_next_page_across_three_pages_newest_first() {
    let mut account = DemoAccount::seeded();
    let mut newest_first = expected(&account, |_| true);
    let t = account.customers().iter().find(|c| c.id == newest_first[24]).unwrap().created;
    newest_first.truncate(25);
    let query = format!("created>={t}");

    let mut page: Option<String> = None;
    let (mut seen, mut sizes, mut tokens) = (Vec::new(), Vec::new(), Vec::new());
    loop {
        let mut params = vec![("query", query.as_str()), ("expand[]", "total_count")];
        if let Some(p) = &page {
            params.push(("page", p));
        }
        let body = ok(&mut account, &params);
        assert_eq!(body["total_count"], 25, "counts every match, on every page");
        sizes.push(body["data"].as_array().unwrap().len());
        seen.extend(ids(&body));
        let has_more = body["has_more"].as_bool().unwrap();
        match body["next_page"].as_str() {
            Some(token) => {
                assert!(has_more);
                tokens.push(token.to_string());
                page = Some(token.to_string());
            }
            None => {
                assert!(!has_more);
                break;
            }
        }
    }
    assert_eq!(sizes, [10, 10, 5], "limit defaults to 10");
    assert_eq!(seen, newest_first);
    assert_eq!(tokens.len(), 2);
    assert_ne!(tokens[0], tokens[1]);

    // The same page token gives the same page again; a limit applies from there.
    let again = ok(&mut account, &[("query", &query), ("page", &tokens[0])]);
    assert_eq!(ids(&again), newest_first[10..20]);
    let short = ok(&mut account, &[("query", &query), ("page", &tokens[0]), ("limit", "3")]);
    assert_eq!(ids(&short), newest_first[10..13]);
    assert_eq!(short["has_more"], true);
    let all = ok(&mut account, &[("query", &query), ("limit", "25")]);
    assert_eq!(
        (ids(&all), &all["has_more"], &all["next_page"]),
        (newest_first, &false.into(), &Value::Null)
    );
}

#[test]
fn total_count_only_when_expanded() {
    let mut account = DemoAccount::seeded();
    let gmail = expected(&account, |c| lower(&c.email).is_some_and(|e| e.contains("gmail")));
    let plain = ok(&mut account, &[("query", "email~'gmail'")]);
    assert!(plain.get("total_count").is_none());
    for key in ["expand[]", "expand[0]"] {
        let body =
            ok(&mut account, &[("query", "email~'gmail'"), ("limit", "1"), (key, "total_count")]);
        assert_eq!(body["total_count"], gmail.len());
        assert_eq!(body["data"].as_array().unwrap().len(), 1);
    }
    let none =
        ok(&mut account, &[("query", "email:'nobody@nowhere.test'"), ("expand[]", "total_count")]);
    assert_eq!((&none["total_count"], none["data"].as_array().unwrap().len()), (&0.into(), 0));
}

#[test]
fn live_account_finds_nothing() {
    let mut live = DemoAccount::empty_live();
    let body = ok(&mut live, &[("query", "created>0")]);
    assert!(ids(&body).is_empty());
    assert_eq!((&body["has_more"], &body["next_page"]), (&false.into(), &Value::Null));
}

#[test]
fn parameter_errors_are_stripes() {
    let mut account = DemoAccount::seeded();
    for params in [&[][..], &[("query", "")], &[("limit", "5")]] {
        let body = error(&mut account, params);
        assert_eq!(body.message.as_deref(), Some("Missing required param: query."));
        assert_eq!(body.param.as_deref(), Some("query"));
    }
    for (limit, message) in [
        ("abc", "Invalid integer: abc"),
        ("2.5", "Invalid integer: 2.5"),
        ("0", "This value must be greater than or equal to 1."),
        ("101", "This value must be less than or equal to 100."),
    ] {
        let body = error(&mut account, &[("query", "created>0"), ("limit", limit)]);
        assert_eq!(
            (body.message.as_deref(), body.param.as_deref()),
            (Some(message), Some("limit"))
        );
    }
    let body = error(&mut account, &[("query", "created>0"), ("starting_after", "cus_1")]);
    let message = "Received unknown parameter: starting_after";
    assert_eq!(
        (body.message.as_deref(), body.param.as_deref()),
        (Some(message), Some("starting_after"))
    );
    for token in ["nonsense", "00", "6375735f31"] {
        let body = error(&mut account, &[("query", "created>0"), ("page", token)]);
        assert_eq!(body.param.as_deref(), Some("page"));
        assert!(body.message.unwrap().contains(&format!("'{token}' is not a page token")));
    }
}

#[test]
fn invalid_queries_say_what_and_where() {
    let mut account = DemoAccount::seeded();
    let cases = [
        ("   ", "The query is empty"),
        ("colour:'red'", "Unknown field `colour` at character 1"),
        ("email", "after `email` at character 6, found the end of the query"),
        ("email:", "Expected a value right after `email:` at character 7"),
        ("name:ada", "Unquoted value `ada` at character 6"),
        ("name:'ada", "Unterminated string: the ' at character 6 has no closing '"),
        ("email~'ab'", "at least 3 characters: 'ab' at character 7 has 2"),
        ("name~''", "at least 3 characters"),
        ("name>'a'", "`>` at character 5 compares numbers"),
        ("created:'soon'", "`created` takes a Unix timestamp in seconds, not 'soon'"),
        ("created~'2024'", "`~` at character 8 matches substrings of email, name or phone"),
        ("metadata:'x'", "metadata['key']:'value': expected `[` at character 9"),
        ("(name:'a' OR name:'b')", "Parentheses aren't supported"),
        ("email:'a'name:'b'", "Expected a space, AND or OR between clauses at character 10"),
        ("email:'a' AND", "`AND` at character 11 must be followed by a space and a clause"),
        ("email:'a' AND name:'b' OR phone:'c'", "AND and OR can't be mixed in one query: `OR`"),
        (
            "email:'a' AND name:'b' OR phone:'c'",
            "`OR` at character 24 follows `AND` at character 11",
        ),
        ("email:'a' OR name:'b' phone:'c'", "a space at character 23 follows `OR` at character 11"),
    ];
    for (query, want) in cases {
        let message = query_error(&mut account, query);
        assert!(message.starts_with("Invalid search query: "), "{message}");
        assert!(message.contains(want), "{query:?}\n got: {message}\nwant: {want}");
    }
    let ten = ["created>1"; 10].join(" AND ");
    assert_eq!(search(&mut account, &ten), expected(&account, |c| c.created > 1));
    let eleven = ["created>1"; 11].join(" AND ");
    let message = query_error(&mut account, &eleven);
    assert_eq!(
        message,
        "Invalid search query: A query can have at most 10 clauses; this one has 11."
    );
}

#[test]
fn search_is_routed_before_retrieve() {
    let mut account = DemoAccount::seeded();
    // Not "No such customer: 'search'".
    let response = call(&mut account, &[("query", "created>0")]);
    assert_eq!(response.status, 200);
    let with_slash = account.handle(&ApiRequest::new(Method::Get, "/v1/customers/search/", &[]));
    assert_eq!(with_slash.status, 404);
}
