//! The preview host's state and backend, as pure logic: which viewport, object, user and mode
//! the local Dashboard shows, the context it hands the extension, and who answers API calls.

pub mod forward;

use crate::api::{ApiRequest, ApiResponse};
use crate::bridge::rules::check_credentials;
use crate::context::{
    Account, AppContext, AuthorizedCsp, Environment, ExtensionContext, Mode, ObjectContext,
    RoleDefinition, UserContext,
};
use crate::demo::{AwaitingAuthorization, DemoAccount};
use crate::manifest::{canonical_viewport, Manifest};

/// A Dashboard user the preview can sign in as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PreviewUser {
    pub id: &'static str,
    pub name: &'static str,
    /// Built-in Dashboard `RoleId` (reference §5).
    pub role_id: &'static str,
    pub role_name: &'static str,
}

/// The users of the preview's Dashboard, one per role worth trying.
pub const USERS: &[PreviewUser] = &[
    PreviewUser {
        id: "usr_admin",
        name: "Jenny Rosen",
        role_id: "admin",
        role_name: "Administrator",
    },
    PreviewUser { id: "usr_dev", name: "Dev Patel", role_id: "developer", role_name: "Developer" },
    PreviewUser { id: "usr_view", name: "Ana Souza", role_id: "view_only", role_name: "View only" },
    PreviewUser {
        id: "usr_support",
        name: "Sam Lee",
        role_id: "support_specialist",
        role_name: "Support specialist",
    },
];

/// The demo account's identity.
pub const ACCOUNT_ID: &str = "acct_1DemoCustomerSync";
pub const ACCOUNT_NAME: &str = "Rocket Rides (demo)";

/// What the preview Dashboard shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewState {
    /// A viewport the manifest declares, spelled as in the manifest.
    pub viewport: String,
    /// The object of a detail viewport (a customer id).
    pub object_id: Option<String>,
    /// Index into [`USERS`].
    pub user: usize,
    pub mode: Mode,
    /// Who answers the extension's API calls.
    pub backend: BackendChoice,
}

/// The preview's backend: the embedded demo account, or forwarding through the preview
/// server's proxy ([`forward`]) to a Stripe-compatible API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BackendChoice {
    #[default]
    Demo,
    Forward,
}

impl BackendChoice {
    /// The deep-link value (`backend=…`).
    pub fn as_str(&self) -> &'static str {
        match self {
            BackendChoice::Demo => "demo",
            BackendChoice::Forward => "forward",
        }
    }

    /// The host's backend indicator.
    pub fn describe(&self) -> String {
        match self {
            BackendChoice::Demo => "Demo account (embedded, in memory)".into(),
            BackendChoice::Forward => {
                format!("Forwarding ({}/ proxy)", forward::FORWARD_PREFIX)
            }
        }
    }
}

impl PreviewState {
    /// The state a deep link asks for (`?viewport=…&object=cus_…&role=…&mode=live`), falling
    /// back to the manifest's first view, the first user and test mode for anything absent or
    /// unknown. `viewport` may also be given in its other spelling (`settings`/`app.settings`).
    pub fn from_query(query: &str, manifest: &Manifest) -> Self {
        let pairs = crate::api::form::decode_pairs(query.trim_start_matches('?'));
        let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        let declared = |v: &str| {
            manifest
                .ui_extension
                .views
                .iter()
                .find(|d| canonical_viewport(&d.viewport) == canonical_viewport(v))
                .map(|d| d.viewport.clone())
        };
        let first = manifest.ui_extension.views.first().map(|d| d.viewport.clone());
        PreviewState {
            viewport: get("viewport").and_then(declared).or(first).unwrap_or_default(),
            object_id: get("object").filter(|o| !o.is_empty()).map(str::to_string),
            user: get("role").and_then(|r| USERS.iter().position(|u| u.role_id == r)).unwrap_or(0),
            mode: if get("mode") == Some("live") { Mode::Live } else { Mode::Test },
            backend: match get("backend") {
                Some("forward") => BackendChoice::Forward,
                _ => BackendChoice::Demo,
            },
        }
    }

    /// The deep link of this state (the inverse of [`PreviewState::from_query`]).
    pub fn to_query(&self) -> String {
        let mut pairs = vec![("viewport".to_string(), self.viewport.clone())];
        if let (Some(o), true) = (&self.object_id, self.shows_object()) {
            pairs.push(("object".into(), o.clone()));
        }
        pairs.push(("role".into(), self.user().role_id.into()));
        pairs.push(("mode".into(), self.mode.as_str().into()));
        if self.backend != BackendChoice::Demo {
            pairs.push(("backend".into(), self.backend.as_str().into()));
        }
        crate::api::form::encode_pairs(&pairs)
    }

