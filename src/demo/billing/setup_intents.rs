//! Setup intents: `POST /v1/setup_intents` (cards, and Amazon Pay with a mandate, reference
//! §13.6) and the Amazon Pay authorization the preview host completes or fails.

mod create;

pub(super) use create::create;

use super::{find, find_mut, new_id};
use crate::demo::DemoAccount;
use serde_json::{json, Value};

/// Where a confirmed Amazon Pay setup intent sends the customer (`next_action.redirect_to_url
/// .url`), with `?setup_intent=seti_…` appended. The host is a reserved `.invalid` name, so a
/// browser can never load it: the preview host recognises the URL
/// ([`amazon_pay_redirect_setup_intent`]) and shows its own approve/decline page, which calls
/// [`DemoAccount::authorize_setup_intent`].
pub const AMAZON_PAY_AUTHORIZE_URL: &str =
    "https://demo.customer-sync.invalid/amazon_pay/authorize";

/// The setup intent an Amazon Pay authorization URL is for: `Some("seti_…")` for
/// `{AMAZON_PAY_AUTHORIZE_URL}?setup_intent=seti_…`, `None` for any other URL.
pub fn amazon_pay_redirect_setup_intent(url: &str) -> Option<String> {
    let query = url.strip_prefix(AMAZON_PAY_AUTHORIZE_URL)?.strip_prefix('?')?;
    let pairs = crate::api::form::decode_pairs(query);
    let (_, id) = pairs.into_iter().find(|(k, v)| k == "setup_intent" && v.starts_with("seti_"))?;
    Some(id)
}

/// A new setup intent; the caller sets its status and what goes with it.
pub(super) fn setup_intent_json(
    id: &str,
    secret: &str,
    created: i64,
    customer: Option<&str>,
    types: &[String],
    usage: &str,
) -> Value {
    let options: serde_json::Map<String, Value> = types
        .iter()
        .map(|t| match t.as_str() {
            "card" => (
                t.clone(),
                json!({ "mandate_options": null, "network": null, "request_three_d_secure": "automatic" }),
            ),
            _ => (t.clone(), json!({})),
        })
        .collect();
    json!({
        "application": null,
        "automatic_payment_methods": null,
        "cancellation_reason": null,
        "client_secret": format!("{id}_secret_{secret}"),
        "created": created,
        "customer": customer,
        "description": null,
        "flow_directions": null,
        "id": id,
        "last_setup_error": null,
        "latest_attempt": null,
        "livemode": false,
        "mandate": null,
        "metadata": {},
        "next_action": null,
        "object": "setup_intent",
        "on_behalf_of": null,
        "payment_method": null,
        "payment_method_configuration_details": null,
        "payment_method_options": options,
        "payment_method_types": types,
        "single_use_mandate": null,
        "status": "requires_payment_method",
        "usage": usage,
        "excluded_payment_method_types": null,
    })
}

/// An Amazon Pay setup intent waiting for its customer at the redirect URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwaitingAuthorization {
    pub setup_intent: String,
    pub customer: Option<String>,
    /// `next_action.redirect_to_url.url`.
    pub url: String,
}

impl DemoAccount {
    /// The setup intents in `requires_action`, newest first: what the preview host offers to
    /// approve or decline as the customer.
    pub fn awaiting_authorization(&self) -> Vec<AwaitingAuthorization> {
        let mut out: Vec<_> = self
            .billing
            .setup_intents
            .iter()
            .filter(|si| si.str("status") == Some("requires_action"))
            .map(|si| AwaitingAuthorization {
                setup_intent: si.str("id").unwrap_or_default().to_string(),
                customer: si.str("customer").map(String::from),
                url: si.0["next_action"]["redirect_to_url"]["url"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
            })
            .collect();
        out.reverse();
        out
    }

    /// Completes (`approve`) or fails the Amazon Pay authorization of a setup intent in
    /// `requires_action`. Approved: `succeeded`, with a mandate, and its payment method attached
    /// to the intent's customer, ready for `default_payment_method`. Declined: back to
    /// `requires_payment_method` with `last_setup_error.code = payment_method_provider_decline`
    /// and no payment method. `Err` (a message) if there is no such intent or it awaits no
    /// authorization.
    pub fn authorize_setup_intent(&mut self, id: &str, approve: bool) -> Result<(), String> {
        let billing = &mut self.billing;
        let Some(intent) = find(&billing.setup_intents, id) else {
            return Err(format!("No such setupintent: '{id}'"));
        };
        if intent.str("status") != Some("requires_action") {
            let status = intent.str("status").unwrap_or_default();
            return Err(format!("Setup intent {id} awaits no authorization (status {status})."));
        }
        let pm_id = intent.str("payment_method").unwrap_or_default().to_string();
        let customer_id = intent.str("customer").map(String::from);
        let customer = customer_id.and_then(|c| self.customers.iter().find(|x| x.id == c));
        let mandate = new_id(&mut self.rng, "mandate");
        let pm = find_mut(&mut billing.payment_methods, &pm_id).ok_or("payment method gone")?;
        if approve {
            if let Some(c) = customer {
                pm.0["customer"] = c.id.clone().into();
                pm.0["billing_details"]["name"] = c.name.clone().into();
                pm.0["billing_details"]["email"] = c.email.clone().into();
            }
        }
        let pm = pm.0.clone();
        let intent = find_mut(&mut billing.setup_intents, id).ok_or("setup intent gone")?;
        let si = &mut intent.0;
        si["next_action"] = Value::Null;
        if approve {
            si["status"] = "succeeded".into();
            si["mandate"] = mandate.into();
        } else {
            si["status"] = "requires_payment_method".into();
            si["payment_method"] = Value::Null;
            si["last_setup_error"] = json!({
                "code": "payment_method_provider_decline",
                "decline_code": null,
                "doc_url": "https://stripe.com/docs/error-codes/payment-method-provider-decline",
                "message": "The customer declined the Amazon Pay authorization, or Amazon Pay \
                            declined the setup. Try again or use another payment method.",
                "payment_method": pm,
                "payment_method_type": "amazon_pay",
                "type": "invalid_request_error",
            });
        }
        Ok(())
    }
}
