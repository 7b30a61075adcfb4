//! The demo account's catalog, seeded subscriptions, invoices and payment intents, driven
//! through raw API requests as the extension sends them. Subscribing and cancelling:
//! `demo_subscriptions.rs`.

mod demo_support;

use demo_support::*;
use std::collections::{BTreeMap, BTreeSet};
use stripe_app::demo::{DemoAccount, DEMO_NOW};

// ===== Catalog =====

#[test]
fn the_catalog_has_plans_with_monthly_yearly_and_one_time_prices() {
    let mut account = DemoAccount::seeded();
    let products = all(&mut account, "/v1/products", &[]);
    let active = all(&mut account, "/v1/products", &[("active", "true")]);
    let archived = all(&mut account, "/v1/products", &[("active", "false")]);
    assert!(active.len() >= 3, "{}", active.len());
    assert!(!archived.is_empty() && archived.iter().all(|p| p["active"] == false));
    assert_eq!(active.len() + archived.len(), products.len());

    let prices = all(&mut account, "/v1/prices", &[("active", "true")]);
    let usd = |interval: &str| {
        prices
            .iter()
            .filter(|p| p["currency"] == "usd" && p["recurring"]["interval"] == interval)
            .count()
    };
    assert!(usd("month") >= 2 && usd("year") >= 2, "monthly and yearly usd plans");
    let one_time = all(&mut account, "/v1/prices", &[("type", "one_time")]);
    assert_eq!(one_time.len(), 1);
    assert!(one_time[0]["recurring"].is_null());
    let recurring = all(&mut account, "/v1/prices", &[("type", "recurring")]);
    assert!(recurring.iter().all(|p| p["type"] == "recurring" && p["recurring"].is_object()));
    let every = all(&mut account, "/v1/prices", &[]);
    assert_eq!(one_time.len() + recurring.len(), every.len());
    assert!(every.iter().any(|p| p["active"] == false), "a retired price");
    for p in &active {
        let default = s(&p["default_price"]);
        assert_eq!(fetch(&mut account, &format!("/v1/prices/{default}"), &[])["product"], p["id"]);
    }
}

#[test]
fn prices_filter_by_product_and_expand_it_inline() {
    let mut account = DemoAccount::seeded();
    let product = all(&mut account, "/v1/products", &[("active", "true")]).remove(0);
    let id = s(&product["id"]).to_string();
    let list = all(&mut account, "/v1/prices", &[("product", &id), ("expand[]", "data.product")]);
    assert!(!list.is_empty());
    for p in &list {
        assert_eq!(p["product"], product, "the product object inline");
    }
    let plain = all(&mut account, "/v1/prices", &[("product", &id)]);
    assert!(plain.iter().all(|p| p["product"] == id.as_str()));
    let price_id = s(&plain[0]["id"]).to_string();
    let one = fetch(&mut account, &format!("/v1/prices/{price_id}"), &[("expand[0]", "product")]);
    assert_eq!(one["product"]["name"], product["name"]);
    assert!(all(&mut account, "/v1/prices", &[("product", "prod_nope")]).is_empty());
}

#[test]
fn list_parameters_are_validated_by_name() {
    let mut account = DemoAccount::seeded();
    for (path, param, value, message) in [
        ("/v1/products", "active", "yes", "Invalid boolean: yes"),
        ("/v1/prices", "type", "monthly", "Invalid type: must be one of one_time, or recurring"),
        ("/v1/prices", "colour", "red", "Received unknown parameter: colour"),
        ("/v1/subscriptions", "status", "done", "Invalid status: must be one of active, all,"),
        ("/v1/invoices", "status", "late", "Invalid status: must be one of draft, open, paid"),
        ("/v1/payment_intents", "created[gte]", "soon", "Invalid integer: soon"),
        ("/v1/payment_intents", "status", "succeeded", "Received unknown parameter: status"),
        ("/v1/subscriptions", "limit", "0", "This value must be greater than or equal to 1."),
    ] {
        let response = get(&mut account, path, &[(param, value)]);
        assert_refused(&response, 400, Some(param), message);
    }
}

#[test]
fn missing_objects_are_404s_naming_them_as_stripe_does() {
    let mut account = DemoAccount::seeded();
    for (path, message) in [
        ("/v1/products/prod_x", "No such product: 'prod_x'"),
        ("/v1/prices/price_x", "No such price: 'price_x'"),
        ("/v1/subscriptions/sub_x", "No such subscription: 'sub_x'"),
        ("/v1/invoices/in_x", "No such invoice: 'in_x'"),
        ("/v1/payment_intents/pi_x", "No such payment_intent: 'pi_x'"),
    ] {
        let response = get(&mut account, path, &[]);
        assert_refused(&response, 404, Some("id"), message);
        assert_eq!(stripe_error(&response).code.as_deref(), Some("resource_missing"));
    }
    let response = get(&mut account, "/v1/invoices", &[("starting_after", "in_gone")]);
    assert_refused(&response, 400, Some("starting_after"), "No such invoice: 'in_gone'");
}

