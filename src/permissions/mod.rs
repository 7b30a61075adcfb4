//! The permission gate: a view may do only what both the app (its approved manifest
//! permissions) and the signed-in user (their Dashboard roles) may do (reference §7.3).
//!
//! [`required`] maps a request to the permissions it needs, [`satisfies`] reads a granted set
//! with Stripe's implications, [`roles`] says what each role allows, and [`Rights`] puts them
//! together in the order Stripe answers: the app first, then the user.

pub mod endpoints;
pub mod roles;

pub use endpoints::{required, Endpoint, ENDPOINTS, EXPANSIONS};
pub use roles::{role_allows, Access, Family, RoleRow, READ_ONLY, ROLES};

use crate::api::{ApiRequest, ApiResponse};
use crate::context::{ExtensionContext, RoleDefinition};
use std::fmt;

/// Object → the permissions its `_read` or `_write` also grants (reference §7.2).
pub const IMPLIES: &[(&str, &[&str])] = &[
    ("customer", &["billing_clock_read"]),
    ("invoice", &["credit_note_read"]),
    ("payment_method", &["source_read"]),
    ("setup_intent", &["mandate_read"]),
    ("payment_intent", &["product_read", "sku_read"]),
    (
        "checkout_session",
        &[
            "mandate_read",
            "payment_intent_read",
            "payment_links_read",
            "product_read",
            "setup_intent_read",
            "sku_read",
        ],
    ),
    ("credit_note", &["invoice_read"]),
    ("quote", &["product_read", "sku_read"]),
    ("balance_transaction_source", &["application_fee_read", "balance_read", "transfer_read"]),
    ("transfer", &["payout_read"]),
];

/// Whether `granted` covers `permission`: listed, implied by a listed one (transitively), or
/// the `_read` of a listed `_write`.
///
/// NB: write ⇒ read is our assumption. Stripe's docs don't say it for apps, but its restricted
/// keys work that way (a "Write" resource permission includes reading it).
pub fn satisfies(granted: &[String], permission: &str) -> bool {
    granted.iter().any(|g| grants(g, permission, 0))
}

fn grants(granted: &str, permission: &str, depth: u8) -> bool {
    let object = granted.strip_suffix("_read").or_else(|| granted.strip_suffix("_write"));
    granted == permission
        || granted
            .strip_suffix("_write")
            .is_some_and(|o| permission.strip_suffix("_read") == Some(o))
        || (depth < 4
            && IMPLIES
                .iter()
                .filter(|(o, _)| object == Some(*o))
                .any(|(_, implied)| implied.iter().any(|i| grants(i, permission, depth + 1))))
}

/// Who lacks a permission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lack {
    /// The app's manifest does not request it (or the account has not approved it).
    App,
    /// None of the user's roles allows it; `role` is their display name(s).
    Role { role: String },
    /// The endpoint is not in [`ENDPOINTS`], so we don't know what it needs.
    UnknownEndpoint,
    /// An `expand[]` value has a segment not in [`EXPANSIONS`]; we don't guess.
    UnknownExpansion { field: String },
}

/// Why a request (or action) was refused. `permission` is empty for unknown endpoints and
/// expansions; `method` and `path` are empty for [`Rights::can`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub permission: String,
    pub lack: Lack,
    pub method: String,
    pub path: String,
}

impl Refusal {
    fn new(permission: &str, lack: Lack, req: &ApiRequest) -> Self {
        Refusal {
            permission: permission.into(),
            lack,
            method: req.method.as_str().into(),
            path: req.path_only().into(),
        }
    }

