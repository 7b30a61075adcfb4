//! The permission gate: endpoint and expansion tables, implications, roles, and the order and
//! wording of refusals.

use stripe_app::api::customers::{self, CustomerUpdate};
use stripe_app::api::{ApiError, ApiRequest, Method};
use stripe_app::context::{ExtensionContext, RoleDefinition};
use stripe_app::permissions::endpoints::endpoint;
use stripe_app::permissions::*;

fn get(path: &str) -> ApiRequest {
    ApiRequest::new(Method::Get, path, &[])
}

fn post(path: &str, params: &[(&str, &str)]) -> ApiRequest {
    let pairs: Vec<_> = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    ApiRequest::new(Method::Post, path, &pairs)
}

fn role(id: &str, name: &str) -> RoleDefinition {
    RoleDefinition { id: id.into(), name: name.into(), kind: "builtIn".into() }
}

fn custom(id: &str, name: &str) -> RoleDefinition {
    RoleDefinition { id: id.into(), name: name.into(), kind: "custom".into() }
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The manifest's permissions, as the app would be granted them.
fn manifest_permissions() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/stripe-app.json");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let list = manifest["permissions"].as_array().unwrap();
    list.iter().map(|p| p["permission"].as_str().unwrap().to_string()).collect()
}

fn update_request() -> ApiRequest {
    let changes = CustomerUpdate { name: Some("Jo".into()), ..Default::default() };
    customers::update("cus_1", &changes, "key_1")
}

// ===== Endpoints =====

#[test]
fn every_endpoint_row_maps_a_concrete_request_to_its_permission() {
    for row in ENDPOINTS {
        let path = row.pattern.replace(":id", "obj_123");
        let req = ApiRequest::new(row.method, &path, &[]);
        assert_eq!(required(&req), Ok(vec![row.permission]), "{} {path}", row.method.as_str());
        assert_eq!(endpoint(row.method, &path), Some(row), "{path} resolves to its own row");
    }
}

// The table must keep every endpoint the app uses, with Stripe's permission for it.
#[test]
fn the_endpoint_table_covers_what_the_app_calls() {
    use Method::{Delete as D, Get as G, Post as P};
    let want = [
        (G, "/v1/customers", "customer_read"),
        (G, "/v1/customers/search", "customer_read"),
        (G, "/v1/customers/cus_1", "customer_read"),
        (P, "/v1/customers/cus_1", "customer_write"),
        (G, "/v1/customers/cus_1/payment_methods", "payment_method_read"),
        (G, "/v1/products", "product_read"),
        (G, "/v1/products/prod_1", "product_read"),
        (G, "/v1/prices", "plan_read"),
        (G, "/v1/prices/price_1", "plan_read"),
        (G, "/v1/subscriptions", "subscription_read"),
        (G, "/v1/subscriptions/sub_1", "subscription_read"),
        (P, "/v1/subscriptions", "subscription_write"),
        (P, "/v1/subscriptions/sub_1", "subscription_write"),
        (D, "/v1/subscriptions/sub_1", "subscription_write"),
        (G, "/v1/invoices", "invoice_read"),
        (G, "/v1/invoices/in_1", "invoice_read"),
        (G, "/v1/payment_methods", "payment_method_read"),
        (G, "/v1/payment_methods/pm_1", "payment_method_read"),
        (P, "/v1/setup_intents", "setup_intent_write"),
        (G, "/v1/setup_intents/seti_1", "setup_intent_read"),
        (P, "/v1/setup_intents/seti_1/confirm", "setup_intent_write"),
        (G, "/v1/payment_intents", "payment_intent_read"),
        (G, "/v1/payment_intents/pi_1", "payment_intent_read"),
        (P, "/v1/apps/secrets", "secret_write"),
        (G, "/v1/apps/secrets/find", "secret_write"),
        (P, "/v1/apps/secrets/delete", "secret_write"),
        (G, "/v1/apps/secrets", "secret_write"),
    ];
    for (method, path, permission) in want {
        let req = ApiRequest::new(method, path, &[]);
        assert_eq!(required(&req), Ok(vec![permission]), "{} {path}", method.as_str());
    }
}

