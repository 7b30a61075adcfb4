//! The context a view receives, mirroring Stripe's `ExtensionContextValue` (reference §5):
//! who is signed in, on which account, where in the Dashboard, and what the app may do.
//!
//! Field names follow Stripe's JSON (camelCase) so the same payload could come from the SDK.

use serde::{Deserialize, Serialize};

/// Everything a view knows about where it runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtensionContext {
    pub user_context: UserContext,
    pub environment: Environment,
    pub app_context: AppContext,
}

/// The signed-in Dashboard user and their account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserContext {
    /// `usr_…`
    pub id: String,
    pub name: Option<String>,
    /// BCP 47, e.g. `en-US`.
    pub locale: String,
    pub account: Account,
    #[serde(default)]
    pub roles: Vec<RoleDefinition>,
}

/// The Stripe account the Dashboard is showing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// `acct_…`
    pub id: String,
    /// ISO country code, e.g. `US`.
    pub country: String,
    pub name: Option<String>,
    pub is_sandbox: bool,
}

/// A Dashboard role of the signed-in user (`RoleDefinition` in the SDK).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleDefinition {
    /// A built-in `RoleId` (`admin`, `developer`, `view_only`, …) or a custom role id.
    pub id: String,
    /// Display name (deprecated in the SDK, still sent).
    pub name: String,
    /// `builtIn` or `custom`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// Test or live data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    #[default]
    Test,
    Live,
}

impl Mode {
    pub fn as_str(&self) -> &'static str {
        match self {
            Mode::Test => "test",
            Mode::Live => "live",
        }
    }
}

/// Where in the Dashboard the view is mounted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Environment {
    pub mode: Mode,
    /// The viewport id from the manifest, e.g. `stripe.dashboard.customer.detail`.
    #[serde(rename = "viewportID")]
    pub viewport_id: String,
    /// The Dashboard object the page shows (`{id: "cus_…", object: "customer"}`), if any.
    pub object_context: Option<ObjectContext>,
    /// The manifest's `constants`.
    #[serde(default)]
    pub constants: Option<serde_json::Value>,
}

/// The Dashboard object a detail viewport is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectContext {
    pub id: String,
    pub object: String,
}

/// What the installed app is allowed to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct AppContext {
    /// Permission names approved for the app *and* allowed to the signed-in user.
    pub authorized_permissions: Vec<String>,
    pub authorized_content_security_policy: AuthorizedCsp,
}

/// The manifest's CSP lists as installed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizedCsp {
    pub connect_src: Option<Vec<String>>,
    pub image_src: Option<Vec<String>>,
}

impl ExtensionContext {
    /// Who asks the API and with which rights: the user, their roles, the account, the mode
    /// and the app's permissions. Cached reads (`api::cache`) are kept per scope.
    pub fn cache_scope(&self) -> String {
        let roles: Vec<&str> = self.user_context.roles.iter().map(|r| r.id.as_str()).collect();
        format!(
            "{} {} {} {} {}",
            self.user_context.id,
            roles.join(","),
            self.user_context.account.id,
            self.environment.mode.as_str(),
            self.app_context.authorized_permissions.join(","),
        )
    }

    /// The object id of a detail viewport when it is of kind `object` (e.g. `customer`).
    pub fn object_id(&self, object: &str) -> Option<&str> {
        self.environment
            .object_context
            .as_ref()
            .filter(|o| o.object == object)
            .map(|o| o.id.as_str())
    }

    /// A context like Stripe's `getMockContextProps()`, on our viewports, for tests.
    pub fn mock(viewport_id: &str) -> Self {
        ExtensionContext {
            user_context: UserContext {
                id: "usr_1234".into(),
                name: Some("Test User".into()),
                locale: "en-US".into(),
                account: Account {
                    id: "acct_1234".into(),
                    country: "US".into(),
                    name: Some("Test Business".into()),
                    is_sandbox: false,
                },
                roles: vec![RoleDefinition {
                    id: "developer".into(),
                    name: "Developer".into(),
                    kind: "builtIn".into(),
                }],
            },
            environment: Environment {
                mode: Mode::Test,
                viewport_id: viewport_id.into(),
                object_context: None,
                constants: None,
            },
            app_context: AppContext::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_with_stripe_sdk_field_names() {
        let mut ctx = ExtensionContext::mock("stripe.dashboard.customer.detail");
        ctx.environment.object_context =
            Some(ObjectContext { id: "cus_1".into(), object: "customer".into() });
        let json = serde_json::to_value(&ctx).unwrap();
        assert_eq!(json["environment"]["viewportID"], "stripe.dashboard.customer.detail");
        assert_eq!(json["environment"]["objectContext"]["id"], "cus_1");
        assert_eq!(json["userContext"]["account"]["isSandbox"], false);
        assert_eq!(json["userContext"]["roles"][0]["type"], "builtIn");
        assert!(json["appContext"]["authorizedContentSecurityPolicy"]
            .as_object()
            .unwrap()
            .contains_key("connectSrc"));
        let back: ExtensionContext = serde_json::from_value(json).unwrap();
        assert_eq!(back, ctx);
    }

    #[test]
    fn object_id_only_for_the_matching_object_kind() {
        let mut ctx = ExtensionContext::mock("stripe.dashboard.customer.detail");
        assert_eq!(ctx.object_id("customer"), None);
        ctx.environment.object_context =
            Some(ObjectContext { id: "in_1".into(), object: "invoice".into() });
        assert_eq!(ctx.object_id("customer"), None);
        assert_eq!(ctx.object_id("invoice"), Some("in_1"));
    }
}
