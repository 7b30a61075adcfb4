//! Secret Store secrets (reference §8.3).

use super::has_id;
use crate::api::secrets::Scope;
use serde::{Deserialize, Serialize};

/// A secret (`object: "apps.secret"`). `payload` is only sent when the request expands it
/// (`secrets::find` does); a deleted secret comes back with `deleted: true`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Secret {
    /// `appsecret_…`
    pub id: String,
    /// Unique within its scope.
    pub name: String,
    #[serde(default)]
    pub payload: Option<String>,
    /// When Stripe deletes it (Unix seconds), if it expires.
    pub expires_at: Option<i64>,
    pub scope: Scope,
    #[serde(default)]
    pub deleted: Option<bool>,
    pub created: i64,
    #[serde(default)]
    pub livemode: bool,
}

has_id!(Secret);