// ===== Seeded billing =====

#[test]
fn seeded_subscriptions_cover_each_status_and_most_customers_have_none() {
    let mut account = DemoAccount::seeded();
    let subs = all(&mut account, "/v1/subscriptions", &[("status", "all")]);
    let mut by_status: BTreeMap<&str, usize> = BTreeMap::new();
    for sub in &subs {
        *by_status.entry(s(&sub["status"])).or_default() += 1;
    }
    for status in ["active", "trialing", "past_due", "canceled"] {
        assert!(by_status.get(status).is_some_and(|n| *n >= 2), "{status}: {by_status:?}");
    }
    let subscribed: BTreeSet<&str> = subs.iter().map(|s| s["customer"].as_str().unwrap()).collect();
    let total = account.customers().len();
    assert!(subscribed.len() >= 15 && subscribed.len() * 2 < total + 10, "{}", subscribed.len());
    let without = total - subscribed.len();
    assert!(without >= 30, "many customers have no subscription: {without}");

    let default = all(&mut account, "/v1/subscriptions", &[]);
    assert!(default.iter().all(|s| s["status"] != "canceled"), "canceled are hidden by default");
    let canceled = all(&mut account, "/v1/subscriptions", &[("status", "canceled")]);
    assert_eq!(default.len() + canceled.len(), subs.len());
    for sub in &canceled {
        assert!(sub["canceled_at"].is_i64() && sub["ended_at"] == sub["canceled_at"]);
    }
    let trialing = all(&mut account, "/v1/subscriptions", &[("status", "trialing")]);
    assert!(trialing.iter().all(|s| int(&s["trial_end"]) > DEMO_NOW));
}

#[test]
fn seeded_billing_hangs_together() {
    let mut account = DemoAccount::seeded();
    for sub in all(&mut account, "/v1/subscriptions", &[("status", "all")]) {
        let item = &sub["items"]["data"][0];
        let (start, end) = (int(&item["current_period_start"]), int(&item["current_period_end"]));
        assert!(start < end && int(&sub["created"]) <= start);
        if sub["status"] != "canceled" {
            assert!(start <= DEMO_NOW && DEMO_NOW < end, "{}: the period is current", sub["id"]);
        }
        let customer = s(&sub["customer"]).to_string();
        let id = s(&sub["id"]).to_string();
        let invoices = all(&mut account, "/v1/invoices", &[("subscription", &id)]);
        assert!(!invoices.is_empty());
        assert_eq!(invoices[0]["id"], sub["latest_invoice"], "the newest invoice is the latest");
        assert!(invoices.iter().all(|i| i["customer"] == customer.as_str()));
        let latest = &invoices[0];
        let c = account.customers().iter().find(|c| c.id == customer).unwrap().clone();
        if matches!(sub["status"].as_str(), Some("past_due" | "incomplete")) {
            assert_eq!(latest["status"], "open");
            assert!(int(&latest["amount_remaining"]) > 0);
            assert_eq!(c.delinquent, Some(true), "a failed renewal made them delinquent");
        } else {
            assert_eq!(latest["status"], "paid");
        }
    }
    // Every charged invoice names the payment intent that paid it, for the same amount.
    for invoice in all(&mut account, "/v1/invoices", &[("expand[]", "data.payments")]) {
        let payments = invoice["payments"]["data"].as_array().unwrap();
        if invoice["total"] == 0 {
            assert!(payments.is_empty());
            continue;
        }
        let pi_id = s(&payments[0]["payment"]["payment_intent"]).to_string();
        let pi = fetch(&mut account, &format!("/v1/payment_intents/{pi_id}"), &[]);
        assert_eq!((&pi["amount"], &pi["customer"]), (&invoice["total"], &invoice["customer"]));
        let paid = invoice["status"] == "paid";
        assert_eq!(pi["status"] == "succeeded", paid, "{pi_id}");
        if !paid {
            assert_eq!(pi["last_payment_error"]["code"], "card_declined");
        }
    }
}

