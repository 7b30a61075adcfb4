//! Serde types for `stripe-app.json` (Stripe's v1 app manifest).
//!
//! Field order follows our own manifest, so `serde_json::to_string_pretty` of a parsed manifest
//! writes it back in the same shape. `extensions` (which the Stripe CLI writes as `null`) is
//! accepted by the validator only when null and is not kept.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::names::canonical_viewport;

/// A Stripe App manifest (`stripe-app.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// `$schema`, e.g. `https://stripe.com/stripe-app.schema.json`.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Globally unique app ID, reverse-DNS style (`com.example.customer-sync`).
    pub id: String,
    /// Developer-defined version label.
    pub version: String,
    /// Name shown in the Dashboard.
    pub name: String,
    /// Relative path to a 300×300 PNG (`./icon.png`); may be empty.
    pub icon: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stripe_api_access_type: Option<StripeApiAccessType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution_type: Option<DistributionType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sandbox_install_compatible: Option<bool>,
    /// `null` and absent both read as `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_install_action: Option<PostInstallAction>,
    pub permissions: Vec<PermissionRequest>,
    pub ui_extension: UiExtension,
    /// Values passed to views as `environment.constants` (a JSON object once validated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constants: Option<Value>,
    /// Where users may be sent back after an install (`null` reads as empty).
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub allowed_redirect_uris: Vec<String>,
}

/// One requested permission and the reason shown to the installer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermissionRequest {
    pub permission: String,
    pub purpose: String,
}

/// Where the app shows up in the Dashboard and what it may fetch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UiExtension {
    #[serde(default)]
    pub views: Vec<ViewDecl>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_security_policy: Option<ContentSecurityPolicy>,
}

/// A view: the component rendered in one viewport.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewDecl {
    pub viewport: String,
    pub component: String,
}

/// The URLs the extension may fetch from (`connect-src`) and load images from (`image-src`).
/// `null` lists read as empty and empty lists are written back as `null`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentSecurityPolicy {
    #[serde(
        rename = "connect-src",
        default,
        deserialize_with = "null_as_empty",
        serialize_with = "empty_as_null"
    )]
    pub connect_src: Vec<String>,
    #[serde(
        rename = "image-src",
        default,
        deserialize_with = "null_as_empty",
        serialize_with = "empty_as_null"
    )]
    pub image_src: Vec<String>,
    /// Shown to installers: why the app talks to these URLs.
    pub purpose: String,
}

/// What Stripe suggests to the user right after installing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PostInstallAction {
    Onboarding,
    Settings,
    External { url: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DistributionType {
    Public,
    Private,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StripeApiAccessType {
    Platform,
    Oauth,
    RestrictedApiKey,
}

impl Manifest {
    /// Whether the manifest requests `permission`.
    pub fn has_permission(&self, permission: &str) -> bool {
        self.permissions.iter().any(|p| p.permission == permission)
    }

    /// The view declared for `viewport`, treating `app.settings` and `settings` as one.
    pub fn view_for(&self, viewport: &str) -> Option<&ViewDecl> {
        let wanted = canonical_viewport(viewport);
        self.ui_extension.views.iter().find(|v| canonical_viewport(&v.viewport) == wanted)
    }

    /// The declared `connect-src` entries (empty when there is no CSP).
    pub fn connect_src(&self) -> &[String] {
        self.ui_extension.content_security_policy.as_ref().map_or(&[], |c| &c.connect_src)
    }
}

fn null_as_empty<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(Option::<Vec<String>>::deserialize(d)?.unwrap_or_default())
}

fn empty_as_null<S: Serializer>(v: &[String], s: S) -> Result<S::Ok, S::Error> {
    if v.is_empty() {
        s.serialize_none()
    } else {
        v.serialize(s)
    }
}
