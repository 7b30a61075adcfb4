//! What a Dashboard role lets its user do with the app's permissions (reference §5, §7.3).
//!
//! Sources: Stripe's "User roles" page (docs.stripe.com/get-started/account/teams/roles) and
//! its older "Teams and user roles" table (stripe.com/docs/dashboard/teams). Neither maps roles
//! to API permissions, so each row says what it rests on. Where the docs are silent we reason
//! from the role's description and refuse writes. Stripe checks the session itself
//! (`more_permissions_required_for_session`); this table lets views disable actions up front.
//!
//! NB: `secret_write` is for admins and developers only. The settings page stores the app's
//! account-scoped secrets (Customer Sync credentials, shared with every Dashboard user and the
//! backend). Setting up an integration is account configuration, which the docs keep from
//! analysts, support specialists and view-only users ("can't access any account settings").
//! Since `secret_write` also covers find/list (§8.3), other roles can't read them either.

use crate::context::RoleDefinition;

/// The object families the app's permissions fall into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `customer_*`, `billing_clock_*`.
    Customers,
    /// `subscription_*`.
    Subscriptions,
    /// `invoice_*`, `credit_note_*`.
    Invoices,
    /// `product_*`, `plan_*` (prices), `sku_*`.
    Catalog,
    /// `payment_intent_*`, `charge_*`.
    Payments,
    /// `payment_method_*`, `setup_intent_*`, `mandate_*`, `source_*`.
    PaymentMethods,
    /// `secret_write` (the Secret Store).
    Secrets,
}

/// Which families a role may read, or write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Every permission of this kind, including objects outside the families.
    All,
    Only(&'static [Family]),
}

/// One role: its `RoleId`, display name and rights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleRow {
    pub id: &'static str,
    pub name: &'static str,
    pub read: Access,
    pub write: Access,
}

use Access::{All, Only};
use Family::*;

const NONE: Access = Only(&[]);

const fn row(id: &'static str, name: &'static str, read: Access, write: Access) -> RoleRow {
    RoleRow { id, name, read, write }
}

/// The built-in roles (reference §5 `RoleId`).
pub const ROLES: &[RoleRow] = &[
    // Docs: "see and manage almost everything": create, view, edit and delete customers and
    // products, refund payments, configure all product settings.
    row("admin", "Administrator", All, All),
    // Docs: given to the account's creator, for users allowed sensitive actions; admin and more.
    row("super_admin", "Super Administrator", All, All),
    // Docs: "has access to the secret key, which grants access to almost all API resources";
    // can't only edit bank accounts, invite team members or change the owner.
    row("developer", "Developer", All, All),
    // Docs: can't access account settings, API keys or Radar settings. They list no write to
    // our objects that we could verify, so reads only.
    row("analyst", "Analyst", All, NONE),
    // Docs: no account settings or API keys, no summarized financial reports, aggregate
    // payment data or payouts. Its job is helping customers: it reads their objects and
    // edits customer details; changing subscriptions or payment methods is refused.
    row(
        "support_specialist",
        "Support specialist",
        Only(&[Customers, Subscriptions, Invoices, Catalog, Payments, PaymentMethods]),
        Only(&[Customers]),
    ),
    // Docs: "read-only access to all payment information", no account settings.
    row("view_only", "View only", All, NONE),
    // Docs: edits tax forms only; "read-only access to all other Stripe data".
    row("tax_analyst", "Tax analyst", All, NONE),
    // Docs: "can't do anything beyond access management"; can't view payments or products.
    row("iam_admin", "IAM Administrator", NONE, NONE),
    // Docs: "can't do anything on the platform account except view and edit connected
    // accounts".
    row("connect_onboarding_analyst", "Connect onboarding analyst", NONE, NONE),
    // Docs: transfers to connected accounts, platform balance and past payouts; none of ours.
    row("transfer_analyst", "Transfer analyst", NONE, NONE),
    // Not in the docs we could reach. Disputes concern a payment and its customer: reads
    // those; responding to a dispute is no app action.
    row("dispute_analyst", "Dispute analyst", Only(&[Customers, Payments]), NONE),
    // Not in the docs we could reach. A refund starts from the payment or its customer:
    // reads those; refunds are no app action.
    row("refund_analyst", "Refund analyst", Only(&[Customers, Payments]), NONE),
    // Not in the docs we could reach. Works with Stripe's data-import tooling; our views need
    // nothing of it, so nothing.
    row("data_migration_specialist", "Data migration specialist", NONE, NONE),
    // Not in the docs we could reach. By its name it deals with Stripe support correspondence,
    // not account data: nothing.
    row("support_communications", "Support communications", NONE, NONE),
    // Not in the docs we could reach. By its name it only contacts Stripe support: nothing.
    row("support_only", "Support only", NONE, NONE),
    // Docs: Identity roles exist "only if you use Identity"; verification sessions only.
    row("identity_analyst", "Identity analyst", NONE, NONE),
    row("identity_view_only", "Identity view only", NONE, NONE),
    // Not in the docs we could reach. By its name it only adds funds by top-up: nothing.
    row("topups_only", "Top-ups only", NONE, NONE),
];

/// Custom roles (`type: custom`) and role ids we don't know. A custom role's rights are set in
/// the Dashboard and not sent to the extension (`RoleDefinition` has only id, name and type);
/// a new built-in role is not described yet. Reads are let through (Stripe still checks the
/// session), writes refused.
pub const READ_ONLY: RoleRow = row("", "unknown role", All, NONE);

impl Access {
    fn covers(&self, family: Option<Family>) -> bool {
        match self {
            All => true,
            Only(list) => family.is_some_and(|f| list.contains(&f)),
        }
    }
}

impl RoleRow {
    /// The row for a role as the Dashboard sends it: custom and unknown roles are read-only.
    pub fn of(role: &RoleDefinition) -> &'static RoleRow {
        match role.kind.as_str() {
            "custom" => &READ_ONLY,
            _ => Self::by_id(&role.id),
        }
    }

    /// The built-in row for `id`, or [`READ_ONLY`].
    pub fn by_id(id: &str) -> &'static RoleRow {
        ROLES.iter().find(|r| r.id == id).unwrap_or(&READ_ONLY)
    }

    /// Whether the role allows `permission`: directly (a write family also reads), or through
    /// a permission of its that implies it (reference §7.2).
    pub fn allows(&self, permission: &str) -> bool {
        self.direct(permission)
            || super::IMPLIES.iter().any(|(object, implied)| {
                implied.contains(&permission)
                    && ["_read", "_write"]
                        .iter()
                        .any(|kind| self.direct(&format!("{object}{kind}")))
            })
    }

    fn direct(&self, permission: &str) -> bool {
        if let Some(object) = permission.strip_suffix("_write") {
            self.write.covers(family(object))
        } else {
            let object = permission.strip_suffix("_read").unwrap_or(permission);
            self.read.covers(family(object)) || self.write.covers(family(object))
        }
    }
}

fn family(object: &str) -> Option<Family> {
    Some(match object {
        "customer" | "billing_clock" => Customers,
        "subscription" => Subscriptions,
        "invoice" | "credit_note" => Invoices,
        "product" | "plan" | "sku" => Catalog,
        "payment_intent" | "charge" => Payments,
        "payment_method" | "setup_intent" | "mandate" | "source" => PaymentMethods,
        "secret" => Secrets,
        _ => return None,
    })
}

/// Whether the built-in role `role_id` allows `permission` (unknown ids are read-only).
pub fn role_allows(role_id: &str, permission: &str) -> bool {
    RoleRow::by_id(role_id).allows(permission)
}
