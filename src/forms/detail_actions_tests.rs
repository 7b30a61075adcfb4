use super::*;
use crate::forms::billing_labels::tests::{amazon_pay, card, price};
use serde_json::json;

fn rights(role: &str) -> Rights {
    let manifest = crate::manifest::parse(include_str!("../../stripe-app.json")).unwrap();
    let q = format!("viewport=stripe.dashboard.customer.detail&role={role}");
    Rights::from_context(
        &crate::preview::PreviewState::from_query(&q, &manifest).context(&manifest),
    )
}

fn intent(status: &str, error: Option<&str>) -> SetupIntent {
    serde_json::from_value(json!({
        "id": "seti_1", "status": status, "customer": "cus_1", "payment_method": null,
        "next_action": null, "mandate": null, "usage": "off_session", "created": 1,
        "last_setup_error": error.map(|m| json!({"type": "card_error", "message": m})),
    }))
    .unwrap()
}

#[test]
fn a_developer_may_do_everything_a_view_only_user_only_read() {
    let dev = rights("developer");
    for n in [needs::SUBSCRIPTIONS, needs::PAYMENT_METHODS, needs::INVOICES, needs::PAYMENTS] {
        assert_eq!(gate(&dev, n), Ok(()));
        assert_eq!(gate(&rights("view_only"), n), Ok(()));
    }
    for n in [needs::SET_UP_AMAZON_PAY, needs::SUBSCRIBE, needs::CANCEL] {
        assert_eq!(gate(&dev, n), Ok(()));
    }
    let why = gate(&rights("view_only"), needs::SUBSCRIBE).unwrap_err();
    assert!(why.contains("subscription_write") && why.contains("View only"), "{why}");
    let why = gate(&rights("view_only"), needs::SET_UP_AMAZON_PAY).unwrap_err();
    assert!(why.contains("setup_intent_write"), "{why}");
}

#[test]
fn an_app_without_a_read_permission_says_the_manifest_lacks_it() {
    let mut r = rights("admin");
    r.app.retain(|p| p != "invoice_read");
    let why = gate(&r, needs::INVOICES).unwrap_err();
    assert!(why.contains("stripe-app grant permission invoice_read"), "{why}");
}

#[test]
fn the_mandate_ip_must_be_a_real_address() {
    assert_eq!(parse_mandate_ip(" 203.0.113.7 "), Ok("203.0.113.7".into()));
    assert_eq!(parse_mandate_ip("2001:db8::1"), Ok("2001:db8::1".into()));
    assert!(parse_mandate_ip("").unwrap_err().starts_with("Enter"));
    assert!(parse_mandate_ip("0.0.0.0").unwrap_err().contains("not an address"));
    assert!(parse_mandate_ip("localhost").unwrap_err().contains("not an IPv4"));
}

#[test]
fn polling_continues_only_while_the_customer_can_still_answer() {
    assert_eq!(SetupProgress::of(&intent("requires_action", None)), SetupProgress::Waiting);
    assert!(SetupProgress::of(&intent("processing", None)).keeps_polling());
    assert_eq!(SetupProgress::of(&intent("succeeded", None)), SetupProgress::Succeeded);
    assert_eq!(
        SetupProgress::of(&intent("requires_payment_method", Some("The customer declined."))),
        SetupProgress::Failed("The customer declined.".into())
    );
    assert!(matches!(
        SetupProgress::of(&intent("canceled", None)),
        SetupProgress::Failed(m) if m.contains("canceled")
    ));
    assert!(!SetupProgress::of(&intent("succeeded", None)).keeps_polling());
    assert!(!setup_status_label(SetupIntentStatus::RequiresAction).is_empty());
}

#[test]
fn the_return_url_is_https_and_names_the_customer() {
    let url = amazon_pay_return_url("cus_1");
    assert!(url.starts_with("https://") && url.ends_with("customer=cus_1"), "{url}");
}

#[test]
fn only_active_recurring_prices_are_offered() {
    let mut inactive = price(Some(100), Some(("month", 1)));
    inactive.active = false;
    inactive.id = "price_old".into();
    let mut euro = price(Some(1800), Some(("month", 1)));
    euro.currency = "eur".into();
    let prices = [price(Some(2000), Some(("month", 1))), price(Some(900), None), inactive, euro];
    let usd = vec![("price_1".to_string(), "Growth — $20.00 / month".to_string())];
    assert_eq!(price_choices(&prices, Some("usd")), usd);
    assert_eq!(price_choices(&prices, None).len(), 2, "a customer never billed takes any");
}

#[test]
fn the_default_method_is_preselected_else_the_first() {
    let pms = [card("pm_1", "visa"), amazon_pay("pm_2")];
    let (choices, chosen) = payment_method_choices(&pms, Some("pm_2"));
    assert_eq!(choices[1], ("pm_2".to_string(), "Amazon Pay (default)".to_string()));
    assert_eq!(chosen.as_deref(), Some("pm_2"));
    assert_eq!(payment_method_choices(&pms, Some("pm_gone")).1.as_deref(), Some("pm_1"));
    assert_eq!(payment_method_choices(&[], None), (vec![], None));
}
