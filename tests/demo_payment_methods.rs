//! Payment methods and setup intents on the demo account: saved cards, and Amazon Pay set up
//! with a mandate (reference §13.6) through to a subscription charged to it.

mod demo_support;

use demo_support::*;
use serde_json::Value;
use std::collections::BTreeSet;
use stripe_app::api::Method;
use stripe_app::demo::{amazon_pay_redirect_setup_intent, DemoAccount, AMAZON_PAY_AUTHORIZE_URL};

/// A usd customer with no subscription and a saved card.
fn usd_customer(account: &mut DemoAccount) -> String {
    for c in account.customers().to_vec() {
        let subs = all(account, "/v1/subscriptions", &[("customer", &c.id), ("status", "all")]);
        let cards = all(account, "/v1/payment_methods", &[("customer", &c.id), ("type", "card")]);
        if c.currency.as_deref() == Some("usd") && subs.is_empty() && !cards.is_empty() {
            return c.id;
        }
    }
    panic!("no usd customer with a card and no subscription");
}

/// The parameters reference §13.6 sends, for `customer`.
fn amazon_pay_params(customer: &str) -> Vec<(&'static str, String)> {
    vec![
        ("confirm", "true".into()),
        ("return_url", "https://dashboard.stripe.com/test/customers".into()),
        ("usage", "off_session".into()),
        ("customer", customer.into()),
        ("payment_method_data[type]", "amazon_pay".into()),
        ("payment_method_types[0]", "amazon_pay".into()),
        ("mandate_data[customer_acceptance][type]", "online".into()),
        ("mandate_data[customer_acceptance][online][ip_address]", "203.0.113.7".into()),
        ("mandate_data[customer_acceptance][online][user_agent]", "Mozilla/5.0 (demo)".into()),
    ]
}

fn borrow<'a>(params: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    params.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// A setup intent awaiting the customer at Amazon.
fn start_amazon_pay(account: &mut DemoAccount, customer: &str) -> Value {
    let params = amazon_pay_params(customer);
    ok(post(account, "/v1/setup_intents", &borrow(&params)))
}

fn payment_method_ids(account: &mut DemoAccount, customer: &str) -> Vec<String> {
    ids(&all(account, &format!("/v1/customers/{customer}/payment_methods"), &[]))
}

#[test]
fn customers_save_cards_of_several_brands_and_some_amazon_pay() {
    let mut account = DemoAccount::seeded();
    let (mut brands, mut amazon, mut with_methods, mut defaults) = (BTreeSet::new(), 0, 0, 0);
    for c in account.customers().to_vec() {
        let methods = all(&mut account, "/v1/payment_methods", &[("customer", &c.id)]);
        let path = format!("/v1/customers/{}/payment_methods", c.id);
        assert_eq!(ids(&all(&mut account, &path, &[])), ids(&methods), "both paths agree");
        with_methods += usize::from(!methods.is_empty());
        for pm in &methods {
            assert_eq!(pm["customer"], c.id.as_str());
            match s(&pm["type"]) {
                "card" => drop(brands.insert(s(&pm["card"]["brand"]).to_string())),
                "amazon_pay" => amazon += 1,
                other => panic!("{other}"),
            }
        }
        let json = fetch(&mut account, &format!("/v1/customers/{}", c.id), &[]);
        let default = &json["invoice_settings"]["default_payment_method"];
        if let Some(pm) = default.as_str() {
            defaults += 1;
            assert!(methods.iter().any(|m| m["id"] == pm), "the default is one of theirs");
            let path = format!("/v1/customers/{}", c.id);
            let expand = [("expand[]", "invoice_settings.default_payment_method")];
            let inline = fetch(&mut account, &path, &expand);
            let object = &inline["invoice_settings"]["default_payment_method"];
            assert_eq!(
                (object["object"].as_str(), object["id"].as_str()),
                (Some("payment_method"), Some(pm))
            );
        }
    }
    let expand = [("limit", "100"), ("expand[]", "data.invoice_settings.default_payment_method")];
    let list = fetch(&mut account, "/v1/customers", &expand);
    let inline = list["data"].as_array().unwrap().iter();
    let objects = inline.filter(|c| c["invoice_settings"]["default_payment_method"].is_object());
    assert_eq!(objects.count(), defaults, "expanded in the list too");
    assert!(brands.len() >= 4, "{brands:?}");
    assert!(amazon >= 3, "{amazon}");
    let total = account.customers().len();
    assert!(with_methods >= 30 && with_methods < total, "{with_methods}");
    assert!(defaults >= 20 && defaults < with_methods, "{defaults}");
}

