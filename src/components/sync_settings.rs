//! The app's sync settings on the settings page: loaded from the Secret Store, then edited in
//! [`SettingsForm`], or shown read-only to a user whose role can't use the Secret Store.

use super::settings_form::SettingsForm;
use crate::api::client::Client;
use crate::api::prices::{self, PriceListParams};
use crate::api::types::{List, Price};
use crate::csp::Allowlist;
use crate::forms::settings::{AppSettings, Stored};
use crate::sync::load_settings;
use crate::ui::{Banner, ErrorState, Spinner};
use leptos::prelude::*;

/// Loads the saved settings and the recurring prices, then shows the form. A user without
/// `secret_write` gets the form disabled, with the refusal naming the permission: the same
/// permission guards reading the Secret Store, so nothing is loaded for them.
#[component]
pub fn SyncSettings(
    /// The view's API client (its rights decide whether the form is editable).
    client: Client,
    /// The app's authorized `connect-src`, the guard the sync endpoint must pass.
    allowlist: Allowlist,
) -> impl IntoView {
    if let Err(refusal) = client.rights().can("secret_write") {
        return view! {
            <h2>"Customer sync"</h2>
            <Banner tone="caution" title="You can't change these settings">
                {format!(
                    "{refusal}. The settings live in the Secret Store, so the same permission \
                     is needed to see them."
                )}
            </Banner>
            <SettingsForm
                initial=AppSettings::default()
                unreadable=None
                prices=Ok(Vec::new())
                allowlist
                client=None
            />
        }
        .into_any();
    }
    let stored = LocalResource::new({
        let client = client.clone();
        move || {
            let client = client.clone();
            async move { load_settings(&client).await }
        }
    });
    let prices = LocalResource::new({
        let client = client.clone();
        move || {
            let client = client.clone();
            let params = PriceListParams::active_recurring();
            async move { client.send::<List<Price>>(prices::list(&params)).await.map(|l| l.data) }
        }
    });
    view! {
        <h2>"Customer sync"</h2>
        <Transition fallback=|| view! { <Spinner label="Loading settings…" /> }>
            {move || {
                let (client, allowlist) = (client.clone(), allowlist.clone());
                Suspend::new(async move {
                    let (stored_result, prices) = (stored.await, prices.await);
                    match stored_result {
                        Ok(found) => {
                            let unreadable = match &found {
                                Stored::Unreadable(why) => Some(why.clone()),
                                _ => None,
                            };
                            view! {
                                <SettingsForm
                                    initial=found.settings()
                                    unreadable
                                    prices
                                    allowlist
                                    client=Some(client)
                                />
                            }
                            .into_any()
                        }
                        Err(error) => view! {
                            <ErrorState
                                title="Couldn't load the settings"
                                error
                                on_retry=move || stored.refetch()
                            />
                        }
                        .into_any(),
                    }
                })
            }}
        </Transition>
    }
    .into_any()
}
