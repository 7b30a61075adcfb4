//! `POST /v1/subscriptions` (reference §13.7): one recurring price, charged at once to the
//! subscription's or the customer's default payment method. The first invoice and its payment
//! intent are created with it; a declined charge leaves the subscription `incomplete` with an
//! open invoice, as Stripe's default `payment_behavior=allow_incomplete` does.

use super::{subscription_json, SubscriptionSpec};
use crate::api::ApiResponse;
use crate::demo::billing::charges::{bill, charge_succeeds, Bill};
use crate::demo::billing::expanded;
use crate::demo::billing::{find, new_id, Obj};
use crate::demo::params::Params;
use crate::demo::{invalid_request, no_such, DemoAccount};

const PRICE: &str = "items[0][price]";
const QUANTITY: &str = "items[0][quantity]";
const PM: &str = "default_payment_method";

/// `customer`, `items[0][price]`, `items[0][quantity]`, `default_payment_method`,
/// `off_session`, `expand[]`. `Err` for parameters Stripe refuses before running.
pub(crate) fn create(
    account: &mut DemoAccount,
    params: &[(String, String)],
) -> Result<ApiResponse, ApiResponse> {
    let p = Params(params);
    if let Some((key, _)) =
        params.iter().find(|(k, _)| k.starts_with("items[") && !k.starts_with("items[0]"))
    {
        let message = "The demo account supports subscriptions with one item: send items[0] only.";
        return Err(invalid_request(message, Some(key)));
    }
    p.only(|k| matches!(k, "customer" | PRICE | QUANTITY | PM | "off_session"))?;
    let customer_id = p.required("customer")?;
    if !p.has_prefix("items[") {
        return Err(invalid_request("Missing required param: items.", Some("items")));
    }
    let price_id = p.required(PRICE)?;
    let quantity = p.integer(QUANTITY)?.unwrap_or(1);
    if quantity < 1 {
        return Err(invalid_request(
            "This value must be greater than or equal to 1.",
            Some(QUANTITY),
        ));
    }
    p.boolean("off_session", false)?;

    // The endpoint runs from here on: its errors are saved under an idempotency key.
    let Some(customer) = account.customers.iter().find(|c| c.id == customer_id).cloned() else {
        return Ok(no_such(400, "customer", customer_id, "customer"));
    };
    let billing = &account.billing;
    let Some(price) = find(&billing.prices, price_id).map(|p| p.0.clone()) else {
        return Ok(no_such(400, "price", price_id, PRICE));
    };
    if price["type"] != "recurring" {
        let message = "The price specified is set to `type=one_time` but this field only accepts \
                       prices with `type=recurring`.";
        return Ok(invalid_request(message, Some(PRICE)));
    }
    if price["active"] != true {
        let message = "The price specified is inactive. This field only accepts active prices.";
        return Ok(invalid_request(message, Some(PRICE)));
    }
    let currency = price["currency"].as_str().unwrap_or_default().to_string();
    if let Some(has) = customer.currency.as_deref().filter(|c| *c != currency) {
        let message = format!(
            "You cannot combine currencies on a single customer. This customer has had a \
             subscription or payment in {has}, but you are trying to pay in {currency}."
        );
        return Ok(invalid_request(&message, Some(PRICE)));
    }
    let explicit = p.get(PM);
    let pm_id = explicit.or(billing.default_payment_methods.get(customer_id).map(String::as_str));
    let payment_method = match pm_id {
        None => {
            let message = "This customer has no attached payment source or default payment \
                           method. Please consider adding a default payment method. For more \
                           information, visit https://stripe.com/docs/billing/subscriptions/\
                           payment-methods-setting#payment-method-priority.";
            let no_pm = ApiResponse::stripe_error(
                400,
                "invalid_request_error",
                message,
                None,
                Some("resource_missing"),
            );
            return Ok(no_pm);
        }
        Some(id) => match find(&billing.payment_methods, id) {
            None => return Ok(no_such(400, "PaymentMethod", id, PM)),
            Some(pm) if pm.str("customer") != Some(customer_id) => {
                let message = format!(
                    "The customer does not have a payment method with the ID {id}. The payment \
                     method must be attached to the customer."
                );
                return Ok(invalid_request(&message, Some(PM)));
            }
            Some(pm) => pm.0.clone(),
        },
    };

    let now = account.tick();
    let rng = &mut account.rng;
    let (id, item_id) = (new_id(rng, "sub"), format!("si_{}", rng.alnum(14)));
    let month = price["recurring"]["interval"] == "month";
    let end = now + if month { 30 } else { 365 } * 86_400;
    let succeeds = charge_succeeds(&payment_method);
    let mut sub = subscription_json(&SubscriptionSpec {
        id: &id,
        item_id: &item_id,
        customer: customer_id,
        price: &price,
        quantity,
        created: now,
        period: (now, end),
        status: if succeeds { "active" } else { "incomplete" },
        trial: None,
        default_payment_method: explicit,
    });
    let invoice = bill(
        &mut account.billing,
        &mut account.rng,
        &Bill {
            customer: &customer,
            subscription: (&id, &item_id),
            price: &price,
            quantity,
            payment_method: &payment_method,
            created: now,
            period: (now, end),
            billing_reason: "subscription_create",
            succeeds,
            trial: false,
        },
    );
    sub["latest_invoice"] = invoice.into();
    account.billing.subscriptions.push(Obj(sub.clone()));
    if let Some(c) = account.customers.iter_mut().find(|c| c.id == customer_id) {
        c.currency.get_or_insert(currency);
    }
    Ok(ApiResponse::json(200, &expanded(account, &sub, params, false)))
}