#[test]
fn payment_method_lists_filter_by_type_and_check_the_customer() {
    let mut account = DemoAccount::seeded();
    let customer = account
        .customers()
        .to_vec()
        .into_iter()
        .find(|c| {
            all(&mut account, "/v1/payment_methods", &[("customer", &c.id), ("type", "amazon_pay")])
                .len()
                == 1
        })
        .unwrap()
        .id;
    let every = all(&mut account, "/v1/payment_methods", &[("customer", &customer)]);
    let cards =
        all(&mut account, "/v1/payment_methods", &[("customer", &customer), ("type", "card")]);
    assert!(cards.iter().all(|pm| pm["type"] == "card" && pm["card"]["last4"].is_string()));
    assert_eq!(cards.len() + 1, every.len());
    let path = format!("/v1/customers/{customer}/payment_methods");
    let amazon = all(&mut account, &path, &[("type", "amazon_pay")]);
    assert_eq!(amazon[0]["amazon_pay"], serde_json::json!({}));

    let bad =
        get(&mut account, "/v1/payment_methods", &[("customer", &customer), ("type", "cheque")]);
    assert_refused(&bad, 400, Some("type"), "Invalid type: must be one of");
    let nobody = get(&mut account, "/v1/payment_methods", &[("customer", "cus_nope")]);
    assert_refused(&nobody, 400, Some("customer"), "No such customer: 'cus_nope'");
    let path = "/v1/customers/cus_nope/payment_methods";
    assert_refused(&get(&mut account, path, &[]), 404, Some("id"), "No such customer: 'cus_nope'");
    let pm = s(&every[0]["id"]).to_string();
    assert_eq!(fetch(&mut account, &format!("/v1/payment_methods/{pm}"), &[]), every[0]);
    let missing = get(&mut account, "/v1/payment_methods/pm_nope", &[]);
    assert_refused(&missing, 404, Some("id"), "No such PaymentMethod: 'pm_nope'");
}

#[test]
fn amazon_pay_setup_redirects_and_an_approval_gives_a_chargeable_method() {
    let mut account = DemoAccount::seeded();
    let customer = usd_customer(&mut account);
    let before = payment_method_ids(&mut account, &customer);
    let si = start_amazon_pay(&mut account, &customer);
    assert_eq!(si["status"], "requires_action");
    assert_eq!(si["payment_method_types"], serde_json::json!(["amazon_pay"]));
    let id = s(&si["id"]).to_string();
    assert!(s(&si["client_secret"]).starts_with(&format!("{id}_secret_")));
    let redirect = &si["next_action"]["redirect_to_url"];
    assert_eq!(si["next_action"]["type"], "redirect_to_url");
    assert_eq!(redirect["return_url"], "https://dashboard.stripe.com/test/customers");
    let url = s(&redirect["url"]);
    assert!(url.starts_with(AMAZON_PAY_AUTHORIZE_URL), "{url}");
    assert_eq!(amazon_pay_redirect_setup_intent(url), Some(id.clone()));
    assert_eq!(amazon_pay_redirect_setup_intent("https://example.com/?setup_intent=seti_1"), None);
    assert_eq!(payment_method_ids(&mut account, &customer), before, "nothing usable yet");
    // The preview host offers exactly this intent for the customer to authorize.
    let waiting = account.awaiting_authorization();
    assert_eq!(waiting.len(), 1);
    assert_eq!(
        (waiting[0].setup_intent.as_str(), waiting[0].customer.as_deref(), waiting[0].url.as_str()),
        (id.as_str(), Some(customer.as_str()), url)
    );

    account.authorize_setup_intent(&id, true).unwrap();
    assert!(account.awaiting_authorization().is_empty(), "no longer waiting");
    let done =
        fetch(&mut account, &format!("/v1/setup_intents/{id}"), &[("expand[]", "payment_method")]);
    assert_eq!(done["status"], "succeeded");
    assert!(done["next_action"].is_null());
    assert!(s(&done["mandate"]).starts_with("mandate_"));
    let pm = &done["payment_method"];
    assert_eq!(
        (pm["type"].as_str(), pm["customer"].as_str()),
        (Some("amazon_pay"), Some(customer.as_str()))
    );
    let pm_id = s(&pm["id"]).to_string();
    let after = payment_method_ids(&mut account, &customer);
    assert_eq!(after[0], pm_id, "listed first, as the newest");
    assert!(account.authorize_setup_intent(&id, true).is_err(), "nothing left to authorize");

    // It pays for a subscription.
    let prices = all(
        &mut account,
        "/v1/prices",
        &[("type", "recurring"), ("currency", "usd"), ("active", "true")],
    );
    let sub = ok(post(
        &mut account,
        "/v1/subscriptions",
        &[
            ("customer", &customer),
            ("items[0][price]", s(&prices[0]["id"])),
            ("default_payment_method", &pm_id),
            ("off_session", "true"),
        ],
    ));
    assert_eq!(sub["status"], "active");
    let pi = &all(&mut account, "/v1/payment_intents", &[("customer", &customer)])[0];
    assert_eq!(
        (pi["status"].as_str(), pi["payment_method"].as_str()),
        (Some("succeeded"), Some(pm_id.as_str()))
    );
    assert_eq!(pi["payment_method_types"], serde_json::json!(["amazon_pay"]));
}

