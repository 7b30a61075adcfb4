//! `POST /v1/setup_intents`.
//!
//! - Amazon Pay, as reference §13.6 sends it: `confirm=true`, `return_url`, `usage`, `customer`,
//!   `payment_method_data[type]=amazon_pay`, `payment_method_types[]=amazon_pay` and
//!   `mandate_data[customer_acceptance]` (`type=online` with `[online][ip_address]` and
//!   `[online][user_agent]`, or `type=offline`; optional `accepted_at`). Confirmed, it awaits
//!   the customer at Amazon: `requires_action` with a `redirect_to_url` next action.
//! - Cards: `requires_payment_method`, unless confirmed with an existing card
//!   (`payment_method=pm_…`), which succeeds and attaches the card to the customer.
//!
//! Without `confirm`, a payment method leaves the intent in `requires_confirmation`.

use super::{setup_intent_json, AMAZON_PAY_AUTHORIZE_URL};
use crate::api::ApiResponse;
use crate::demo::billing::expanded;
use crate::demo::billing::payment_methods::amazon_pay_json;
use crate::demo::billing::{find, find_mut, new_id, Obj};
use crate::demo::params::{is_array_item, missing, Params};
use crate::demo::{invalid_request, no_such, DemoAccount};
use serde_json::json;

const PMD_TYPE: &str = "payment_method_data[type]";
const ACCEPTANCE: &str = "mandate_data[customer_acceptance]";

/// The payment method types the demo account has turned on.
const ENABLED: &[&str] = &["amazon_pay", "card"];

/// `Err` for parameters Stripe refuses before running.
pub(crate) fn create(
    account: &mut DemoAccount,
    params: &[(String, String)],
) -> Result<ApiResponse, ApiResponse> {
    let p = Params(params);
    p.only(|k| {
        k == "payment_method_types"
            || matches!(k, "confirm" | "customer" | "description" | "payment_method" | PMD_TYPE)
            || matches!(k, "return_url" | "usage")
            || is_array_item(k, "payment_method_types")
            || k.strip_prefix("mandate_data").is_some_and(is_mandate_key)
    })?;
    if p.has("payment_method_types") {
        return Err(invalid_request("Invalid array", Some("payment_method_types")));
    }
    let confirm = p.boolean("confirm", false)?;
    let usage = p.one_of("usage", &["off_session", "on_session"])?.unwrap_or("off_session");
    let mut types: Vec<String> = params
        .iter()
        .filter(|(k, v)| is_array_item(k, "payment_method_types") && !v.is_empty())
        .map(|(_, v)| v.clone())
        .collect();
    if let Some(t) = types.iter().find(|t| !ENABLED.contains(&t.as_str())) {
        let message = format!(
            "The payment method type provided: {t} is invalid. Please ensure the provided type \
             is activated in your dashboard (https://dashboard.stripe.com/account/payments/\
             settings) and your account is enabled for any preview features that you are \
             trying to use."
        );
        return Err(invalid_request(&message, Some("payment_method_types")));
    }
    let data_type = p.get(PMD_TYPE);
    if let Some(t) = data_type.filter(|t| *t != "amazon_pay") {
        let message = format!(
            "The demo account creates only amazon_pay payment methods from payment_method_data \
             (got {t}); confirm with an existing card as payment_method instead."
        );
        return Err(invalid_request(&message, Some(PMD_TYPE)));
    }
    let pm_param = p.get("payment_method");
    if pm_param.is_some() && data_type.is_some() {
        let message = "You cannot provide both payment_method and payment_method_data.";
        return Err(invalid_request(message, Some("payment_method_data")));
    }
    let has_mandate = p.has_prefix("mandate_data");
    for (key, only_when) in [("mandate_data", has_mandate), ("return_url", p.has("return_url"))] {
        if only_when && !confirm {
            let message = format!("You can only provide `{key}` when `confirm` is `true`.");
            return Err(invalid_request(&message, Some(key)));
        }
    }
    if confirm && pm_param.is_none() && data_type.is_none() {
        let message = "You cannot confirm this SetupIntent because it's missing a payment \
                       method. You can either update the SetupIntent with a payment method and \
                       then confirm it again, or confirm it again directly with a payment method.";
        return Err(invalid_request(message, None));
    }
    if confirm && data_type == Some("amazon_pay") {
        p.required("return_url")?;
        check_mandate(p)?;
    }

    // The endpoint runs from here on.
    let customer = match p.get("customer") {
        Some(id) => match account.customers.iter().find(|c| c.id == id) {
            Some(c) => Some(c.clone()),
            None => return Ok(no_such(400, "customer", id, "customer")),
        },
        None => None,
    };
    let existing = match pm_param {
        Some(id) => match find(&account.billing.payment_methods, id) {
            Some(pm) => Some(pm.0.clone()),
            None => return Ok(no_such(400, "PaymentMethod", id, "payment_method")),
        },
        None => None,
    };
    let pm_type = existing.as_ref().map_or(data_type, |pm| pm["type"].as_str());
    if types.is_empty() {
        types.push(pm_type.unwrap_or("card").to_string());
    }
    if let Some(t) = pm_type.filter(|t| !types.iter().any(|x| x == t)) {
        let message = format!(
            "The PaymentMethod provided ({t}) is not allowed for this SetupIntent. Please \
             attach a PaymentMethod of one of the following types: {}.",
            types.join(", ")
        );
        return Ok(invalid_request(&message, Some("payment_method_types")));
    }
    if let Some(pm) = &existing {
        let owner = pm["customer"].as_str();
        if owner.is_some() && owner != customer.as_ref().map(|c| c.id.as_str()) {
            let message = "The provided PaymentMethod is attached to another customer.";
            return Ok(invalid_request(message, Some("payment_method")));
        }
    }

    let now = account.tick();
    let rng = &mut account.rng;
    let (id, secret) = (new_id(rng, "seti"), rng.alnum(25));
    let mut si = setup_intent_json(
        &id,
        &secret,
        now,
        customer.as_ref().map(|c| c.id.as_str()),
        &types,
        usage,
    );
    let pm_id = match (&existing, data_type) {
        (Some(pm), _) => pm["id"].as_str().map(String::from),
        (None, Some(_)) => {
            let pm_id = new_id(&mut account.rng, "pm");
            let pm = amazon_pay_json(&pm_id, None, now);
            account.billing.payment_methods.push(Obj(pm));
            Some(pm_id)
        }
        (None, None) => None,
    };
    si["description"] = p.get("description").into();
    si["payment_method"] = pm_id.clone().into();
    if pm_id.is_some() {
        si["status"] = "requires_confirmation".into();
    }
    if confirm {
        si["latest_attempt"] = new_id(&mut account.rng, "setatt").into();
        if pm_type == Some("amazon_pay") {
            si["status"] = "requires_action".into();
            si["next_action"] = json!({
                "redirect_to_url": {
                    "return_url": p.get("return_url"),
                    "url": format!("{AMAZON_PAY_AUTHORIZE_URL}?setup_intent={id}"),
                },
                "type": "redirect_to_url",
            });
        } else {
            si["status"] = "succeeded".into();
            let pm = pm_id.as_deref().unwrap_or_default();
            if let (Some(c), Some(pm)) =
                (&customer, find_mut(&mut account.billing.payment_methods, pm))
            {
                pm.0["customer"] = c.id.clone().into();
            }
        }
    }
    account.billing.setup_intents.push(Obj(si.clone()));
    Ok(ApiResponse::json(200, &expanded(account, &si, params, false)))
}