#[test]
fn literal_segments_win_over_ids() {
    let search = endpoint(Method::Get, "/v1/customers/search").unwrap();
    assert_eq!(search.pattern, "/v1/customers/search");
    assert_eq!(
        endpoint(Method::Get, "/v1/apps/secrets/find").unwrap().pattern,
        "/v1/apps/secrets/find"
    );
    let delete = endpoint(Method::Post, "/v1/apps/secrets/delete").unwrap();
    assert_eq!(delete.pattern, "/v1/apps/secrets/delete");
    assert_eq!(endpoint(Method::Get, "/v1/customers/cus_9").unwrap().pattern, "/v1/customers/:id");
}

#[test]
fn the_query_is_ignored_and_an_id_is_any_one_segment() {
    let req = get("/v1/customers/cus_1?limit=3");
    assert_eq!(required(&req), Ok(vec!["customer_read"]));
    assert_eq!(required(&customers::retrieve("a/b?c")), Ok(vec!["customer_read"]));
    assert_eq!(required(&update_request()), Ok(vec!["customer_write"]));
}

#[test]
fn unknown_endpoints_are_refused_not_guessed() {
    for req in [
        get("/v1/customers/"),
        get("/v1/customers/cus_1/extra"),
        get("/v1/balance"),
        get("/v2/customers"),
        post("/v1/customers", &[("name", "x")]),
        ApiRequest::new(Method::Delete, "/v1/customers/cus_1", &[]),
    ] {
        let refusal = required(&req).unwrap_err();
        assert_eq!(refusal.lack, Lack::UnknownEndpoint, "{}", req.path);
        assert_eq!(
            (refusal.method.as_str(), refusal.path.as_str()),
            (req.method.as_str(), req.path_only())
        );
    }
}

// ===== Expansions =====

#[test]
fn every_expansion_row_adds_its_permission() {
    for (segment, permission) in EXPANSIONS {
        let req = get(&format!("/v1/customers/cus_1?expand[]={segment}"));
        let mut want = vec!["customer_read"];
        if !permission.is_empty() && *permission != "customer_read" {
            want.push(permission);
        }
        assert_eq!(required(&req), Ok(want), "{segment}");
    }
}

#[test]
fn expansions_are_read_from_every_spelling_in_the_query_or_body() {
    let req = get("/v1/subscriptions?expand[0]=data.customer&expand[]=data.default_payment_method");
    assert_eq!(
        required(&req),
        Ok(vec!["subscription_read", "customer_read", "payment_method_read"])
    );
    let req = post("/v1/subscriptions", &[("customer", "cus_1"), ("expand[0]", "latest_invoice")]);
    assert_eq!(required(&req), Ok(vec!["subscription_write", "invoice_read"]));
    let req = get("/v1/apps/secrets/find?name=k&expand%5B%5D=payload");
    assert_eq!(required(&req), Ok(vec!["secret_write"]));
}

#[test]
fn each_segment_of_a_dotted_expansion_counts_once() {
    let req = get("/v1/subscriptions/sub_1?expand[]=latest_invoice.payment_intent\
         &expand[]=items.data.price.product&expand[]=latest_invoice");
    assert_eq!(
        required(&req),
        Ok(vec![
            "subscription_read",
            "invoice_read",
            "payment_intent_read",
            "plan_read",
            "product_read"
        ])
    );
    let req = get("/v1/customers/cus_1?expand[]=invoice_settings.default_payment_method");
    assert_eq!(required(&req), Ok(vec!["customer_read", "payment_method_read"]));
    let req = get("/v1/setup_intents/seti_1?expand[]=mandate&expand[]=payment_method");
    assert_eq!(
        required(&req),
        Ok(vec!["setup_intent_read", "mandate_read", "payment_method_read"])
    );
}