#[test]
fn a_declined_amazon_pay_authorization_leaves_nothing_to_charge() {
    let mut account = DemoAccount::seeded();
    let customer = usd_customer(&mut account);
    let before = payment_method_ids(&mut account, &customer);
    let si = start_amazon_pay(&mut account, &customer);
    let (id, pm) = (s(&si["id"]).to_string(), s(&si["payment_method"]).to_string());
    account.authorize_setup_intent(&id, false).unwrap();
    let failed = fetch(&mut account, &format!("/v1/setup_intents/{id}"), &[]);
    assert_eq!(failed["status"], "requires_payment_method");
    assert!(failed["payment_method"].is_null() && failed["next_action"].is_null());
    assert_eq!(failed["last_setup_error"]["code"], "payment_method_provider_decline");
    assert_eq!(failed["last_setup_error"]["payment_method"]["id"], pm.as_str());
    assert_eq!(payment_method_ids(&mut account, &customer), before);
    assert!(account.authorize_setup_intent(&id, true).is_err());
    assert!(account.authorize_setup_intent("seti_nope", true).unwrap_err().contains("seti_nope"));

    let prices = all(&mut account, "/v1/prices", &[("type", "recurring"), ("currency", "usd")]);
    let price = prices.iter().find(|p| p["active"] == true).unwrap();
    let params = [
        ("customer", customer.as_str()),
        ("items[0][price]", s(&price["id"])),
        ("default_payment_method", &pm),
    ];
    let refused = post(&mut account, "/v1/subscriptions", &params);
    assert_refused(
        &refused,
        400,
        Some("default_payment_method"),
        "The customer does not have a payment method",
    );
}

#[test]
fn amazon_pay_setup_needs_a_return_url_and_a_complete_mandate() {
    let mut account = DemoAccount::seeded();
    let customer = usd_customer(&mut account);
    let acceptance = "mandate_data[customer_acceptance]";
    let without = |drop: &[&str]| {
        let mut p = amazon_pay_params(&customer);
        p.retain(|(k, _)| !drop.iter().any(|d| k.starts_with(d)));
        p
    };
    let ip = format!("{acceptance}[online][ip_address]");
    let agent = format!("{acceptance}[online][user_agent]");
    let online = format!("{acceptance}[online]");
    let kind = format!("{acceptance}[type]");
    for (params, param) in [
        (without(&["mandate_data"]), "mandate_data".to_string()),
        (without(&[&ip]), ip.clone()),
        (without(&[&agent]), agent.clone()),
        (without(&[&online]), online.clone()),
        (without(&[&kind]), kind.clone()),
        (without(&["return_url"]), "return_url".into()),
    ] {
        let response = post(&mut account, "/v1/setup_intents", &borrow(&params));
        assert_refused(&response, 400, Some(&param), &format!("Missing required param: {param}."));
    }
    let mut offline = without(&[&online]);
    offline.retain(|(k, _)| *k != kind.as_str());
    offline.push(("mandate_data[customer_acceptance][type]", "offline".into()));
    assert_eq!(
        ok(post(&mut account, "/v1/setup_intents", &borrow(&offline)))["status"],
        "requires_action"
    );

    let mut wrong = amazon_pay_params(&customer);
    wrong.push(("mandate_data[customer_acceptance][type]", "telepathy".into()));
    let response = post(&mut account, "/v1/setup_intents", &borrow(&wrong));
    assert_refused(&response, 400, Some(&kind), "Invalid mandate_data[customer_acceptance][type]");
    let mut unconfirmed = amazon_pay_params(&customer);
    unconfirmed.retain(|(k, _)| *k != "confirm" && *k != "return_url");
    let response = post(&mut account, "/v1/setup_intents", &borrow(&unconfirmed));
    assert_refused(&response, 400, Some("mandate_data"), "You can only provide `mandate_data`");
    let mut card_only = amazon_pay_params(&customer);
    card_only.retain(|(k, _)| *k != "payment_method_types[0]");
    card_only.push(("payment_method_types[]", "card".into()));
    let response = post(&mut account, "/v1/setup_intents", &borrow(&card_only));
    assert_refused(
        &response,
        400,
        Some("payment_method_types"),
        "The PaymentMethod provided (amazon_pay)",
    );
    let mut odd = amazon_pay_params(&customer);
    odd.push(("payment_method_types[1]", "cheque".into()));
    let response = post(&mut account, "/v1/setup_intents", &borrow(&odd));
    assert_refused(
        &response,
        400,
        Some("payment_method_types"),
        "The payment method type provided: cheque",
    );
    let stranger = amazon_pay_params("cus_nope");
    let response = post(&mut account, "/v1/setup_intents", &borrow(&stranger));
    assert_refused(&response, 400, Some("customer"), "No such customer: 'cus_nope'");
}