/// The part of a `mandate_data[…]` name after `mandate_data`.
fn is_mandate_key(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix("[customer_acceptance]") else { return false };
    matches!(
        rest,
        "[type]" | "[accepted_at]" | "[online][ip_address]" | "[online][user_agent]" | "[offline]"
    )
}

/// Amazon Pay needs the customer's acceptance of the mandate: `type=online` with where it was
/// given (`ip_address`, `user_agent`), or `type=offline`.
fn check_mandate(p: Params) -> Result<(), ApiResponse> {
    if !p.has_prefix("mandate_data") {
        return Err(missing("mandate_data"));
    }
    let type_key = format!("{ACCEPTANCE}[type]");
    let kind = p.one_of(&type_key, &["offline", "online"])?;
    p.integer(&format!("{ACCEPTANCE}[accepted_at]"))?;
    match kind {
        None => Err(missing(&type_key)),
        Some("online") => {
            if !p.has_prefix(&format!("{ACCEPTANCE}[online]")) {
                return Err(missing(&format!("{ACCEPTANCE}[online]")));
            }
            p.required(&format!("{ACCEPTANCE}[online][ip_address]"))?;
            p.required(&format!("{ACCEPTANCE}[online][user_agent]"))?;
            Ok(())
        }
        Some(_) if p.has_prefix(&format!("{ACCEPTANCE}[online]")) => {
            let key = format!("{ACCEPTANCE}[online]");
            let message = "`online` can only be provided when `type` is `online`.".to_string();
            Err(invalid_request(&message, Some(&key)))
        }
        Some(_) => Ok(()),
    }
}