#[test]
fn unknown_expansions_are_refused_with_the_field() {
    for field in ["default_source", "latest_invoice.confirmation_secret", "data.tax_ids"] {
        let refusal = required(&get(&format!("/v1/customers?expand[]={field}"))).unwrap_err();
        assert_eq!(refusal.lack, Lack::UnknownExpansion { field: field.into() });
        assert!(refusal.to_string().contains(field), "{refusal}");
    }
}

// ===== Implications =====

#[test]
fn every_implication_row_holds_for_read_and_write() {
    for (object, implied) in IMPLIES {
        for kind in ["_read", "_write"] {
            let granted = vec![format!("{object}{kind}")];
            for p in *implied {
                assert!(satisfies(&granted, p), "{granted:?} ⇒ {p}");
            }
        }
    }
}

// Spelled out from reference §7.2, so a row can't silently disappear from the table.
#[test]
fn the_documented_implications() {
    let cases = [
        ("customer_read", "billing_clock_read"),
        ("customer_write", "billing_clock_read"),
        ("invoice_read", "credit_note_read"),
        ("payment_method_write", "source_read"),
        ("setup_intent_read", "mandate_read"),
        ("payment_intent_read", "product_read"),
        ("payment_intent_write", "sku_read"),
        ("checkout_session_read", "mandate_read"),
        ("checkout_session_read", "payment_intent_read"),
        ("checkout_session_write", "payment_links_read"),
        ("checkout_session_read", "product_read"),
        ("checkout_session_read", "setup_intent_read"),
        ("checkout_session_read", "sku_read"),
        ("credit_note_write", "invoice_read"),
        ("quote_read", "product_read"),
        ("quote_read", "sku_read"),
        ("balance_transaction_source_read", "application_fee_read"),
        ("balance_transaction_source_read", "balance_read"),
        ("balance_transaction_source_read", "transfer_read"),
        ("transfer_read", "payout_read"),
    ];
    for (granted, implied) in cases {
        assert!(satisfies(&strings(&[granted]), implied), "{granted} ⇒ {implied}");
    }
}

#[test]
fn implications_chain_and_write_covers_read_but_nothing_more() {
    // balance_transaction_source_read ⇒ transfer_read ⇒ payout_read.
    assert!(satisfies(&strings(&["balance_transaction_source_read"]), "payout_read"));
    // credit_note_* ⇒ invoice_read ⇒ credit_note_read is a cycle: a miss must still end.
    assert!(!satisfies(&strings(&["credit_note_write"]), "invoice_write"));
    assert!(!satisfies(&strings(&["invoice_read"]), "subscription_write"));
    assert!(satisfies(&strings(&["customer_write"]), "customer_read"));
    assert!(satisfies(&strings(&["subscription_write"]), "subscription_read"));
    assert!(!satisfies(&strings(&["customer_read"]), "customer_write"));
    assert!(!satisfies(&strings(&["billing_clock_read"]), "customer_read"));
    assert!(!satisfies(&strings(&["setup_intent_write"]), "mandate_write"));
    assert!(!satisfies(&strings(&["invoice_read"]), "subscription_read"));
    assert!(!satisfies(&[], "customer_read"));
}

// ===== Roles =====

#[test]
fn the_role_table_has_exactly_the_builtin_role_ids() {
    let ids: Vec<&str> = ROLES.iter().map(|r| r.id).collect();
    let want = [
        "admin",
        "super_admin",
        "developer",
        "analyst",
        "support_specialist",
        "view_only",
        "tax_analyst",
        "iam_admin",
        "connect_onboarding_analyst",
        "transfer_analyst",
        "dispute_analyst",
        "refund_analyst",
        "data_migration_specialist",
        "support_communications",
        "support_only",
        "identity_analyst",
        "identity_view_only",
        "topups_only",
    ];
    assert_eq!(ids, want);
    assert!(ROLES.iter().all(|r| !r.name.is_empty()));
}

