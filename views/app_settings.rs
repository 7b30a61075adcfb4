//! `app.settings`: the app's sync settings (kept in the Secret Store), and what the installed
//! app may do, and for whom.

use crate::api::client::Client;
use crate::components::SyncSettings;
use crate::csp::Allowlist;
use crate::extension::use_extension_context;
use crate::permissions::Rights;
use crate::ui::{Banner, PropertyList, PropertyListItem, SettingsView};
use leptos::prelude::*;

/// The app's settings page: the sync settings form, then the signed-in user, the account, and
/// the app's authorized permissions and external endpoints (its `appContext`).
#[component]
pub fn AppSettings() -> impl IntoView {
    let ctx = use_extension_context();
    let rights = Rights::from_context(&ctx);
    let client = Client::new(&ctx);
    let user = ctx.user_context;
    let roles = user.roles.iter().map(|r| r.name.as_str()).collect::<Vec<_>>().join(", ");
    let account = user.account;
    let csp = ctx.app_context.authorized_content_security_policy;
    let connect = csp.connect_src.unwrap_or_default();
    // NB: an unusable connect-src leaves the guard empty, so every endpoint is refused, as the
    // guarded fetch would refuse it; the banner says which entries are at fault.
    let (allowlist, bad_connect_src) = match Allowlist::new(&connect) {
        Ok(a) => (a, None),
        Err(problems) => (Allowlist::default(), Some(problems.join("; "))),
    };
    let permissions = ctx.app_context.authorized_permissions;
    let usable = permissions.iter().filter(|p| rights.can(p).is_ok()).count();
    view! {
        <SettingsView description="Customer Sync keeps your customer records in step with your Customer Sync workspace.">
            {bad_connect_src.map(|why| view! {
                <Banner tone="critical" title="The app's connect-src can't be used">{why}</Banner>
            })}
            <SyncSettings client allowlist />
            <h2>"Signed in"</h2>
            <PropertyList>
                <PropertyListItem label="User" value=user.name.unwrap_or(user.id) />
                <PropertyListItem label="Roles" value=roles />
                <PropertyListItem label="Account" value=format!(
                    "{} ({}, {})", account.name.unwrap_or_default(), account.id, account.country
                ) />
                <PropertyListItem label="Mode" value=format!(
                    "{}{}", ctx.environment.mode.as_str(),
                    if account.is_sandbox { ", sandbox" } else { "" }
                ) />
            </PropertyList>
            <h2>{format!("Authorized permissions ({})", permissions.len())}</h2>
            <p class="secondary">{format!(
                "Your role allows you {usable} of them through the app{}.",
                if usable < permissions.len() { "; the struck-out ones are refused (hover for why)" } else { "" }
            )}</p>
            <ul class="chips" aria-label="Authorized permissions">
                {permissions.into_iter().map(|p| {
                    let refusal = rights.can(&p).err().map(|r| r.to_string());
                    view! { <li class="chip" class:chip-denied=refusal.is_some() title=refusal>{p}</li> }
                }).collect_view()}
            </ul>
            <h2>"External endpoints (connect-src)"</h2>
            {if connect.is_empty() {
                view! { <p class="secondary">"The app may not call any external endpoint."</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {connect.into_iter().map(|u| view! { <li><code>{u}</code></li> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </SettingsView>
    }
}
