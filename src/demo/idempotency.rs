//! Stripe's idempotent POSTs (reference §13.5), and the demo's DELETEs likewise (Stripe's docs
//! say a key on a DELETE has no effect): once an endpoint starts executing, its response
//! (status and body, errors included) is saved under the `Idempotency-Key`; a retry with the
//! same endpoint and parameters gets it back instead of running again. Requests refused before
//! execution (unknown URL, invalid parameters) save nothing, so they can be retried as they are.

use crate::api::{ApiRequest, ApiResponse, Method};
use std::collections::BTreeMap;

/// The first use of a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Saved {
    method: Method,
    path: String,
    params: Vec<(String, String)>,
    response: ApiResponse,
}

/// Saved responses by key, one store per account (test and live are separate).
pub(super) type Store = BTreeMap<String, Saved>;

/// The answer to a retry of `key`: the saved response marked `Idempotent-Replayed: true`, or an
/// `idempotency_error` if `req` is not the request the key was first used with. `None` if the
/// key is new.
pub(super) fn replay(
    store: &Store,
    key: &str,
    req: &ApiRequest,
    params: &[(String, String)],
) -> Option<ApiResponse> {
    let saved = store.get(key)?;
    let path = req.path_only();
    let refused = |what: String| {
        let message = format!(
            "Keys for idempotent requests can only be used {what}. Try using a key other than \
             '{key}' if you meant to execute a different request."
        );
        ApiResponse::stripe_error(400, "idempotency_error", &message, None, None)
    };
    Some(if saved.method != req.method {
        refused(format!(
            "for the same endpoint they were first used for ('{} {}' vs '{} {path}')",
            saved.method.as_str(),
            saved.path,
            req.method.as_str()
        ))
    } else if saved.path != path {
        refused(format!(
            "for the same endpoint they were first used for ('{}' vs '{path}')",
            saved.path
        ))
    } else if saved.params != params {
        refused("with the same parameters they were first used with".into())
    } else {
        let mut response = saved.response.clone();
        response.headers.push(("Idempotent-Replayed".into(), "true".into()));
        response
    })
}

/// Saves the first response to `key`.
pub(super) fn save(
    store: &mut Store,
    key: &str,
    req: &ApiRequest,
    params: &[(String, String)],
    response: &ApiResponse,
) {
    let saved = Saved {
        method: req.method,
        path: req.path_only().into(),
        params: params.to_vec(),
        response: response.clone(),
    };
    store.insert(key.into(), saved);
}