// What each role may read and write, one decision per row comment in `permissions::roles`.
#[test]
fn each_role_reads_and_writes_what_its_row_says() {
    let cases = [
        // Docs: manage almost everything, including settings.
        ("admin", "customer_read", true),
        ("admin", "secret_write", true),
        ("super_admin", "invoice_read", true),
        ("super_admin", "subscription_write", true),
        // Docs: the secret key reaches almost all API resources.
        ("developer", "plan_read", true),
        ("developer", "secret_write", true),
        // Docs: no settings; no verified writes.
        ("analyst", "invoice_read", true),
        ("analyst", "customer_write", false),
        // Helps customers: reads their objects, edits their details, nothing else.
        ("support_specialist", "subscription_read", true),
        ("support_specialist", "customer_write", true),
        ("support_specialist", "subscription_write", false),
        ("support_specialist", "setup_intent_write", false),
        ("support_specialist", "secret_write", false),
        ("support_specialist", "balance_read", false),
        // Docs: read-only access to all payment information.
        ("view_only", "payment_intent_read", true),
        ("view_only", "customer_write", false),
        ("view_only", "secret_write", false),
        // Docs: read-only outside tax forms.
        ("tax_analyst", "customer_read", true),
        ("tax_analyst", "customer_write", false),
        // Docs: access management only.
        ("iam_admin", "customer_read", false),
        ("iam_admin", "customer_write", false),
        // Docs: connected accounts only.
        ("connect_onboarding_analyst", "customer_read", false),
        ("connect_onboarding_analyst", "customer_write", false),
        // Docs: transfers, balance, payouts only.
        ("transfer_analyst", "invoice_read", false),
        ("transfer_analyst", "subscription_write", false),
        // Disputes: the payment and its customer.
        ("dispute_analyst", "payment_intent_read", true),
        ("dispute_analyst", "customer_read", true),
        ("dispute_analyst", "subscription_read", false),
        ("dispute_analyst", "customer_write", false),
        // Refunds: the payment and its customer.
        ("refund_analyst", "payment_intent_read", true),
        ("refund_analyst", "payment_intent_write", false),
        // Data imports, Stripe support, Identity and top-ups: none of the app's objects.
        ("data_migration_specialist", "customer_read", false),
        ("data_migration_specialist", "customer_write", false),
        ("support_communications", "customer_read", false),
        ("support_communications", "customer_write", false),
        ("support_only", "invoice_read", false),
        ("support_only", "customer_write", false),
        ("identity_analyst", "customer_read", false),
        ("identity_analyst", "customer_write", false),
        ("identity_view_only", "customer_read", false),
        ("identity_view_only", "customer_write", false),
        ("topups_only", "customer_read", false),
        ("topups_only", "customer_write", false),
    ];
    for (id, permission, want) in cases {
        assert_eq!(role_allows(id, permission), want, "{id} / {permission}");
    }
    for row in ROLES {
        assert!(cases.iter().any(|(id, p, _)| *id == row.id && p.ends_with("_read")), "{}", row.id);
        assert!(
            cases.iter().any(|(id, p, _)| *id == row.id && p.ends_with("_write")),
            "{}",
            row.id
        );
    }
}

#[test]
fn only_admins_and_developers_may_save_app_settings() {
    let may: Vec<&str> = ROLES.iter().filter(|r| r.allows("secret_write")).map(|r| r.id).collect();
    assert_eq!(may, ["admin", "super_admin", "developer"]);
}

#[test]
fn a_role_that_may_write_may_read_and_implications_apply_to_roles() {
    let all = ["customer", "subscription", "invoice", "plan", "product", "payment_method"];
    for row in ROLES {
        for object in all {
            if row.allows(&format!("{object}_write")) {
                assert!(row.allows(&format!("{object}_read")), "{} {object}", row.id);
            }
        }
    }
    // payment_intent_* implies product_read, which refund analysts have no family for.
    assert!(role_allows("refund_analyst", "product_read"));
    assert!(!role_allows("refund_analyst", "plan_read"));
    assert!(role_allows("support_specialist", "mandate_read"));
}