    /// Whether the viewport is a customer's page (the only detail viewport we declare), so
    /// the object is part of what is shown.
    pub fn shows_object(&self) -> bool {
        self.viewport == "stripe.dashboard.customer.detail"
    }

    /// The signed-in user.
    pub fn user(&self) -> PreviewUser {
        USERS[self.user.min(USERS.len() - 1)]
    }

    /// The signed-in user's Dashboard roles.
    pub fn roles(&self) -> Vec<RoleDefinition> {
        let user = self.user();
        vec![RoleDefinition {
            id: user.role_id.into(),
            name: user.role_name.into(),
            kind: "builtIn".into(),
        }]
    }

    /// The manifest component registered for the viewport.
    pub fn component<'m>(&self, manifest: &'m Manifest) -> Option<&'m str> {
        manifest
            .ui_extension
            .views
            .iter()
            .find(|d| d.viewport == self.viewport)
            .map(|d| d.component.as_str())
    }

    /// The context the extension receives, as Stripe's Dashboard would build it.
    pub fn context(&self, manifest: &Manifest) -> ExtensionContext {
        let user = self.user();
        let csp = manifest.ui_extension.content_security_policy.as_ref();
        let object_context = match (&self.object_id, self.shows_object()) {
            (Some(id), true) => Some(ObjectContext { id: id.clone(), object: "customer".into() }),
            _ => None,
        };
        ExtensionContext {
            user_context: UserContext {
                id: user.id.into(),
                name: Some(user.name.into()),
                locale: "en-US".into(),
                account: Account {
                    id: ACCOUNT_ID.into(),
                    country: "US".into(),
                    name: Some(ACCOUNT_NAME.into()),
                    is_sandbox: false,
                },
                roles: self.roles(),
            },
            environment: Environment {
                mode: self.mode,
                viewport_id: self.viewport.clone(),
                object_context,
                constants: manifest.constants.clone(),
            },
            app_context: AppContext {
                authorized_permissions: manifest
                    .permissions
                    .iter()
                    .map(|p| p.permission.clone())
                    .collect(),
                authorized_content_security_policy: AuthorizedCsp {
                    connect_src: csp.map(|c| c.connect_src.clone()),
                    image_src: csp.map(|c| c.image_src.clone()),
                },
            },
        }
    }
}

/// Who answers the extension's API calls: the embedded demo account, with separate test and
/// live data like a real Stripe account (the demo's live mode has no objects).
pub struct Backend {
    test: DemoAccount,
    live: DemoAccount,
}

impl Default for Backend {
    fn default() -> Self {
        Backend { test: DemoAccount::seeded(), live: DemoAccount::empty_live() }
    }
}

impl Backend {
    /// Checks the request's credentials and that the signed-in user's roles allow it (the
    /// extension checked the app's permissions already), then answers from the mode's data.
    pub fn answer(
        &mut self,
        mode: Mode,
        roles: &[RoleDefinition],
        request: &ApiRequest,
    ) -> ApiResponse {
        if let Err(refused) = check_credentials(request) {
            return refused;
        }
        if let Err(refusal) = crate::permissions::check_role(roles, request) {
            return refusal.to_response();
        }
        self.account(mode).handle(request)
    }

    fn account(&mut self, mode: Mode) -> &mut DemoAccount {
        match mode {
            Mode::Test => &mut self.test,
            Mode::Live => &mut self.live,
        }
    }

    /// Amazon Pay setups waiting for their customer, for the host's "as the customer" panel.
    pub fn awaiting_authorization(&mut self, mode: Mode) -> Vec<AwaitingAuthorization> {
        self.account(mode).awaiting_authorization()
    }

