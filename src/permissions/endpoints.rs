//! What each Stripe endpoint the app calls needs, and what each `expand[]` adds (reference §7.2:
//! "when you expand objects … you also need a permission for each expanded object type").

use super::{Lack, Refusal};
use crate::api::form::decode_pairs;
use crate::api::{ApiRequest, Method};

/// One endpoint: its method, its path (`:id` stands for any one non-empty segment) and the
/// permission Stripe asks of an app calling it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Endpoint {
    pub method: Method,
    pub pattern: &'static str,
    pub permission: &'static str,
}

const fn ep(method: Method, pattern: &'static str, permission: &'static str) -> Endpoint {
    Endpoint { method, pattern, permission }
}

use Method::{Delete as D, Get as G, Post as P};

/// Every endpoint the app may call. A literal segment (`search`, `find`, `delete`) wins over
/// `:id`, whatever the order here.
pub const ENDPOINTS: &[Endpoint] = &[
    ep(G, "/v1/customers", "customer_read"),
    ep(G, "/v1/customers/search", "customer_read"),
    ep(G, "/v1/customers/:id", "customer_read"),
    ep(P, "/v1/customers/:id", "customer_write"),
    ep(G, "/v1/customers/:id/payment_methods", "payment_method_read"),
    ep(G, "/v1/products", "product_read"),
    ep(G, "/v1/products/:id", "product_read"),
    // Plans and Prices share `plan_*` (reference §7.2).
    ep(G, "/v1/prices", "plan_read"),
    ep(G, "/v1/prices/:id", "plan_read"),
    ep(G, "/v1/subscriptions", "subscription_read"),
    ep(G, "/v1/subscriptions/:id", "subscription_read"),
    ep(P, "/v1/subscriptions", "subscription_write"),
    ep(P, "/v1/subscriptions/:id", "subscription_write"),
    ep(D, "/v1/subscriptions/:id", "subscription_write"),
    ep(G, "/v1/invoices", "invoice_read"),
    ep(G, "/v1/invoices/:id", "invoice_read"),
    ep(G, "/v1/payment_methods", "payment_method_read"),
    ep(G, "/v1/payment_methods/:id", "payment_method_read"),
    ep(P, "/v1/payment_methods/:id/attach", "payment_method_write"),
    ep(P, "/v1/payment_methods/:id/detach", "payment_method_write"),
    ep(P, "/v1/setup_intents", "setup_intent_write"),
    ep(G, "/v1/setup_intents/:id", "setup_intent_read"),
    ep(P, "/v1/setup_intents/:id/confirm", "setup_intent_write"),
    ep(G, "/v1/payment_intents", "payment_intent_read"),
    ep(G, "/v1/payment_intents/:id", "payment_intent_read"),
    // The Secret Store needs `secret_write` for every operation, reads included (§8.3).
    ep(P, "/v1/apps/secrets", "secret_write"),
    ep(G, "/v1/apps/secrets/find", "secret_write"),
    ep(P, "/v1/apps/secrets/delete", "secret_write"),
    ep(G, "/v1/apps/secrets", "secret_write"),
];

/// One segment of an expanded field → the permission it needs ("" adds nothing).
pub const EXPANSIONS: &[(&str, &str)] = &[
    ("customer", "customer_read"),
    ("default_payment_method", "payment_method_read"),
    ("payment_method", "payment_method_read"),
    ("latest_invoice", "invoice_read"),
    ("invoice", "invoice_read"),
    ("payment_intent", "payment_intent_read"),
    ("setup_intent", "setup_intent_read"),
    ("pending_setup_intent", "setup_intent_read"),
    ("mandate", "mandate_read"),
    ("price", "plan_read"),
    ("plan", "plan_read"),
    ("product", "product_read"),
    ("subscription", "subscription_read"),
    // A secret's own field, list wrappers (`data.x` on lists, `items.data.price`) and the
    // customer's `invoice_settings` hash are not objects of another type.
    ("payload", ""),
    ("total_count", ""),
    ("items", ""),
    ("data", ""),
    ("invoice_settings", ""),
];

/// The endpoint `method path` (no query) calls: the matching row with the most literal segments.
pub fn endpoint(method: Method, path: &str) -> Option<&'static Endpoint> {
    ENDPOINTS
        .iter()
        .filter(|e| e.method == method)
        .filter_map(|e| Some((literals(e.pattern, path)?, e)))
        .max_by_key(|(n, _)| *n)
        .map(|(_, e)| e)
}

/// How many literal segments of `pattern` match `path`, or `None` if it does not match.
fn literals(pattern: &str, path: &str) -> Option<usize> {
    let (mut want, mut got, mut n) = (pattern.split('/'), path.split('/'), 0);
    loop {
        match (want.next(), got.next()) {
            (None, None) => return Some(n),
            (Some(":id"), Some(seg)) if !seg.is_empty() => {}
            (Some(w), Some(g)) if w == g => n += 1,
            _ => return None,
        }
    }
}

/// `expand`, `expand[]` or `expand[N]`.
fn is_expand(key: &str) -> bool {
    key == "expand"
        || key
            .strip_prefix("expand[")
            .and_then(|r| r.strip_suffix(']'))
            .is_some_and(|i| i.bytes().all(|b| b.is_ascii_digit()))
}

/// The permissions `req` needs: its endpoint's, then one per expanded object type, deduplicated.
pub fn required(req: &ApiRequest) -> Result<Vec<&'static str>, Refusal> {
    let refuse = |lack| Refusal::new("", lack, req);
    let found =
        endpoint(req.method, req.path_only()).ok_or_else(|| refuse(Lack::UnknownEndpoint))?;
    let mut needed = vec![found.permission];
    let mut params = decode_pairs(req.query());
    params.extend(decode_pairs(req.body.as_deref().unwrap_or("")));
    for (_, field) in params.iter().filter(|(k, _)| is_expand(k)) {
        for segment in field.split('.') {
            let Some((_, permission)) = EXPANSIONS.iter().find(|(s, _)| *s == segment) else {
                return Err(refuse(Lack::UnknownExpansion { field: field.clone() }));
            };
            if !permission.is_empty() && !needed.contains(permission) {
                needed.push(permission);
            }
        }
    }
    Ok(needed)
}
