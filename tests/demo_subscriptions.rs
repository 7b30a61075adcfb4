//! `POST /v1/subscriptions` and `DELETE /v1/subscriptions/:id` on the demo account: the first
//! invoice and charge, Stripe's validation, declines, cancelling, and idempotent retries.

mod demo_support;

use demo_support::*;
use serde_json::Value;
use stripe_app::api::Method;
use stripe_app::demo::{DemoAccount, DEMO_NOW};

/// A usd customer with a default card that charges fine and no subscription yet.
fn fresh_usd_customer(account: &mut DemoAccount) -> (String, String) {
    for c in account.customers().to_vec() {
        let Some(pm) = account.default_payment_method(&c.id).map(String::from) else { continue };
        let card = fetch(account, &format!("/v1/payment_methods/{pm}"), &[]);
        let subs = all(account, "/v1/subscriptions", &[("customer", &c.id), ("status", "all")]);
        if c.currency.as_deref() == Some("usd")
            && card["card"]["last4"] != "0341"
            && subs.is_empty()
        {
            return (c.id, pm);
        }
    }
    panic!("no fresh usd customer");
}

/// The active price with this lookup key.
fn price(account: &mut DemoAccount, lookup_key: &str) -> Value {
    let prices = all(account, "/v1/prices", &[]);
    prices.into_iter().find(|p| p["lookup_key"] == lookup_key).unwrap()
}

/// Form parameters, the param the error names, and how its message starts.
type Case<'a> = (Vec<(String, String)>, Option<&'a str>, &'a str);

fn subscribe(account: &mut DemoAccount, extra: &[(&str, &str)]) -> Value {
    ok(post(account, "/v1/subscriptions", extra))
}

// ===== Subscribing and cancelling =====

#[test]
fn subscribing_bills_the_first_invoice_and_charges_the_default_card() {
    let mut account = DemoAccount::seeded();
    let (customer, card) = fresh_usd_customer(&mut account);
    let growth = price(&mut account, "growth_monthly");
    let before = fetch(&mut account, &format!("/v1/customers/{customer}"), &[]);
    let sub = subscribe(
        &mut account,
        &[
            ("customer", &customer),
            ("items[0][price]", s(&growth["id"])),
            ("items[0][quantity]", "3"),
            ("off_session", "true"),
            ("expand[]", "latest_invoice.payments"),
        ],
    );
    assert_eq!(sub["status"], "active");
    assert!(int(&sub["created"]) > DEMO_NOW && int(&sub["created"]) <= account.now());
    assert_eq!(sub["items"]["data"][0]["price"]["id"], growth["id"]);
    let invoice = &sub["latest_invoice"];
    assert_eq!(
        (invoice["status"].as_str(), int(&invoice["amount_paid"])),
        (Some("paid"), 3 * 4_900)
    );
    assert_eq!(invoice["billing_reason"], "subscription_create");
    let pi_id = s(&invoice["payments"]["data"][0]["payment"]["payment_intent"]).to_string();

    let intents = all(&mut account, "/v1/payment_intents", &[("customer", &customer)]);
    assert_eq!(intents[0]["id"], pi_id.as_str(), "the new charge is the customer's newest");
    assert_eq!(
        (intents[0]["status"].as_str(), int(&intents[0]["amount"])),
        (Some("succeeded"), 14_700)
    );
    assert_eq!(intents[0]["payment_method"], card.as_str());
    let id = s(&sub["id"]).to_string();
    let invoices = all(&mut account, "/v1/invoices", &[("subscription", &id)]);
    assert_eq!(ids(&invoices), [s(&invoice["id"])]);
    assert_eq!(ids(&all(&mut account, "/v1/subscriptions", &[("customer", &customer)])), [id]);
    let after = fetch(&mut account, &format!("/v1/customers/{customer}"), &[]);
    let next = |c: &Value| int(&c["next_invoice_sequence"]);
    assert_eq!(next(&after), next(&before) + 1);
    assert!(s(&invoice["number"]).ends_with(&format!("{:04}", next(&before))));
}

#[test]
fn subscribing_with_an_explicit_payment_method_and_expanding_the_invoice() {
    let mut account = DemoAccount::seeded();
    let (customer, card) = fresh_usd_customer(&mut account);
    let starter = price(&mut account, "starter_yearly");
    let sub = subscribe(
        &mut account,
        &[
            ("customer", &customer),
            ("items[0][price]", s(&starter["id"])),
            ("default_payment_method", &card),
            ("expand[0]", "latest_invoice"),
        ],
    );
    assert_eq!(sub["default_payment_method"], card.as_str());
    assert_eq!(sub["latest_invoice"]["object"], "invoice");
    let item = &sub["items"]["data"][0];
    let days = (int(&item["current_period_end"]) - int(&item["current_period_start"])) / 86_400;
    assert_eq!(days, 365);
    let plain = fetch(&mut account, &format!("/v1/subscriptions/{}", s(&sub["id"])), &[]);
    assert_eq!(plain["latest_invoice"], sub["latest_invoice"]["id"], "an id unless expanded");
}

