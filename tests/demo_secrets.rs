//! The Secret Store (`/v1/apps/secrets`, reference §8.3) on the demo account.

mod demo_support;

use demo_support::*;
use stripe_app::api::{ApiResponse, Method};
use stripe_app::demo::{DemoAccount, DEMO_NOW, MAX_SECRETS_PER_SCOPE};

const ACCOUNT: &[(&str, &str)] = &[("scope[type]", "account")];
const ALICE: &[(&str, &str)] = &[("scope[type]", "user"), ("scope[user]", "usr_alice")];

fn with<'a>(scope: &[(&'a str, &'a str)], more: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    scope.iter().chain(more).copied().collect()
}

fn set(
    account: &mut DemoAccount,
    scope: &[(&str, &str)],
    name: &str,
    payload: &str,
) -> ApiResponse {
    post(account, "/v1/apps/secrets", &with(scope, &[("name", name), ("payload", payload)]))
}

fn find(account: &mut DemoAccount, scope: &[(&str, &str)], name: &str) -> ApiResponse {
    get(account, "/v1/apps/secrets/find", &with(scope, &[("name", name), ("expand[]", "payload")]))
}

fn names(account: &mut DemoAccount, scope: &[(&str, &str)]) -> Vec<String> {
    all(account, "/v1/apps/secrets", scope)
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn set_find_list_and_delete_a_secret() {
    let mut account = DemoAccount::seeded();
    let created = ok(set(&mut account, ACCOUNT, "crm_token", "tok_123"));
    assert_eq!(created["object"], "apps.secret");
    assert_eq!(created["scope"], serde_json::json!({ "type": "account" }));
    assert!(created.get("payload").is_none(), "no payload unless expanded");
    let found = ok(find(&mut account, ACCOUNT, "crm_token"));
    assert_eq!((&found["id"], found["payload"].as_str()), (&created["id"], Some("tok_123")));
    let plain =
        fetch(&mut account, "/v1/apps/secrets/find", &with(ACCOUNT, &[("name", "crm_token")]));
    assert!(plain.get("payload").is_none());

    // Setting the same name replaces the payload; it stays one secret.
    ok(set(&mut account, ACCOUNT, "crm_token", "tok_456"));
    assert_eq!(ok(find(&mut account, ACCOUNT, "crm_token"))["payload"], "tok_456");
    ok(set(&mut account, ACCOUNT, "webhook_key", "whsec_1"));
    assert_eq!(names(&mut account, ACCOUNT), ["webhook_key", "crm_token"], "newest first");
    let listed =
        fetch(&mut account, "/v1/apps/secrets", &with(ACCOUNT, &[("expand[]", "data.payload")]));
    assert_eq!(listed["data"][1]["payload"], "tok_456");

    let deleted =
        ok(post(&mut account, "/v1/apps/secrets/delete", &with(ACCOUNT, &[("name", "crm_token")])));
    assert_eq!((deleted["deleted"].as_bool(), &deleted["id"]), (Some(true), &created["id"]));
    assert_refused(
        &find(&mut account, ACCOUNT, "crm_token"),
        404,
        Some("name"),
        "No such secret: 'crm_token'",
    );
    let again =
        post(&mut account, "/v1/apps/secrets/delete", &with(ACCOUNT, &[("name", "crm_token")]));
    assert_eq!(again.status, 404);
    assert_eq!(names(&mut account, ACCOUNT), ["webhook_key"]);
}

#[test]
fn user_scopes_are_separate_and_need_exactly_a_user() {
    let mut account = DemoAccount::seeded();
    ok(set(&mut account, ALICE, "token", "alice's"));
    ok(set(&mut account, ACCOUNT, "token", "shared"));
    let bob = [("scope[type]", "user"), ("scope[user]", "usr_bob")];
    assert_eq!(ok(find(&mut account, ALICE, "token"))["payload"], "alice's");
    assert_eq!(ok(find(&mut account, ACCOUNT, "token"))["payload"], "shared");
    assert_eq!(find(&mut account, &bob, "token").status, 404);
    assert_eq!(ok(find(&mut account, ALICE, "token"))["scope"]["user"], "usr_alice");
    assert!(names(&mut account, &bob).is_empty());

    let no_user = set(&mut account, &[("scope[type]", "user")], "x", "y");
    assert_refused(&no_user, 400, Some("scope[user]"), "Missing required param: scope[user].");
    let account_with_user =
        set(&mut account, &[("scope[type]", "account"), ("scope[user]", "usr_alice")], "x", "y");
    assert_refused(
        &account_with_user,
        400,
        Some("scope[user]"),
        "You can only specify `scope[user]`",
    );
    assert_refused(
        &set(&mut account, &[], "x", "y"),
        400,
        Some("scope[type]"),
        "Missing required param: scope[type].",
    );
    let odd = set(&mut account, &[("scope[type]", "team")], "x", "y");
    assert_refused(
        &odd,
        400,
        Some("scope[type]"),
        "Invalid scope[type]: must be one of account, or user",
    );
    let list = get(&mut account, "/v1/apps/secrets", &[("scope[type]", "user")]);
    assert_refused(&list, 400, Some("scope[user]"), "Missing required param: scope[user].");
    for (params, param) in [
        (vec![("payload", "p"), ("scope[type]", "account")], "name"),
        (vec![("name", "n"), ("scope[type]", "account")], "payload"),
    ] {
        let response = post(&mut account, "/v1/apps/secrets", &params);
        assert_refused(&response, 400, Some(param), &format!("Missing required param: {param}."));
    }
    let unknown = post(
        &mut account,
        "/v1/apps/secrets",
        &with(ACCOUNT, &[("name", "n"), ("payload", "p"), ("ttl", "5")]),
    );
    assert_refused(&unknown, 400, Some("ttl"), "Received unknown parameter: ttl");
}

#[test]
fn a_scope_holds_at_most_ten_secrets() {
    let mut account = DemoAccount::seeded();
    assert_eq!(MAX_SECRETS_PER_SCOPE, 10);
    for n in 0..10 {
        ok(set(&mut account, ACCOUNT, &format!("s{n}"), "v"));
    }
    let eleventh = set(&mut account, ACCOUNT, "s10", "v");
    assert_refused(
        &eleventh,
        400,
        Some("name"),
        "This scope already holds the maximum of 10 secrets.",
    );
    assert_eq!(find(&mut account, ACCOUNT, "s10").status, 404);
    ok(set(&mut account, ACCOUNT, "s3", "replaced"));
    ok(set(&mut account, ALICE, "s10", "another scope has room"));
    ok(post(&mut account, "/v1/apps/secrets/delete", &with(ACCOUNT, &[("name", "s0")])));
    ok(set(&mut account, ACCOUNT, "s10", "v"));
    assert_eq!(names(&mut account, ACCOUNT).len(), 10);
}

#[test]
fn expires_at_is_checked_against_the_demo_clock_and_expired_secrets_are_gone() {
    let mut account = DemoAccount::seeded();
    let now = account.now();
    assert_eq!(now, DEMO_NOW);
    let century = 3_155_760_000_i64;
    for (at, message) in [
        (now - 1, "The `expires_at` timestamp must be in the future."),
        (now, "The `expires_at` timestamp must be in the future."),
        (now + century + 1, "The `expires_at` timestamp must be at most 100 years in the future."),
    ] {
        let params = with(ACCOUNT, &[("name", "n"), ("payload", "p")]);
        let at = at.to_string();
        let response =
            post(&mut account, "/v1/apps/secrets", &with(&params, &[("expires_at", &at)]));
        assert_refused(&response, 400, Some("expires_at"), message);
    }
    let bad = post(
        &mut account,
        "/v1/apps/secrets",
        &with(ACCOUNT, &[("name", "n"), ("payload", "p"), ("expires_at", "soon")]),
    );
    assert_refused(&bad, 400, Some("expires_at"), "Invalid integer: soon");
    let far = (account.now() + century).to_string();
    ok(post(
        &mut account,
        "/v1/apps/secrets",
        &with(ACCOUNT, &[("name", "far"), ("payload", "p"), ("expires_at", &far)]),
    ));

    let soon = (account.now() + 60).to_string();
    let created = ok(post(
        &mut account,
        "/v1/apps/secrets",
        &with(ACCOUNT, &[("name", "short"), ("payload", "p"), ("expires_at", &soon)]),
    ));
    assert_eq!(created["expires_at"].as_i64(), soon.parse().ok());
    account.advance_clock(30);
    assert_eq!(ok(find(&mut account, ACCOUNT, "short"))["payload"], "p");
    account.advance_clock(60);
    assert_eq!(find(&mut account, ACCOUNT, "short").status, 404, "expired");
    assert_eq!(names(&mut account, ACCOUNT), ["far"]);
    // Expired secrets no longer count against the limit.
    for n in 0..9 {
        ok(set(&mut account, ACCOUNT, &format!("s{n}"), "v"));
    }
}

#[test]
fn a_retried_set_replays_and_secrets_have_the_fixture_keys() {
    let mut account = DemoAccount::seeded();
    let params = with(ACCOUNT, &[("name", "k"), ("payload", "v1")]);
    let req = request(Method::Post, "/v1/apps/secrets", &params, Some("secret-key"));
    let (first, retry) = (account.handle(&req), account.handle(&req));
    assert_eq!((&retry.body, header(&retry, "Idempotent-Replayed")), (&first.body, Some("true")));
    let other = with(ACCOUNT, &[("name", "k"), ("payload", "v2")]);
    let refused =
        account.handle(&request(Method::Post, "/v1/apps/secrets", &other, Some("secret-key")));
    assert_eq!(stripe_error(&refused).kind, "idempotency_error");
    assert_eq!(ok(find(&mut account, ACCOUNT, "k"))["payload"], "v1");

    let want = fixture_keys("apps.secret");
    assert_eq!(keys(&ok(first)), want);
    let mut with_payload = want.clone();
    with_payload.insert("payload".into());
    assert_eq!(keys(&ok(find(&mut account, ACCOUNT, "k"))), with_payload);
    let deleted =
        ok(post(&mut account, "/v1/apps/secrets/delete", &with(ACCOUNT, &[("name", "k")])));
    let mut with_deleted = want;
    with_deleted.insert("deleted".into());
    assert_eq!(keys(&deleted), with_deleted);
    let mut live = DemoAccount::empty_live();
    assert_eq!(ok(set(&mut live, ACCOUNT, "k", "v"))["livemode"], true);
}