#[test]
fn card_setup_intents_wait_for_a_card_or_succeed_with_one() {
    let mut account = DemoAccount::seeded();
    let customer = usd_customer(&mut account);
    let si = ok(post(
        &mut account,
        "/v1/setup_intents",
        &[("customer", &customer), ("payment_method_types[]", "card")],
    ));
    assert_eq!(
        (si["status"].as_str(), si["usage"].as_str()),
        (Some("requires_payment_method"), Some("off_session"))
    );
    assert!(si["payment_method"].is_null() && si["next_action"].is_null());
    let path = format!("/v1/setup_intents/{}", s(&si["id"]));
    assert_eq!(fetch(&mut account, &path, &[]), si);

    let refused =
        post(&mut account, "/v1/setup_intents", &[("customer", &customer), ("confirm", "true")]);
    assert_refused(
        &refused,
        400,
        None,
        "You cannot confirm this SetupIntent because it's missing a payment method.",
    );

    // An existing card of this customer confirms at once.
    let theirs =
        all(&mut account, "/v1/payment_methods", &[("customer", &customer), ("type", "card")]);
    let card = &theirs[0];
    let params =
        [("customer", customer.as_str()), ("confirm", "true"), ("payment_method", s(&card["id"]))];
    let done = ok(post(&mut account, "/v1/setup_intents", &params));
    assert_eq!(
        (done["status"].as_str(), &done["payment_method"]),
        (Some("succeeded"), &card["id"])
    );
    assert!(s(&done["latest_attempt"]).starts_with("setatt_"));
    // Another customer's card does not.
    let other = account
        .customers()
        .iter()
        .filter(|c| c.id != customer)
        .find_map(|c| account.default_payment_method(&c.id))
        .unwrap()
        .to_string();
    let params = [("customer", customer.as_str()), ("confirm", "true"), ("payment_method", &other)];
    let refused = post(&mut account, "/v1/setup_intents", &params);
    assert_refused(
        &refused,
        400,
        Some("payment_method"),
        "The provided PaymentMethod is attached to another customer.",
    );
    let unknown = post(&mut account, "/v1/setup_intents", &[("flow", "x")]);
    assert_refused(&unknown, 400, Some("flow"), "Received unknown parameter: flow");
    let missing = get(&mut account, "/v1/setup_intents/seti_nope", &[]);
    assert_refused(&missing, 404, Some("id"), "No such setupintent: 'seti_nope'");
}

#[test]
fn a_retried_setup_intent_create_replays_the_same_intent() {
    let mut account = DemoAccount::seeded();
    let customer = usd_customer(&mut account);
    let params = amazon_pay_params(&customer);
    let req = request(Method::Post, "/v1/setup_intents", &borrow(&params), Some("seti-key"));
    let (first, retry) = (account.handle(&req), account.handle(&req));
    assert_eq!((retry.status, &retry.body), (200, &first.body));
    assert_eq!(header(&retry, "Idempotent-Replayed"), Some("true"));
    let mut other = params.clone();
    other.retain(|(k, _)| *k != "usage");
    let changed = account.handle(&request(
        Method::Post,
        "/v1/setup_intents",
        &borrow(&other),
        Some("seti-key"),
    ));
    assert_eq!(stripe_error(&changed).kind, "idempotency_error");
}

#[test]
fn payment_methods_and_setup_intents_have_the_fixture_keys() {
    let mut account = DemoAccount::seeded();
    let customer = usd_customer(&mut account);
    let card_keys = fixture_keys("payment_method");
    let mut amazon_keys = card_keys.clone();
    amazon_keys.remove("card");
    amazon_keys.insert("amazon_pay".into());
    let mut seen = BTreeSet::new();
    for c in account.customers().to_vec() {
        for pm in all(&mut account, "/v1/payment_methods", &[("customer", &c.id)]) {
            let want = if pm["type"] == "card" { &card_keys } else { &amazon_keys };
            assert_eq!(&keys(&pm), want, "{}", pm["id"]);
            seen.insert(s(&pm["type"]).to_string());
        }
    }
    assert_eq!(seen.len(), 2);
    let si = start_amazon_pay(&mut account, &customer);
    assert_eq!(keys(&si), fixture_keys("setup_intent"));
    let card_si = ok(post(&mut account, "/v1/setup_intents", &[("customer", &customer)]));
    assert_eq!(keys(&card_si), fixture_keys("setup_intent"));
}