    /// Approves or declines an Amazon Pay setup as its customer would at the redirect.
    pub fn authorize(
        &mut self,
        mode: Mode,
        setup_intent: &str,
        approve: bool,
    ) -> Result<(), String> {
        self.account(mode).authorize_setup_intent(setup_intent, approve)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{pagination::ListParams, Method};

    fn manifest() -> Manifest {
        crate::manifest::parse(include_str!("../../stripe-app.json")).unwrap()
    }

    #[test]
    fn deep_link_round_trips() {
        let m = manifest();
        let q = "viewport=stripe.dashboard.customer.detail&object=cus_123&role=view_only&mode=live";
        let state = PreviewState::from_query(&format!("?{q}"), &m);
        assert_eq!(state.viewport, "stripe.dashboard.customer.detail");
        assert_eq!(state.object_id.as_deref(), Some("cus_123"));
        assert_eq!(state.user().role_id, "view_only");
        assert_eq!(state.mode, Mode::Live);
        assert_eq!(state.to_query(), q);
        assert_eq!(PreviewState::from_query(&state.to_query(), &m), state);
        assert_eq!(state.backend, BackendChoice::Demo);
        let forwarding = PreviewState::from_query(&format!("{q}&backend=forward"), &m);
        assert_eq!(forwarding.backend, BackendChoice::Forward);
        assert_eq!(forwarding.to_query(), format!("{q}&backend=forward"));
    }

    // A link written with Stripe's spelling of the settings page opens ours.
    #[test]
    fn settings_deep_link_accepts_both_spellings() {
        let m = manifest();
        for v in ["settings", "app.settings"] {
            let state = PreviewState::from_query(&format!("viewport={v}"), &m);
            assert_eq!(state.viewport, "app.settings");
            assert_eq!(state.component(&m), Some("AppSettings"));
        }
    }

    #[test]
    fn unknown_or_missing_values_fall_back_to_defaults() {
        let m = manifest();
        let state =
            PreviewState::from_query("viewport=stripe.dashboard.nope&role=owner&mode=x", &m);
        assert_eq!(state.viewport, m.ui_extension.views[0].viewport);
        assert_eq!(state.user().role_id, "admin");
        assert_eq!(state.mode, Mode::Test);
        assert_eq!(PreviewState::from_query("", &m).object_id, None);
    }

    #[test]
    fn context_mirrors_the_manifest_user_and_page() {
        let m = manifest();
        let q = "viewport=stripe.dashboard.customer.detail&object=cus_9&role=developer";
        let ctx = PreviewState::from_query(q, &m).context(&m);
        assert_eq!(ctx.object_id("customer"), Some("cus_9"));
        assert_eq!(ctx.environment.viewport_id, "stripe.dashboard.customer.detail");
        assert_eq!(ctx.user_context.roles[0].id, "developer");
        let names: Vec<_> = m.permissions.iter().map(|p| p.permission.clone()).collect();
        assert_eq!(ctx.app_context.authorized_permissions, names);
        assert_eq!(
            ctx.app_context.authorized_content_security_policy.connect_src.as_deref(),
            Some(&["https://sync.customer-sync.example/api/".to_string()][..])
        );
        // List pages carry no object, even if the link names one.
        let q = "viewport=stripe.dashboard.customer.list&object=cus_9";
        assert_eq!(PreviewState::from_query(q, &m).context(&m).environment.object_context, None);
    }

    #[test]
    fn backend_answers_per_mode_and_refuses_real_keys() {
        let mut backend = Backend::default();
        let list = crate::api::customers::list(&ListParams::default());
        let admin = PreviewState::from_query("role=admin", &manifest()).context(&manifest());
        let roles = &admin.user_context.roles;
        let test: crate::api::types::List<crate::api::types::Customer> =
            serde_json::from_str(&backend.answer(Mode::Test, roles, &list).body).unwrap();
        let live: crate::api::types::List<crate::api::types::Customer> =
            serde_json::from_str(&backend.answer(Mode::Live, roles, &list).body).unwrap();
        assert_eq!(test.data.len(), 10);
        assert!(live.data.is_empty());
        let mut keyed = ApiRequest::new(Method::Get, "/v1/customers", &[]);
        keyed.headers[0].1 = "Bearer sk_live_abc123".into();
        assert_eq!(backend.answer(Mode::Test, roles, &keyed).status, 401);
    }

    // The host's own check: a view-only user's write is refused even if the extension sent it.
    #[test]
    fn backend_refuses_what_the_users_role_may_not_do() {
        let mut backend = Backend::default();
        let m = manifest();
        let viewer = PreviewState::from_query("role=view_only", &m).context(&m);
        let update = crate::api::customers::update(
            "cus_x",
            &crate::api::customers::CustomerUpdate {
                description: Some("x".into()),
                ..Default::default()
            },
            "key-1",
        );
        let res = backend.answer(Mode::Test, &viewer.user_context.roles, &update);
        assert_eq!(res.status, 403);
        assert!(res.body.contains("more_permissions_required_for_session"), "{}", res.body);
        assert!(
            res.body.contains("customer_write") && res.body.contains("View only"),
            "{}",
            res.body
        );
    }
}
