//! The browser side of sync on save: reads the settings from the Secret Store, posts the
//! customer through the guarded fetch, and tells the merchant how it went.

use super::{payload, SyncOutcome};
use crate::api::client::Client;
use crate::api::secrets::{self, Scope};
use crate::api::types::{Customer, Secret};
use crate::api::ApiError;
use crate::context::ExtensionContext;
use crate::extension::fetch::{fetch, FetchError, Outbound};
use crate::forms::settings::{Stored, SETTINGS_SECRET};
use crate::ui::ToastHandle;

/// The app's settings as the Secret Store holds them (account scope).
pub async fn load_settings(client: &Client) -> Result<Stored, ApiError> {
    Stored::from_find(client.send::<Secret>(secrets::find(&Scope::Account, SETTINGS_SECRET)).await)
}

/// Syncs `customer`, just saved, if the settings say so. The settings are read now, not
/// cached, so a change made on the settings page (by anyone) applies to the next save.
///
/// NB: reading the Secret Store needs `secret_write`. A user whose role lacks it (a support
/// specialist may edit customers) can't know whether sync is on, so nothing is sent; telling
/// them on every save, whether or not the account uses sync, would be noise.
pub async fn sync_saved_customer(
    ctx: &ExtensionContext,
    client: &Client,
    customer: &Customer,
) -> SyncOutcome {
    if client.rights().can("secret_write").is_err() {
        return SyncOutcome::Off;
    }
    let settings = match load_settings(client).await {
        Ok(Stored::NotSaved) => return SyncOutcome::Off,
        Ok(Stored::Saved(settings)) => settings,
        Ok(Stored::Unreadable(why)) => return SyncOutcome::SettingsUnreadable(why),
        Err(e) => return SyncOutcome::SettingsUnreadable(e.to_string()),
    };
    let Some(url) = settings.sync_target().map(str::to_string) else {
        return SyncOutcome::Off;
    };
    let body = payload(customer, &ctx.user_context.account.id);
    let request = Outbound { method: "POST", url: url.clone(), json_body: Some(body) };
    match fetch(ctx, request).await {
        Ok(answer) => SyncOutcome::answered(&url, answer.status, &answer.body),
        Err(FetchError::Refused(refusal)) => {
            SyncOutcome::Refused { url, reason: refusal.reason.to_string() }
        }
        Err(FetchError::BadAllowlist(problems)) => SyncOutcome::Refused {
            url,
            reason: format!("the app's connect-src can't be used ({})", problems.join("; ")),
        },
        Err(FetchError::Network { url, message }) => SyncOutcome::Unreachable { url, message },
    }
}

/// How long after the save the sync starts, in milliseconds.
const SYNC_DELAY_MS: u64 = 50;

/// Runs [`sync_saved_customer`] in the background and reports the outcome as a toast; with no
/// [`crate::ui::Toaster`] around (a view mounted on its own), as a console warning.
pub fn sync_after_save(
    ctx: ExtensionContext,
    client: Client,
    customer: Customer,
    toasts: Option<ToastHandle>,
) {
    leptos::task::spawn_local(async move {
        // NB: a moment later, so the view's own refresh of the saved customer goes through the
        // host first: the merchant waits for that, not for the sync.
        crate::extension::sleep_ms(SYNC_DELAY_MS).await;
        let outcome = sync_saved_customer(&ctx, &client, &customer).await;
        let Some((kind, message)) = outcome.toast() else {
            return;
        };
        match toasts {
            Some(toasts) => {
                toasts.show(message, kind);
            }
            None => web_sys::console::warn_1(&message.into()),
        }
    });
}