#[test]
fn subscription_create_is_validated_like_stripe() {
    let mut account = DemoAccount::seeded();
    let (customer, _) = fresh_usd_customer(&mut account);
    let growth = s(&price(&mut account, "growth_monthly")["id"]).to_string();
    let onboarding =
        s(&all(&mut account, "/v1/prices", &[("type", "one_time")])[0]["id"]).to_string();
    let retired = all(&mut account, "/v1/prices", &[("active", "false")]);
    let retired = s(&retired[0]["id"]).to_string();
    let other_pm = account
        .customers()
        .iter()
        .filter(|c| c.id != customer)
        .find_map(|c| account.default_payment_method(&c.id))
        .unwrap()
        .to_string();
    let eur = account.customers().iter().find(|c| c.currency.as_deref() == Some("eur")).unwrap();
    let eur = eur.id.clone();
    let no_pm = account
        .customers()
        .iter()
        .find(|c| {
            c.currency.as_deref() == Some("usd") && account.default_payment_method(&c.id).is_none()
        })
        .unwrap()
        .id
        .clone();
    let with = |extra: &[(&'static str, &str)]| -> Vec<(String, String)> {
        let mut p = vec![
            ("customer".to_string(), customer.clone()),
            ("items[0][price]".into(), growth.clone()),
        ];
        for (k, v) in extra {
            p.retain(|(key, _)| key != k);
            if !v.is_empty() {
                p.push((k.to_string(), v.to_string()));
            }
        }
        p
    };
    let not_theirs = format!("The customer does not have a payment method with the ID {other_pm}.");
    let cases: Vec<Case> = vec![
        (with(&[("customer", "")]), Some("customer"), "Missing required param: customer."),
        (with(&[("items[0][price]", "")]), Some("items"), "Missing required param: items."),
        (with(&[("coupon", "X")]), Some("coupon"), "Received unknown parameter: coupon"),
        (
            with(&[("items[0][quantity]", "0")]),
            Some("items[0][quantity]"),
            "This value must be greater",
        ),
        (
            with(&[("items[0][quantity]", "two")]),
            Some("items[0][quantity]"),
            "Invalid integer: two",
        ),
        (with(&[("off_session", "maybe")]), Some("off_session"), "Invalid boolean: maybe"),
        (with(&[("customer", "cus_nope")]), Some("customer"), "No such customer: 'cus_nope'"),
        (
            with(&[("items[0][price]", "price_nope")]),
            Some("items[0][price]"),
            "No such price: 'price_nope'",
        ),
        (
            with(&[("items[0][price]", &onboarding)]),
            Some("items[0][price]"),
            "The price specified is set to `type=one_time` but this field only accepts prices \
             with `type=recurring`.",
        ),
        (
            with(&[("items[0][price]", &retired)]),
            Some("items[0][price]"),
            "The price specified is inactive",
        ),
        (with(&[("customer", &eur)]), Some("items[0][price]"), "You cannot combine currencies"),
        (
            with(&[("default_payment_method", "pm_nope")]),
            Some("default_payment_method"),
            "No such PaymentMethod: 'pm_nope'",
        ),
        (
            with(&[("default_payment_method", &other_pm)]),
            Some("default_payment_method"),
            &not_theirs,
        ),
        (with(&[("customer", &no_pm)]), None, "This customer has no attached payment source"),
    ];
    let before = all(&mut account, "/v1/subscriptions", &[("status", "all")]).len();
    for (params, param, message) in &cases {
        let req = stripe_app::api::ApiRequest::new(Method::Post, "/v1/subscriptions", params);
        assert_refused(&account.handle(&req), 400, *param, message);
    }
    assert_eq!(all(&mut account, "/v1/subscriptions", &[("status", "all")]).len(), before);
}

#[test]
fn a_declining_default_card_leaves_the_subscription_incomplete() {
    let mut account = DemoAccount::seeded();
    let customer = account
        .customers()
        .to_vec()
        .into_iter()
        .find(|c| {
            let Some(pm) = account.default_payment_method(&c.id).map(String::from) else {
                return false;
            };
            fetch(&mut account, &format!("/v1/payment_methods/{pm}"), &[])["card"]["last4"]
                == "0341"
        })
        .expect("a customer whose default card declines");
    let growth = price(&mut account, "growth_monthly");
    let sub = subscribe(
        &mut account,
        &[
            ("customer", &customer.id),
            ("items[0][price]", s(&growth["id"])),
            ("expand[]", "latest_invoice"),
        ],
    );
    assert_eq!(sub["status"], "incomplete");
    assert_eq!(sub["latest_invoice"]["status"], "open");
    let pi = &all(&mut account, "/v1/payment_intents", &[("customer", &customer.id)])[0];
    assert_eq!(pi["status"], "requires_payment_method");
    assert_eq!(pi["last_payment_error"]["code"], "card_declined");
}

#[test]
fn cancelling_ends_the_subscription_once() {
    let mut account = DemoAccount::seeded();
    let sub = all(&mut account, "/v1/subscriptions", &[("status", "active")]).remove(0);
    let path = format!("/v1/subscriptions/{}", s(&sub["id"]));
    let params = [
        ("cancellation_details[comment]", "Moving to annual invoicing"),
        ("cancellation_details[feedback]", "other"),
    ];
    let canceled = ok(delete(&mut account, &path, &params));
    assert_eq!(canceled["status"], "canceled");
    assert!(int(&canceled["canceled_at"]) > DEMO_NOW);
    assert_eq!(canceled["ended_at"], canceled["canceled_at"]);
    assert_eq!(canceled["cancellation_details"]["reason"], "cancellation_requested");
    assert_eq!(canceled["cancellation_details"]["comment"], "Moving to annual invoicing");
    assert_eq!(fetch(&mut account, &path, &[]), canceled);
    let customer = s(&sub["customer"]).to_string();
    let listed = all(&mut account, "/v1/subscriptions", &[("customer", &customer)]);
    assert!(!listed.iter().any(|s| s["id"] == sub["id"]), "no longer listed by default");

    // Stripe treats a canceled subscription as gone when asked to cancel it again.
    let again = delete(&mut account, &path, &[]);
    assert_refused(&again, 404, Some("id"), &format!("No such subscription: '{}'", s(&sub["id"])));
    let bad = delete(&mut account, &path, &[("cancellation_details[feedback]", "meh")]);
    assert_refused(
        &bad,
        400,
        Some("cancellation_details[feedback]"),
        "Invalid cancellation_details[feedback]",
    );
    let unknown = delete(&mut account, &path, &[("prorate", "true")]);
    assert_refused(&unknown, 400, Some("prorate"), "Received unknown parameter: prorate");
    assert_refused(
        &delete(&mut account, "/v1/subscriptions/sub_x", &[]),
        404,
        Some("id"),
        "No such subscription",
    );
}

// ===== Idempotency =====

#[test]
fn a_retried_subscription_create_replays_and_other_parameters_are_refused() {
    let mut account = DemoAccount::seeded();
    let (customer, _) = fresh_usd_customer(&mut account);
    let growth = price(&mut account, "growth_monthly");
    let params = [("customer", customer.as_str()), ("items[0][price]", s(&growth["id"]))];
    let req = request(Method::Post, "/v1/subscriptions", &params, Some("sub-key"));
    let (first, retry) = (account.handle(&req), account.handle(&req));
    assert_eq!((retry.status, &retry.body), (200, &first.body));
    assert_eq!(header(&retry, "Idempotent-Replayed"), Some("true"));
    assert_eq!(all(&mut account, "/v1/subscriptions", &[("customer", &customer)]).len(), 1);
    assert_eq!(
        all(&mut account, "/v1/payment_intents", &[("customer", &customer)]).len(),
        1,
        "charged once"
    );

    let more = [
        ("customer", customer.as_str()),
        ("items[0][price]", s(&growth["id"])),
        ("items[0][quantity]", "2"),
    ];
    let reused =
        account.handle(&request(Method::Post, "/v1/subscriptions", &more, Some("sub-key")));
    assert_eq!(reused.status, 400);
    assert_eq!(stripe_error(&reused).kind, "idempotency_error");

    // A retried cancel gets the first answer back rather than "No such subscription".
    let path = format!("/v1/subscriptions/{}", s(&ok(first)["id"]));
    let cancel = request(Method::Delete, &path, &[], Some("cancel-key"));
    let (first, retry) = (account.handle(&cancel), account.handle(&cancel));
    assert_eq!((first.status, retry.status), (200, 200));
    assert_eq!((&retry.body, header(&retry, "Idempotent-Replayed")), (&first.body, Some("true")));
    let elsewhere = request(Method::Post, &path, &[], Some("cancel-key"));
    let refused = account.handle(&elsewhere);
    assert_eq!(stripe_error(&refused).kind, "idempotency_error");
}
