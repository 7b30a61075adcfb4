//! What the host checks on every API request before it reaches a backend.

use crate::api::{ApiRequest, ApiResponse};
use crate::config::{AUTHORIZATION_VALUE, PLACEHOLDER_API_KEY};

/// Refuses a request that carries a real Stripe key anywhere (header or body) or lacks the
/// placeholder `Authorization`. The host calls Stripe for the signed-in user; an extension must
/// never hold a key. The refusal never echoes the key itself.
#[allow(clippy::result_large_err)]
pub fn check_credentials(req: &ApiRequest) -> Result<(), ApiResponse> {
    let carried = req
        .headers
        .iter()
        .flat_map(|(k, v)| [k.as_str(), v.as_str()])
        .chain([req.path.as_str(), req.body.as_deref().unwrap_or("")]);
    for text in carried {
        if let Some(prefix) = find_real_key(text) {
            return Err(ApiResponse::stripe_error(
                401,
                "authentication_error",
                &format!(
                    "Refused: the request carries a real Stripe API key ({prefix}…). An extension \
                     must never hold a key: remove it and send `Authorization: Bearer \
                     {PLACEHOLDER_API_KEY}`; the host calls Stripe for the signed-in user."
                ),
                None,
                Some("real_api_key_in_extension"),
            ));
        }
    }
    match req.header("Authorization") {
        Some(v) if v == AUTHORIZATION_VALUE => Ok(()),
        other => Err(ApiResponse::stripe_error(
            401,
            "authentication_error",
            &format!(
                "Refused: expected `Authorization: {AUTHORIZATION_VALUE}`, got {}. Send the \
                 placeholder key; the host performs the call with the signed-in user's rights.",
                if other.is_some() { "another value" } else { "no Authorization header" }
            ),
            None,
            Some("placeholder_key_required"),
        )),
    }
}

/// Finds `sk_`/`rk_`/`pk_` + `test_`/`live_` + key characters (Stripe's SDK checks
/// `[ps]k_(test|live)_[A-Za-z0-9]+`; restricted keys `rk_` too). Returns e.g. `sk_test_`.
fn find_real_key(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    (0..b.len()).find_map(|i| {
        let rest = &text[i..];
        let kind_ok = matches!(b[i], b's' | b'r' | b'p') && rest[1..].starts_with("k_");
        let boundary = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if !(kind_ok && boundary) {
            return None;
        }
        ["test_", "live_"].iter().find_map(|mode| {
            let tail = rest[3..].strip_prefix(mode)?;
            tail.bytes().next().filter(u8::is_ascii_alphanumeric).map(|_| &rest[..3 + mode.len()])
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Method;

    fn with_header(name: &str, value: &str) -> ApiRequest {
        let mut req = ApiRequest::new(Method::Get, "/v1/customers", &[]);
        req.headers.retain(|(k, _)| !k.eq_ignore_ascii_case("Authorization"));
        req.headers.push((name.into(), value.into()));
        req
    }

    #[test]
    fn placeholder_key_passes() {
        assert!(check_credentials(&ApiRequest::new(Method::Get, "/v1/customers", &[])).is_ok());
    }

    #[test]
    fn real_keys_are_refused_without_echoing_them() {
        for key in ["sk_test_51abcDEF", "sk_live_9x", "rk_test_abc", "pk_live_Zz1", "pk_test_0"] {
            for req in [
                with_header("Authorization", &format!("Bearer {key}")),
                with_header("X-Api-Key", key),
                {
                    let mut r = ApiRequest::new(Method::Post, "/v1/customers", &[]);
                    r.body = Some(format!("description={key}"));
                    r
                },
            ] {
                let res = check_credentials(&req).unwrap_err();
                assert_eq!(res.status, 401);
                assert!(res.body.contains("real Stripe API key"), "{}", res.body);
                assert!(!res.body.contains(key), "the key must not be echoed: {}", res.body);
            }
        }
    }

    #[test]
    fn missing_or_other_authorization_is_refused() {
        let mut req = ApiRequest::new(Method::Get, "/v1/customers", &[]);
        req.headers.clear();
        let res = check_credentials(&req).unwrap_err();
        assert!(res.body.contains("no Authorization header"), "{}", res.body);
        let res = check_credentials(&with_header("Authorization", "Bearer hunter2")).unwrap_err();
        assert!(res.body.contains("DO_NOT_PASS_A_REAL_API_KEY"), "{}", res.body);
    }

    #[test]
    fn key_like_words_are_not_keys() {
        for text in ["desk_test_case", "sk_test_", "ask_live_x", "pk_prod_1", "sk_other"] {
            assert_eq!(find_real_key(text), None, "{text}");
        }
    }
}
