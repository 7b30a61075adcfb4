//! Forwarding the extension's API calls to a Stripe-compatible HTTP API instead of the demo
//! account, as pure logic: what the host sends to its own server's forwarding prefix, and how
//! it reads the answer. The server (trunk's `[[proxy]]`, configured in the git-ignored
//! `Trunk.local.toml`) adds the developer's key; neither the host nor the extension holds it.

use crate::api::{ApiRequest, ApiResponse, Method};
use crate::bridge::rules::check_credentials;
use crate::context::{Mode, RoleDefinition};

/// The path on the preview server under which trunk's proxy forwards to the backend
/// (`rewrite = "/__stripe/"` in `Trunk.local.toml`).
pub const FORWARD_PREFIX: &str = "/__stripe";

/// Headers passed on to the backend; the rest (above all the placeholder `Authorization`)
/// stay in the host. The proxy adds `Authorization` from `Trunk.local.toml`.
const PASSED_HEADERS: &[&str] =
    &["Content-Type", "Idempotency-Key", "Stripe-Version", "Stripe-Account"];

/// A request the host sends to its own server for forwarding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forwarded {
    pub method: Method,
    /// Same-origin URL path: [`FORWARD_PREFIX`] + the API path and query.
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
}

/// Checks `request` as the demo backend does (no real key, the user's role allows it), refuses
/// live mode, and builds the same-origin request to the forwarding proxy.
#[allow(clippy::result_large_err)]
pub fn prepare(
    mode: Mode,
    roles: &[RoleDefinition],
    request: &ApiRequest,
) -> Result<Forwarded, ApiResponse> {
    check_credentials(request)?;
    crate::permissions::check_role(roles, request).map_err(|r| r.to_response())?;
    if mode == Mode::Live {
        return Err(refusal(
            403,
            "live_mode_not_forwarded",
            "The preview does not forward live-mode calls: it never acts on a live account. \
             Switch the preview back to test mode (the key in Trunk.local.toml must be a \
             sk_test_ key).",
        ));
    }
    let headers = request
        .headers
        .iter()
        .filter(|(k, _)| PASSED_HEADERS.iter().any(|p| p.eq_ignore_ascii_case(k)))
        .cloned()
        .collect();
    Ok(Forwarded {
        method: request.method,
        url: format!("{FORWARD_PREFIX}{}", request.path),
        headers,
        body: request.body.clone(),
    })
}

/// Reads the proxy's answer. A JSON answer is the backend's (any status, passed through); an
/// HTML page means the preview server has no proxy at [`FORWARD_PREFIX`] (trunk served its
/// index page instead), and anything else is a backend that does not speak Stripe's API.
pub fn response(
    status: u16,
    content_type: Option<&str>,
    headers: Vec<(String, String)>,
    body: String,
) -> ApiResponse {
    let mime = content_type.unwrap_or("").split(';').next().unwrap_or("").trim();
    if mime.eq_ignore_ascii_case("application/json") {
        return ApiResponse { status, headers, body };
    }
    if mime.eq_ignore_ascii_case("text/html") {
        return not_configured();
    }
    refusal(
        502,
        "forwarding_backend_not_stripe",
        &format!(
            "The forwarding backend answered HTTP {status} with `{}` instead of Stripe's JSON. \
             Check `backend` of the [[proxy]] in Trunk.local.toml: it must be a Stripe-compatible \
             API root such as https://api.stripe.com/.",
            if mime.is_empty() { "no Content-Type" } else { mime }
        ),
    )
}

/// The answer when the request could not reach the preview server at all.
pub fn unreachable(why: &str) -> ApiResponse {
    refusal(
        502,
        "forwarding_backend_unreachable",
        &format!(
            "The preview server's forwarding proxy could not be reached ({why}). Is `trunk serve` \
             (scripts/preview.sh) still running?"
        ),
    )
}

fn not_configured() -> ApiResponse {
    refusal(
        502,
        "forwarding_not_configured",
        &format!(
            "The preview server has no forwarding proxy at {FORWARD_PREFIX}/. Copy the [[proxy]] \
             example from the README into Trunk.local.toml, restart scripts/preview.sh, or switch \
             the backend back to the demo account."
        ),
    )
}

/// A Stripe-style `api_error` that the client must not retry (`Stripe-Should-Retry: false`).
fn refusal(status: u16, code: &str, message: &str) -> ApiResponse {
    let mut r = ApiResponse::stripe_error(status, "api_error", message, None, Some(code));
    r.headers.push(("Stripe-Should-Retry".into(), "false".into()));
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::customers::{self, CustomerUpdate};
    use crate::api::pagination::ListParams;

    fn role(id: &str) -> Vec<RoleDefinition> {
        vec![RoleDefinition { id: id.into(), name: id.into(), kind: "builtIn".into() }]
    }

    #[test]
    fn the_placeholder_key_stays_in_the_host_and_stripe_headers_pass() {
        let changes = CustomerUpdate { description: Some("VIP".into()), ..Default::default() };
        let mut req = customers::update("cus_1", &changes, "key-1");
        req.headers.push(("Stripe-Account".into(), "acct_9".into()));
        let out = prepare(Mode::Test, &role("admin"), &req).unwrap();
        assert_eq!(out.url, "/__stripe/v1/customers/cus_1");
        assert_eq!(out.method, Method::Post);
        assert_eq!(out.body.as_deref(), Some("description=VIP"));
        let names: Vec<&str> = out.headers.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["Stripe-Version", "Content-Type", "Idempotency-Key", "Stripe-Account"]);
        let list = customers::list(&ListParams::new().limit(3));
        let out = prepare(Mode::Test, &role("admin"), &list).unwrap();
        assert_eq!(out.url, "/__stripe/v1/customers?limit=3");
        assert_eq!(out.body, None);
    }

    #[test]
    fn forwarding_refuses_keys_roles_and_live_mode_before_sending() {
        let list = customers::list(&ListParams::new());
        let mut keyed = list.clone();
        keyed.headers[0].1 = "Bearer sk_test_abc".into();
        assert_eq!(prepare(Mode::Test, &role("admin"), &keyed).unwrap_err().status, 401);
        let write = customers::update("cus_1", &CustomerUpdate::default(), "k");
        let refused = prepare(Mode::Test, &role("view_only"), &write).unwrap_err();
        assert_eq!(refused.status, 403);
        assert!(refused.body.contains("customer_write"), "{}", refused.body);
        let live = prepare(Mode::Live, &role("admin"), &list).unwrap_err();
        assert!(live.body.contains("live_mode_not_forwarded"), "{}", live.body);
        assert!(live.body.contains("test mode"), "{}", live.body);
    }

    #[test]
    fn answers_are_passed_through_or_explained() {
        let json = response(404, Some("application/json; charset=utf-8"), vec![], "{}".into());
        assert_eq!((json.status, json.body.as_str()), (404, "{}"));
        let html = response(200, Some("text/html"), vec![], "<!doctype html>".into());
        assert_eq!(html.status, 502);
        assert!(html.body.contains("Trunk.local.toml"), "{}", html.body);
        assert_eq!(html.headers.last().unwrap(), &("Stripe-Should-Retry".into(), "false".into()));
        let text = response(500, Some("text/plain"), vec![], "oops".into());
        assert!(text.body.contains("`text/plain`"), "{}", text.body);
        assert!(unreachable("TypeError: Failed to fetch").body.contains("Failed to fetch"));
    }
}