#[test]
fn payment_intents_span_months_and_created_bounds_filter_them() {
    let mut account = DemoAccount::seeded();
    let every = all(&mut account, "/v1/payment_intents", &[]);
    assert!(every.iter().all(|p| int(&p["created"]) < DEMO_NOW));
    let months: BTreeSet<i64> =
        every.iter().map(|p| (DEMO_NOW - int(&p["created"])) / (30 * 86_400)).collect();
    assert!(months.len() >= 8, "{months:?}");
    let succeeded = every.iter().filter(|p| p["status"] == "succeeded").count();
    assert!(succeeded >= 40, "{succeeded}");

    let mut times: Vec<i64> = every.iter().map(|p| int(&p["created"])).collect();
    times.sort();
    let (lo, hi) = (times[10], times[30]);
    let (gte, lte) = (lo.to_string(), hi.to_string());
    let between =
        all(&mut account, "/v1/payment_intents", &[("created[gte]", &gte), ("created[lte]", &lte)]);
    let want = times.iter().filter(|t| (lo..=hi).contains(t)).count();
    assert_eq!(between.len(), want);
    assert!(between.iter().all(|p| (lo..=hi).contains(&int(&p["created"]))));
    let open =
        all(&mut account, "/v1/payment_intents", &[("created[gt]", &gte), ("created[lt]", &lte)]);
    assert_eq!(open.len(), times.iter().filter(|t| lo < **t && **t < hi).count());

    let customer = s(&every[0]["customer"]).to_string();
    let theirs = all(&mut account, "/v1/payment_intents", &[("customer", &customer)]);
    assert_eq!(theirs.len(), every.iter().filter(|p| p["customer"] == customer.as_str()).count());
    let first = fetch(&mut account, "/v1/payment_intents", &[("limit", "3")]);
    assert_eq!(ids(first["data"].as_array().unwrap()), ids(&every[..3]), "newest first");
}

#[test]
fn invoices_filter_by_customer_and_status() {
    let mut account = DemoAccount::seeded();
    let every = all(&mut account, "/v1/invoices", &[]);
    let open = all(&mut account, "/v1/invoices", &[("status", "open")]);
    let paid = all(&mut account, "/v1/invoices", &[("status", "paid")]);
    assert!(!open.is_empty() && paid.len() > open.len());
    assert_eq!(open.len() + paid.len(), every.len());
    assert!(open.iter().all(|i| i["status"] == "open" && int(&i["amount_paid"]) == 0));
    let customer = s(&open[0]["customer"]).to_string();
    let theirs = all(&mut account, "/v1/invoices", &[("customer", &customer)]);
    assert!(theirs.iter().any(|i| i["id"] == open[0]["id"]));
    assert!(theirs.iter().all(|i| i["customer"] == customer.as_str()));
    let numbers: BTreeSet<&str> = every.iter().map(|i| s(&i["number"])).collect();
    assert_eq!(numbers.len(), every.len(), "invoice numbers are unique");
}

// ===== Shapes =====

#[test]
fn every_object_has_the_fixture_objects_top_level_keys() {
    let mut account = DemoAccount::seeded();
    for (path, object) in [
        ("/v1/products", "product"),
        ("/v1/prices", "price"),
        ("/v1/subscriptions?status=all", "subscription"),
        ("/v1/invoices", "invoice"),
        ("/v1/payment_intents", "payment_intent"),
        ("/v1/customers", "customer"),
    ] {
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let params: Vec<(&str, &str)> = query.split_once('=').into_iter().collect();
        let want = fixture_keys(object);
        let items = all(&mut account, path, &params);
        assert!(!items.is_empty(), "{path}");
        for item in &items {
            assert_eq!(keys(item), want, "{path}: {}", item["id"]);
        }
        let id = s(&items[0]["id"]).to_string();
        assert_eq!(keys(&fetch(&mut account, &format!("{path}/{id}"), &[])), want, "{path}/{id}");
    }
    let invoice = all(&mut account, "/v1/invoices", &[]).remove(0);
    let path = format!("/v1/invoices/{}", s(&invoice["id"]));
    let expanded = fetch(&mut account, &path, &[("expand[]", "payments")]);
    let mut want = fixture_keys("invoice");
    want.insert("payments".into());
    assert_eq!(keys(&expanded), want, "payments is includable");
}

#[test]
fn the_live_account_has_no_billing_objects() {
    let mut live = DemoAccount::empty_live();
    for path in
        ["/v1/products", "/v1/prices", "/v1/subscriptions", "/v1/invoices", "/v1/payment_intents"]
    {
        assert!(all(&mut live, path, &[]).is_empty(), "{path}");
    }
    let seeded_price = all(&mut DemoAccount::seeded(), "/v1/prices", &[]).remove(0);
    let path = format!("/v1/prices/{}", s(&seeded_price["id"]));
    assert_eq!(get(&mut live, &path, &[]).status, 404);
}