    /// Stripe's answer to the same refusal: 403 `invalid_request_error` with
    /// `more_permissions_required_for_application` (the app lacks it, or we can't tell what it
    /// needs) or `more_permissions_required_for_session` (the user lacks it).
    pub fn to_response(&self) -> ApiResponse {
        let code = match self.lack {
            Lack::Role { .. } => "more_permissions_required_for_session",
            _ => "more_permissions_required_for_application",
        };
        ApiResponse::stripe_error(403, "invalid_request_error", &self.to_string(), None, Some(code))
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.permission;
        match self.method.is_empty() {
            true => f.write_str("This action")?,
            false => write!(f, "{} {}", self.method, self.path)?,
        }
        match &self.lack {
            Lack::App => write!(
                f,
                " needs {p}, which the app's manifest does not request: add it with `stripe-app \
                 grant permission {p} \"<purpose>\"` and reinstall"
            ),
            Lack::Role { role } => {
                let (noun, verb) =
                    if role.contains(", ") { ("roles", "do") } else { ("role", "does") };
                write!(
                    f,
                    " needs {p}, which your {noun} ({role}) {verb} not allow: ask an account \
                     administrator to do it, or for a role that can"
                )
            }
            Lack::UnknownEndpoint => f.write_str(
                " is not in the app's endpoint table, so the permission it needs is unknown: add \
                 it to `permissions::ENDPOINTS` with the permission Stripe documents for it",
            ),
            Lack::UnknownExpansion { field } => write!(
                f,
                " expands `{field}`, which the app's expansion table does not know, so the \
                 permission it needs is unknown: add it to `permissions::EXPANSIONS` or drop the \
                 expansion"
            ),
        }
    }
}

impl std::error::Error for Refusal {}

/// What the signed-in user may do through the app: the app's permissions and the user's roles.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rights {
    pub app: Vec<String>,
    pub roles: Vec<RoleDefinition>,
}

impl Rights {
    /// `appContext.authorizedPermissions` and `userContext.roles`.
    pub fn from_context(ctx: &ExtensionContext) -> Self {
        Rights {
            app: ctx.app_context.authorized_permissions.clone(),
            roles: ctx.user_context.roles.clone(),
        }
    }

    /// Refuses `req` unless the app has every permission it needs, then unless the user's
    /// roles allow each of them.
    pub fn check(&self, req: &ApiRequest) -> Result<(), Refusal> {
        let needed = required(req)?;
        if let Some(p) = needed.iter().find(|p| !satisfies(&self.app, p)) {
            return Err(Refusal::new(p, Lack::App, req));
        }
        role_gate(&self.roles, &needed, req)
    }

    /// Whether the user may use `permission` here, to disable an action before trying it.
    pub fn can(&self, permission: &str) -> Result<(), Refusal> {
        let refuse = |lack| Refusal {
            permission: permission.into(),
            lack,
            method: String::new(),
            path: String::new(),
        };
        if !satisfies(&self.app, permission) {
            return Err(refuse(Lack::App));
        }
        match allowed(&self.roles, permission) {
            true => Ok(()),
            false => Err(refuse(Lack::Role { role: role_names(&self.roles) })),
        }
    }
}

/// The host's second check, on the user's roles only: each permission `req` needs must be
/// allowed by at least one role (a user with several roles has all their rights).
pub fn check_role(roles: &[RoleDefinition], req: &ApiRequest) -> Result<(), Refusal> {
    role_gate(roles, &required(req)?, req)
}

fn role_gate(roles: &[RoleDefinition], needed: &[&str], req: &ApiRequest) -> Result<(), Refusal> {
    match needed.iter().find(|p| !allowed(roles, p)) {
        Some(p) => Err(Refusal::new(p, Lack::Role { role: role_names(roles) }, req)),
        None => Ok(()),
    }
}

/// NB: a user with no roles listed (older Dashboards) counts as an unknown role: read-only.
fn allowed(roles: &[RoleDefinition], permission: &str) -> bool {
    match roles {
        [] => READ_ONLY.allows(permission),
        _ => roles.iter().any(|r| RoleRow::of(r).allows(permission)),
    }
}

fn role_names(roles: &[RoleDefinition]) -> String {
    let name = |r: &RoleDefinition| match r.name.trim() {
        "" => RoleRow::of(r).name.to_string(),
        n => n.to_string(),
    };
    match roles {
        [] => READ_ONLY.name.to_string(),
        _ => roles.iter().map(name).collect::<Vec<_>>().join(", "),
    }
}
