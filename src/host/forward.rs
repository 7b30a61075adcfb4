//! The browser half of forwarding: sends a [`Forwarded`] request to the preview server's
//! proxy with `fetch` and turns the answer into the extension's [`ApiResponse`].

use crate::api::ApiResponse;
use crate::preview::forward::{response, unreachable, Forwarded};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestInit, Response};

/// Headers of the backend's answer the extension's client reads.
const KEPT: &[&str] = &["Request-Id", "Stripe-Should-Retry", "Idempotent-Replayed"];

/// Performs `out` against the preview server; never fails (a failure is a Stripe-style error).
pub async fn send(out: Forwarded) -> ApiResponse {
    match fetch(out).await {
        Ok(r) => r,
        Err(e) => unreachable(&describe(&e)),
    }
}

async fn fetch(out: Forwarded) -> Result<ApiResponse, JsValue> {
    let headers = Headers::new()?;
    for (k, v) in &out.headers {
        headers.append(k, v)?;
    }
    let init = RequestInit::new();
    init.set_method(out.method.as_str());
    init.set_headers(&headers);
    if let Some(body) = &out.body {
        init.set_body(&JsValue::from_str(body));
    }
    let request = Request::new_with_str_and_init(&out.url, &init)?;
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let answer: Response = JsFuture::from(window.fetch_with_request(&request)).await?.dyn_into()?;
    let body = JsFuture::from(answer.text()?).await?.as_string().unwrap_or_default();
    let got = answer.headers();
    let kept =
        KEPT.iter().filter_map(|name| Some((name.to_string(), got.get(name).ok()??))).collect();
    let content_type = got.get("Content-Type").ok().flatten();
    Ok(response(answer.status(), content_type.as_deref(), kept, body))
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.to_string()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "fetch failed".into())
}
