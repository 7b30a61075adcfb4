//! Messages that cross the bridge, as JSON strings tagged with [`CHANNEL`] so that unrelated
//! `message` events (browser extensions, other frames) are ignored, never misread.

use crate::api::{ApiRequest, ApiResponse};
use crate::context::{ExtensionContext, ObjectContext};
use serde::{Deserialize, Serialize};

/// Tag on every message of this protocol (name and version).
pub const CHANNEL: &str = "stripe-app-rs/1";

/// What the extension sends to the host.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToHost {
    /// Posted to the parent window once the bundle runs; asks for a port and the context.
    Ready,
    /// Perform a Stripe API call for the signed-in user; answered by `ApiResponse` with `id`.
    ApiRequest { id: u32, request: ApiRequest },
    /// Open another Dashboard page (like the SDK's navigation), e.g. a customer's detail page.
    Navigate { viewport: String, object_context: Option<ObjectContext> },
    /// The view changed objects (like the SDK's `useRefreshDashboardData`): the Dashboard
    /// reloads the data it shows around the view.
    RefreshDashboardData,
}

/// What the host sends to the extension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToExtension {
    /// Sent to the window with the port in `event.ports[0]`; nothing else is sent that way.
    Connect,
    /// Mount (or re-mount) `component` — the manifest's name for the view of the context's
    /// viewport, resolved by the host as the Dashboard does — with this context.
    Init { component: String, context: Box<ExtensionContext> },
    /// The answer to `ToHost::ApiRequest { id, .. }`.
    ApiResponse { id: u32, response: ApiResponse },
}

#[derive(Serialize)]
struct EnvelopeOut<'a, T> {
    channel: &'a str,
    #[serde(flatten)]
    message: &'a T,
}

#[derive(Deserialize)]
struct EnvelopeIn<T> {
    channel: String,
    #[serde(flatten)]
    message: T,
}

/// Serializes a message with the channel tag.
pub fn encode<T: Serialize>(message: &T) -> String {
    serde_json::to_string(&EnvelopeOut { channel: CHANNEL, message })
        .expect("bridge messages are plain data and always serialize")
}

/// Parses a message of this protocol. `Ok(None)`: not ours (another channel, not JSON) —
/// ignore it. `Err`: ours but malformed — a bug worth reporting.
pub fn decode<T: for<'de> Deserialize<'de>>(text: &str) -> Result<Option<T>, String> {
    #[derive(Deserialize)]
    struct Probe {
        channel: Option<String>,
    }
    match serde_json::from_str::<Probe>(text) {
        Ok(Probe { channel: Some(c) }) if c == CHANNEL => {}
        _ => return Ok(None),
    }
    serde_json::from_str::<EnvelopeIn<T>>(text)
        .map(|env| {
            debug_assert_eq!(env.channel, CHANNEL);
            Some(env.message)
        })
        .map_err(|e| format!("malformed {CHANNEL} message: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Method;

    #[test]
    fn round_trips_every_message_kind() {
        let req = ApiRequest::new(Method::Get, "/v1/customers", &[]);
        for m in [
            ToHost::Ready,
            ToHost::RefreshDashboardData,
            ToHost::ApiRequest { id: 7, request: req },
            ToHost::Navigate {
                viewport: "stripe.dashboard.customer.detail".into(),
                object_context: Some(ObjectContext {
                    id: "cus_1".into(),
                    object: "customer".into(),
                }),
            },
        ] {
            assert_eq!(decode::<ToHost>(&encode(&m)).unwrap(), Some(m));
        }
        let ctx = ExtensionContext::mock("stripe.dashboard.customer.list");
        for m in [
            ToExtension::Connect,
            ToExtension::Init { component: "CustomerListView".into(), context: Box::new(ctx) },
            ToExtension::ApiResponse {
                id: 7,
                response: ApiResponse::json(200, &serde_json::json!({"ok": true})),
            },
        ] {
            assert_eq!(decode::<ToExtension>(&encode(&m)).unwrap(), Some(m));
        }
    }

    #[test]
    fn refresh_dashboard_data_is_a_bare_tagged_message() {
        let text = encode(&ToHost::RefreshDashboardData);
        assert_eq!(text, r#"{"channel":"stripe-app-rs/1","type":"refresh_dashboard_data"}"#);
        assert_eq!(decode::<ToHost>(&text).unwrap(), Some(ToHost::RefreshDashboardData));
    }

    // Other scripts post messages too; they must be ignored, not reported as errors.
    #[test]
    fn foreign_messages_are_ignored() {
        for text in ["hello", "{}", r#"{"channel":"other","type":"ready"}"#, "[1,2]", "null"] {
            assert_eq!(decode::<ToHost>(text).unwrap(), None, "{text}");
        }
    }

    #[test]
    fn malformed_messages_on_our_channel_are_errors() {
        let err = decode::<ToHost>(r#"{"channel":"stripe-app-rs/1","type":"bogus"}"#).unwrap_err();
        assert!(err.contains("malformed stripe-app-rs/1 message"), "{err}");
    }
}