#[test]
fn custom_and_unknown_roles_are_read_only() {
    let rights = |roles| Rights { app: manifest_permissions(), roles };
    for roles in [
        vec![custom("rol_123", "Billing team")],
        vec![custom("admin", "Looks like admin")],
        vec![role("brand_new_role", "Brand new")],
        vec![],
    ] {
        let r = rights(roles.clone());
        assert_eq!(r.check(&get("/v1/customers")), Ok(()), "{roles:?}");
        let refusal = r.check(&update_request()).unwrap_err();
        assert!(matches!(refusal.lack, Lack::Role { .. }), "{roles:?}");
    }
    assert!(role_allows("nobody_knows", "invoice_read"));
    assert!(!role_allows("nobody_knows", "invoice_write"));
}

// ===== Rights =====

#[test]
fn the_app_is_checked_before_the_role() {
    let view_only = vec![role("view_only", "View only")];
    let read_only_app = Rights { app: strings(&["customer_read"]), roles: view_only.clone() };
    let refusal = read_only_app.check(&update_request()).unwrap_err();
    assert_eq!(refusal.lack, Lack::App);
    assert_eq!(refusal.permission, "customer_write");

    let full_app = Rights { app: manifest_permissions(), roles: view_only };
    let refusal = full_app.check(&update_request()).unwrap_err();
    assert_eq!(refusal.lack, Lack::Role { role: "View only".into() });

    let admin = Rights { app: manifest_permissions(), roles: vec![role("admin", "Administrator")] };
    assert_eq!(admin.check(&update_request()), Ok(()));
}

#[test]
fn expansions_are_checked_against_the_app_and_the_role() {
    let req = get("/v1/customers/cus_1?expand[]=default_payment_method");
    let app_without = Rights { app: strings(&["customer_read"]), roles: vec![role("admin", "A")] };
    let refusal = app_without.check(&req).unwrap_err();
    assert_eq!((refusal.permission.as_str(), refusal.lack), ("payment_method_read", Lack::App));
    let dispute = Rights { app: manifest_permissions(), roles: vec![role("dispute_analyst", "D")] };
    let refusal = dispute.check(&req).unwrap_err();
    assert_eq!(refusal.permission, "payment_method_read");
    assert!(matches!(refusal.lack, Lack::Role { .. }));
}

#[test]
fn a_user_with_several_roles_has_the_rights_of_each() {
    let roles = vec![role("view_only", "View only"), role("support_specialist", "Support")];
    let rights = Rights { app: manifest_permissions(), roles };
    assert_eq!(rights.check(&update_request()), Ok(()));
    assert!(rights.can("subscription_write").is_err());

    let roles = vec![role("view_only", "View only"), role("analyst", "Analyst")];
    let refusal = check_role(&roles, &update_request()).unwrap_err();
    assert_eq!(refusal.lack, Lack::Role { role: "View only, Analyst".into() });
    assert!(refusal.to_string().contains("your roles (View only, Analyst) do not allow"));
}

#[test]
fn check_role_ignores_the_app() {
    let admin = [role("admin", "Administrator")];
    assert_eq!(check_role(&admin, &get("/v1/balance")).unwrap_err().lack, Lack::UnknownEndpoint);
    assert_eq!(check_role(&admin, &update_request()), Ok(()));
    let none = [role("iam_admin", "IAM Administrator")];
    assert!(check_role(&none, &get("/v1/customers")).is_err());
}

