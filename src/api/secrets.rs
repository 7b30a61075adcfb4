//! Request builders for the Secret Store, `/v1/apps/secrets` (reference §8.3): pure, no I/O.
//!
//! Every operation needs `secret_write`, reads included. A UI extension may only touch the
//! account scope and the signed-in user's own scope; at most 10 secrets per scope.

use super::form::pair;
use super::pagination::ListParams;
use super::request::{ApiRequest, Method};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Who can read a secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(into = "RawScope")]
pub enum Scope {
    /// Every Dashboard user of the account, and the app's backend.
    Account,
    /// Only this user (`usr_…`), and the app's backend.
    User(String),
}

impl Scope {
    /// `scope[type]`, and `scope[user]` for a user scope.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        match self {
            Scope::Account => vec![pair("scope[type]", "account")],
            Scope::User(user) => vec![pair("scope[type]", "user"), pair("scope[user]", user)],
        }
    }
}

/// The wire form of a scope: `{"type": "account"}` or `{"type": "user", "user": "usr_…"}`.
#[derive(Serialize, Deserialize)]
struct RawScope {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    user: Option<String>,
}

impl TryFrom<RawScope> for Scope {
    type Error = String;

    fn try_from(raw: RawScope) -> Result<Self, String> {
        match (raw.kind.as_str(), raw.user) {
            ("account", _) => Ok(Scope::Account),
            ("user", Some(user)) => Ok(Scope::User(user)),
            ("user", None) => Err("a user scope without its `user`".into()),
            (other, _) => Err(format!("unknown secret scope type `{other}`")),
        }
    }
}

// NB: hand-written rather than `#[serde(try_from = "RawScope")]`, which fails after the scope
// object is read, where serde_json places the error at the end of the enclosing object, so a
// decode error would name that object (`decode` finds the JSON path from the error's position).
// Failing inside `visit_map` places it at the scope's own closing brace: the path is `scope`.
impl<'de> Deserialize<'de> for Scope {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct ScopeObject;

        impl<'de> Visitor<'de> for ScopeObject {
            type Value = Scope;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a secret scope object")
            }

            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Scope, M::Error> {
                let raw = RawScope::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Scope::try_from(raw).map_err(de::Error::custom)
            }
        }

        de.deserialize_map(ScopeObject)
    }
}

impl From<Scope> for RawScope {
    fn from(scope: Scope) -> Self {
        match scope {
            Scope::Account => RawScope { kind: "account".into(), user: None },
            Scope::User(user) => RawScope { kind: "user".into(), user: Some(user) },
        }
    }
}

/// `name` in `scope`: the parameters that identify one secret.
fn named(scope: &Scope, name: &str) -> Vec<(String, String)> {
    let mut pairs = vec![pair("name", name)];
    pairs.extend(scope.to_pairs());
    pairs
}

/// `POST /v1/apps/secrets`: creates the secret `name` in `scope`, or replaces its payload.
/// Stripe deletes it at `expires_at` (Unix seconds, in the future, ≤ 100 years ahead) if given.
pub fn set(
    scope: &Scope,
    name: &str,
    payload: &str,
    expires_at: Option<i64>,
    idempotency_key: &str,
) -> ApiRequest {
    let mut pairs = vec![pair("name", name), pair("payload", payload)];
    pairs.extend(scope.to_pairs());
    pairs.extend(expires_at.map(|t| pair("expires_at", t)));
    ApiRequest::new(Method::Post, "/v1/apps/secrets", &pairs).with_idempotency_key(idempotency_key)
}

/// `GET /v1/apps/secrets/find`: the secret `name` in `scope`, with its payload (Stripe only
/// returns the payload when it is expanded). A missing secret is a 404 `resource_missing`.
pub fn find(scope: &Scope, name: &str) -> ApiRequest {
    let mut pairs = named(scope, name);
    pairs.push(pair("expand[0]", "payload"));
    ApiRequest::new(Method::Get, "/v1/apps/secrets/find", &pairs)
}

/// `POST /v1/apps/secrets/delete`: deletes the secret `name` in `scope`.
pub fn delete(scope: &Scope, name: &str, idempotency_key: &str) -> ApiRequest {
    ApiRequest::new(Method::Post, "/v1/apps/secrets/delete", &named(scope, name))
        .with_idempotency_key(idempotency_key)
}

/// `GET /v1/apps/secrets`: a page of the secrets in `scope`, without payloads.
pub fn list(scope: &Scope, params: &ListParams) -> ApiRequest {
    let mut pairs = scope.to_pairs();
    pairs.extend(params.to_pairs());
    ApiRequest::new(Method::Get, "/v1/apps/secrets", &pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user() -> Scope {
        Scope::User("usr_1".into())
    }

    #[test]
    fn scopes_have_their_wire_form_both_ways() {
        let account = r#"{"type":"account"}"#;
        let user_json = r#"{"type":"user","user":"usr_1"}"#;
        assert_eq!(serde_json::to_string(&Scope::Account).unwrap(), account);
        assert_eq!(serde_json::to_string(&user()).unwrap(), user_json);
        assert_eq!(serde_json::from_str::<Scope>(account).unwrap(), Scope::Account);
        assert_eq!(serde_json::from_str::<Scope>(user_json).unwrap(), user());
        for bad in [r#"{"type":"user"}"#, r#"{"type":"team"}"#] {
            assert!(serde_json::from_str::<Scope>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn set_posts_name_payload_scope_and_expiry_with_the_key() {
        let req = set(&user(), "oauth token", "a&b=c", Some(1_900_000_000), "key_1");
        assert_eq!((req.method, req.path.as_str()), (Method::Post, "/v1/apps/secrets"));
        assert_eq!(
            req.body.as_deref(),
            Some(
                "name=oauth%20token&payload=a%26b%3Dc&scope[type]=user&scope[user]=usr_1\
                 &expires_at=1900000000"
            )
        );
        assert_eq!(req.header("Idempotency-Key"), Some("key_1"));
        let account = set(&Scope::Account, "n", "p", None, "k").body.unwrap();
        assert_eq!(account, "name=n&payload=p&scope[type]=account");
    }

    #[test]
    fn find_expands_the_payload() {
        let req = find(&Scope::Account, "api_key");
        assert_eq!(
            (req.method, req.path.as_str()),
            (
                Method::Get,
                "/v1/apps/secrets/find?name=api_key&scope[type]=account&expand[0]=payload"
            )
        );
    }

    #[test]
    fn delete_posts_name_and_scope_and_list_pages_a_scope() {
        let req = delete(&user(), "n", "key_2");
        assert_eq!((req.method, req.path.as_str()), (Method::Post, "/v1/apps/secrets/delete"));
        assert_eq!(req.body.as_deref(), Some("name=n&scope[type]=user&scope[user]=usr_1"));
        assert_eq!(req.header("Idempotency-Key"), Some("key_2"));
        let req = list(&Scope::Account, &ListParams::new().limit(10));
        assert_eq!(req.path, "/v1/apps/secrets?scope[type]=account&limit=10");
    }
}
