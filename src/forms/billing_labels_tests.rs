use super::*;
use serde_json::json;

pub(crate) fn price(amount: Option<i64>, interval: Option<(&str, u32)>) -> Price {
    serde_json::from_value(json!({
        "id": "price_1", "active": true, "currency": "usd", "unit_amount": amount,
        "product": {"id": "prod_1", "active": true, "name": "Growth", "description": null,
                    "default_price": null, "created": 1, "updated": 1},
        "recurring": interval.map(|(i, n)| json!({"interval": i, "interval_count": n})),
        "type": if interval.is_some() { "recurring" } else { "one_time" },
        "nickname": null, "lookup_key": null, "created": 1
    }))
    .unwrap()
}

pub(crate) fn card(id: &str, brand: &str) -> PaymentMethod {
    serde_json::from_value(json!({
        "id": id, "type": "card", "customer": "cus_1", "created": 1, "amazon_pay": null,
        "card": {"brand": brand, "last4": "4242", "exp_month": 4, "exp_year": 2027}
    }))
    .unwrap()
}

pub(crate) fn amazon_pay(id: &str) -> PaymentMethod {
    serde_json::from_value(json!({
        "id": id, "type": "amazon_pay", "customer": "cus_1", "created": 1, "card": null,
        "amazon_pay": {}
    }))
    .unwrap()
}

fn subscription(status: &str, cancel_at_period_end: bool) -> Subscription {
    let item = json!({"id": "si_1", "price": price(Some(2000), Some(("month", 1))),
                      "quantity": 3, "current_period_start": 0,
                      "current_period_end": 1_795_000_000});
    serde_json::from_value(json!({
        "id": "sub_1", "customer": "cus_1", "status": status,
        "items": {"object": "list", "url": "/v1/subscription_items", "has_more": false,
                  "data": [item]},
        "latest_invoice": null, "default_payment_method": null,
        "cancel_at_period_end": cancel_at_period_end, "cancel_at": null, "canceled_at": null,
        "currency": "usd", "created": 1, "start_date": 1
    }))
    .unwrap()
}

#[test]
fn prices_read_as_amount_per_interval_with_the_product() {
    assert_eq!(price_amount(&price(Some(2000), Some(("month", 1)))), "$20.00 / month");
    assert_eq!(price_amount(&price(Some(500), Some(("month", 3)))), "$5.00 every 3 months");
    assert_eq!(price_amount(&price(Some(900), None)), "$9.00");
    assert_eq!(price_amount(&price(None, Some(("year", 1)))), "Custom amount");
    assert_eq!(price_label(&price(Some(20000), Some(("year", 1)))), "Growth — $200.00 / year");
}

#[test]
fn payment_methods_name_brand_last4_expiry_and_the_default() {
    assert_eq!(
        payment_method_label(&card("pm_1", "visa"), None),
        "Visa •••• 4242, expires 04/2027"
    );
    assert_eq!(
        payment_method_label(&card("pm_1", "amex"), Some("pm_1")),
        "American Express •••• 4242, expires 04/2027 (default)"
    );
    assert_eq!(payment_method_label(&amazon_pay("pm_2"), Some("pm_1")), "Amazon Pay");
    assert_eq!(brand_name("cartes_bancaires"), "Cartes_bancaires");
}

#[test]
fn every_status_has_a_badge_and_a_label() {
    for s in SubscriptionStatus::ALL {
        assert!(!subscription_badge(*s).1.is_empty());
    }
    assert_eq!(subscription_badge(SubscriptionStatus::PastDue), ("critical", "Past due"));
    assert_eq!(invoice_badge(Some(InvoiceStatus::Paid)), ("positive", "Paid"));
    assert_eq!(invoice_badge(None).1, "Unknown");
    assert_eq!(payment_badge(PaymentIntentStatus::RequiresPaymentMethod).1, "Failed");
}

#[test]
fn only_a_renewing_subscription_has_a_next_invoice() {
    let active = SubscriptionRow::new(&subscription("active", false));
    assert_eq!(active.price, "$20.00 / month × 3");
    assert_eq!(active.period_end, "Nov 18, 2026");
    assert_eq!(active.next_invoice, active.period_end);
    assert!(!active.ended);
    let canceled = SubscriptionRow::new(&subscription("canceled", false));
    assert_eq!((canceled.next_invoice.as_str(), canceled.ended), ("None", true));
    let leaving = SubscriptionRow::new(&subscription("active", true));
    assert_eq!((leaving.next_invoice.as_str(), leaving.ended), ("None", false));
    let trialing = SubscriptionRow::new(&subscription("trialing", false));
    assert_eq!(trialing.badge, ("info", "Trialing"));
    assert_ne!(trialing.next_invoice, "None");
}

#[test]
fn the_default_payment_method_is_read_expanded_or_not() {
    let id: CustomerBilling = serde_json::from_value(
        json!({"id": "cus_1", "invoice_settings": {"default_payment_method": "pm_1"}}),
    )
    .unwrap();
    assert_eq!(id.default_payment_method().as_deref(), Some("pm_1"));
    let expanded: CustomerBilling = serde_json::from_value(
        json!({"invoice_settings": {"default_payment_method": {"id": "pm_2"}}}),
    )
    .unwrap();
    assert_eq!(expanded.default_payment_method().as_deref(), Some("pm_2"));
    let none: CustomerBilling =
        serde_json::from_value(json!({"invoice_settings": {"default_payment_method": null}}))
            .unwrap();
    assert_eq!(none.default_payment_method(), None);
    assert_eq!(CustomerBilling::default().default_payment_method(), None);
}