#[test]
fn can_checks_an_action_up_front() {
    let mut ctx = ExtensionContext::mock("stripe.dashboard.customer.detail");
    ctx.app_context.authorized_permissions = strings(&["customer_read"]);
    let rights = Rights::from_context(&ctx);
    assert_eq!(rights.roles, ctx.user_context.roles);
    assert_eq!(rights.can("customer_read"), Ok(()));
    assert_eq!(rights.can("billing_clock_read"), Ok(()));
    let refusal = rights.can("customer_write").unwrap_err();
    assert_eq!((&refusal.lack, refusal.method.as_str()), (&Lack::App, ""));
    assert!(refusal.to_string().starts_with("This action needs customer_write"), "{refusal}");

    let viewer =
        Rights { app: manifest_permissions(), roles: vec![role("view_only", "View only")] };
    assert_eq!(viewer.can("invoice_read"), Ok(()));
    assert_eq!(
        viewer.can("secret_write").unwrap_err().lack,
        Lack::Role { role: "View only".into() }
    );
}

// ===== Messages =====

#[test]
fn messages_name_the_permission_who_lacks_it_and_the_fix() {
    let app = Rights { app: vec![], roles: vec![role("admin", "Administrator")] };
    assert_eq!(
        app.check(&update_request()).unwrap_err().to_string(),
        "POST /v1/customers/cus_1 needs customer_write, which the app's manifest does not \
         request: add it with `stripe-app grant permission customer_write \"<purpose>\"` and \
         reinstall"
    );
    let viewer =
        Rights { app: manifest_permissions(), roles: vec![role("view_only", "View only")] };
    assert_eq!(
        viewer.check(&update_request()).unwrap_err().to_string(),
        "POST /v1/customers/cus_1 needs customer_write, which your role (View only) does not \
         allow: ask an account administrator to do it, or for a role that can"
    );
    let unknown = required(&get("/v1/balance?x=1")).unwrap_err().to_string();
    assert!(unknown.starts_with("GET /v1/balance is not in the app's endpoint table"), "{unknown}");
    assert!(unknown.contains("permissions::ENDPOINTS"));
}

#[test]
fn a_role_without_a_display_name_uses_the_table_name() {
    let refusal = check_role(&[role("view_only", " ")], &update_request()).unwrap_err();
    assert_eq!(refusal.lack, Lack::Role { role: "View only".into() });
}

#[test]
fn refusals_answer_like_stripe() {
    let app = Rights { app: vec![], roles: vec![] }.check(&get("/v1/customers")).unwrap_err();
    let user = check_role(&[role("iam_admin", "IAM")], &get("/v1/customers")).unwrap_err();
    for (refusal, code) in [
        (app, "more_permissions_required_for_application"),
        (user, "more_permissions_required_for_session"),
    ] {
        let response = refusal.to_response();
        assert_eq!(response.status, 403);
        match ApiError::from_response(response.status, &response.body) {
            ApiError::Stripe { status, error } => {
                assert_eq!(status, 403);
                assert_eq!(error.kind, "invalid_request_error");
                assert_eq!(error.code.as_deref(), Some(code));
                assert_eq!(error.message, Some(refusal.to_string()));
            }
            other => panic!("{other:?}"),
        }
    }
}

// ===== Our manifest =====

// The views call these; the manifest must request what they need, for a user who may.
#[test]
fn the_manifest_covers_every_endpoint_the_views_call() {
    let rights =
        Rights { app: manifest_permissions(), roles: vec![role("developer", "Developer")] };
    for req in
        [customers::list(&Default::default()), customers::retrieve("cus_1"), update_request()]
    {
        assert_eq!(rights.check(&req), Ok(()), "{} {}", req.method.as_str(), req.path);
    }
}

// Not yet called, but in the table: the manifest already asks for all of it.
#[test]
fn the_manifest_covers_every_endpoint_in_the_table() {
    let granted = manifest_permissions();
    for row in ENDPOINTS {
        assert!(satisfies(&granted, row.permission), "{} {}", row.pattern, row.permission);
    }
    for (segment, permission) in EXPANSIONS {
        assert!(permission.is_empty() || satisfies(&granted, permission), "{segment}");
    }
}
