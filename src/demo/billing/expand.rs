//! `expand[]`: a field holding an object's id is replaced by that object, along a dotted path
//! (`latest_invoice`, `data.product`, `items.data.price.product`). An invoice's `payments` is an
//! includable list that only appears when expanded. Paths naming nothing expandable are
//! ignored, as the customers endpoints ignore theirs.

use super::{find, Obj};
use crate::demo::list::list_json;
use crate::demo::DemoAccount;
use serde_json::Value;

/// Applies one dotted expansion `path` to `value` in place.
pub(super) fn expand(account: &DemoAccount, value: &mut Value, path: &str) {
    let segments: Vec<&str> = path.split('.').collect();
    expand_segments(account, value, &segments);
}

fn expand_segments(account: &DemoAccount, value: &mut Value, path: &[&str]) {
    let Some((head, rest)) = path.split_first() else { return };
    if let Value::Array(items) = value {
        for item in items {
            expand_segments(account, item, path);
        }
        return;
    }
    let Some(map) = value.as_object_mut() else { return };
    if *head == "payments" && map.get("object").and_then(Value::as_str) == Some("invoice") {
        let id = map.get("id").and_then(Value::as_str).unwrap_or_default().to_string();
        map.insert("payments".into(), payments(account, &id));
    }
    let Some(field) = map.get_mut(*head) else { return };
    if let Some(object) = field.as_str().and_then(|id| lookup(account, id)) {
        *field = object;
    }
    expand_segments(account, field, rest);
}

/// The invoice's `payments` list, newest first.
fn payments(account: &DemoAccount, invoice: &str) -> Value {
    let mut data: Vec<&Obj> = account
        .billing
        .invoice_payments
        .iter()
        .filter(|p| p.str("invoice") == Some(invoice))
        .collect();
    data.sort_by_key(|p| std::cmp::Reverse(p.0["created"].as_i64()));
    let url = format!("/v1/invoice_payments?invoice={invoice}");
    list_json(&url, false, data.into_iter().map(|p| p.0.clone()).collect())
}

/// The object with this id, by its prefix, in its API shape.
fn lookup(account: &DemoAccount, id: &str) -> Option<Value> {
    let b = &account.billing;
    let (prefix, _) = id.split_once('_')?;
    let objects = match prefix {
        "cus" => {
            let c = account.customers.iter().find(|c| c.id == id)?;
            return Some(account.customer_json(c));
        }
        "prod" => &b.products,
        "price" => &b.prices,
        "sub" => &b.subscriptions,
        "in" => &b.invoices,
        "pi" => &b.payment_intents,
        "pm" => &b.payment_methods,
        "seti" => &b.setup_intents,
        _ => return None,
    };
    find(objects, id).map(|o| o.0.clone())
}
