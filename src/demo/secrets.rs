//! The Secret Store, `/v1/apps/secrets` (reference §8.3): set (create or replace by name within
//! a scope), find, delete and list. Scopes are `account` and `user` (`scope[user]` is required
//! for the one and refused for the other); a scope holds at most 10 secrets. A secret whose
//! `expires_at` has passed on the demo clock is gone: not found, not listed, not counted.

use super::list::{list_json, ListQuery, Record};
use super::params::{missing, Params};
use super::{invalid_request, DemoAccount};
use crate::api::pagination::HasId;
use crate::api::{ApiResponse, Method};
use serde_json::{json, Value};

/// Secrets one scope may hold.
pub const MAX_SECRETS_PER_SCOPE: usize = 10;
/// How far ahead `expires_at` may be: 100 years of 365.25 days.
const MAX_LIFETIME: i64 = 3_155_760_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Secret {
    id: String,
    name: String,
    payload: String,
    /// `Some(usr_…)` for a user scope, `None` for the account scope.
    user: Option<String>,
    created: i64,
    expires_at: Option<i64>,
}

impl HasId for Secret {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Record for Secret {
    fn created(&self) -> i64 {
        self.created
    }
}

fn secret_json(s: &Secret, livemode: bool, payload: bool) -> Value {
    let scope = match &s.user {
        Some(user) => json!({ "type": "user", "user": user }),
        None => json!({ "type": "account" }),
    };
    let mut v = json!({
        "created": s.created,
        "expires_at": s.expires_at,
        "id": s.id,
        "livemode": livemode,
        "name": s.name,
        "object": "apps.secret",
        "scope": scope,
    });
    if payload {
        v["payload"] = s.payload.clone().into();
    }
    v
}

/// `scope[type]` and `scope[user]`: the user for a user scope.
fn scope(p: Params) -> Result<Option<String>, ApiResponse> {
    let kind =
        p.one_of("scope[type]", &["account", "user"])?.ok_or_else(|| missing("scope[type]"))?;
    match (kind, p.get("scope[user]")) {
        ("user", None) => Err(missing("scope[user]")),
        ("user", Some(user)) => Ok(Some(user.to_string())),
        (_, Some(_)) => {
            let message = "You can only specify `scope[user]` when `scope[type]` is `user`.";
            Err(invalid_request(message, Some("scope[user]")))
        }
        (_, None) => Ok(None),
    }
}

/// The Secret Store endpoints; `None` when the path is not one of them.
pub(super) fn route(
    account: &mut DemoAccount,
    method: Method,
    segments: &[&str],
    params: &[(String, String)],
) -> Option<Result<ApiResponse, ApiResponse>> {
    let rest = match segments {
        ["v1", "apps", "secrets", rest @ ..] => rest,
        _ => return None,
    };
    let now = account.now;
    account.secrets.retain(|s| s.expires_at.is_none_or(|at| at > now));
    let p = Params(params);
    Some(match (method, rest) {
        (Method::Get, []) => Ok(list(account, params)),
        (Method::Post, []) => set(account, p),
        (Method::Get, ["find"]) => find_or_delete(account, p, false),
        (Method::Post, ["delete"]) => find_or_delete(account, p, true),
        _ => return None,
    })
}

fn is_scope(key: &str) -> bool {
    key == "scope[type]" || key == "scope[user]"
}

/// `POST /v1/apps/secrets`: `name`, `payload`, `scope`, `expires_at`.
fn set(account: &mut DemoAccount, p: Params) -> Result<ApiResponse, ApiResponse> {
    p.only(|k| matches!(k, "name" | "payload" | "expires_at") || is_scope(k))?;
    let name = p.required("name")?;
    let payload = p.required("payload")?;
    let user = scope(p)?;
    let expires_at = p.integer("expires_at")?;
    let now = account.now;
    if let Some(at) = expires_at {
        let message = if at <= now {
            "The `expires_at` timestamp must be in the future."
        } else if at > now + MAX_LIFETIME {
            "The `expires_at` timestamp must be at most 100 years in the future."
        } else {
            ""
        };
        if !message.is_empty() {
            return Err(invalid_request(message, Some("expires_at")));
        }
    }
    let livemode = account.livemode;
    let in_scope = account.secrets.iter().filter(|s| s.user == user).count();
    let secret = match account.secrets.iter_mut().find(|s| s.user == user && s.name == name) {
        Some(existing) => {
            existing.payload = payload.into();
            existing.expires_at = expires_at;
            existing.clone()
        }
        None if in_scope >= MAX_SECRETS_PER_SCOPE => {
            let message = format!(
                "This scope already holds the maximum of {MAX_SECRETS_PER_SCOPE} secrets. Delete \
                 one before adding another."
            );
            return Ok(invalid_request(&message, Some("name")));
        }
        None => {
            let created = account.tick();
            let secret = Secret {
                id: format!("appsecret_{}", account.rng.alnum(30)),
                name: name.into(),
                payload: payload.into(),
                user,
                created,
                expires_at,
            };
            account.secrets.push(secret.clone());
            secret
        }
    };
    Ok(ApiResponse::json(200, &secret_json(&secret, livemode, p.expands("payload"))))
}

/// `GET /v1/apps/secrets/find` (the payload only with `expand[]=payload`) and
/// `POST /v1/apps/secrets/delete` (answers the secret with `deleted: true`).
fn find_or_delete(
    account: &mut DemoAccount,
    p: Params,
    delete: bool,
) -> Result<ApiResponse, ApiResponse> {
    p.only(|k| k == "name" || is_scope(k))?;
    let name = p.required("name")?;
    let user = scope(p)?;
    let Some(index) = account.secrets.iter().position(|s| s.user == user && s.name == name) else {
        return Ok(super::no_such(404, "secret", name, "name"));
    };
    let mut v =
        secret_json(&account.secrets[index], account.livemode, !delete && p.expands("payload"));
    if delete {
        account.secrets.remove(index);
        v["deleted"] = true.into();
    }
    Ok(ApiResponse::json(200, &v))
}

/// `GET /v1/apps/secrets`: one scope's secrets, newest first; `expand[]=data.payload`.
fn list(account: &DemoAccount, params: &[(String, String)]) -> ApiResponse {
    let result = ListQuery::parse(params, &["scope[type]", "scope[user]"]).and_then(|q| {
        let user = scope(Params(params))?;
        let (data, has_more) =
            q.page(&account.secrets, "secret", |s| s.user == user && q.created_matches(s.created))?;
        let payload = Params(params).expands("data.payload");
        let data = data.into_iter().map(|s| secret_json(s, account.livemode, payload)).collect();
        Ok(ApiResponse::json(200, &list_json("/v1/apps/secrets", has_more, data)))
    });
    result.unwrap_or_else(|e| e)
}
