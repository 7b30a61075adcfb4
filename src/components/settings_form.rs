//! The sync settings form: the endpoint checked live against the CSP guard, the default price,
//! the sync switch, and one Secret Store write per Save press.

use crate::api::client::Client;
use crate::api::idempotency::ActionKey;
use crate::api::secrets::{self, Scope};
use crate::api::types::{Price, Secret};
use crate::api::ApiError;
use crate::csp::Allowlist;
use crate::extension::new_idempotency_key;
use crate::forms::settings::{price_options, AppSettings, SETTINGS_SECRET};
use crate::ui::{Banner, Button, Select, Switch, TextField, ToastHandle, ToastKind};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Edits the settings and saves them as the account-scoped secret [`SETTINGS_SECRET`]. Save is
/// refused while a field has a problem (each shown under its field as the merchant types);
/// a failed save keeps the values, and its retry reuses the save's `Idempotency-Key`.
#[component]
pub fn SettingsForm(
    /// The values to start from (saved, or the defaults).
    initial: AppSettings,
    /// Why the stored settings couldn't be read, if so (saving replaces them).
    unreadable: Option<String>,
    /// The recurring prices to offer as the default, or why they couldn't be listed.
    prices: Result<Vec<Price>, ApiError>,
    /// The guard the sync endpoint must pass: the app's authorized `connect-src`.
    allowlist: Allowlist,
    /// The client to save with; `None` shows the form read-only.
    client: Option<Client>,
) -> impl IntoView {
    let read_only = client.is_none();
    let form = RwSignal::new(initial.clone());
    let saved = RwSignal::new(initial);
    let unreadable = RwSignal::new(unreadable);
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let just_saved = RwSignal::new(false);
    let key = StoredValue::new(ActionKey::default());
    let toasts = use_context::<ToastHandle>();
    let allowed = allowlist.sources().iter().map(|s| s.raw.clone()).collect::<Vec<_>>();
    let endpoint_hint = if allowed.is_empty() {
        view! { "The manifest allows no external endpoint (connect-src is empty)." }.into_any()
    } else {
        let entries = allowed.into_iter().map(|u| view! { " " <code>{u}</code> }).collect_view();
        view! { "Must be inside the app's connect-src:" {entries} }.into_any()
    };
    let problems = Memo::new(move |_| form.with(|f| f.problems(&allowlist)));
    let error_for = move |field: &'static str| {
        Signal::derive(move || {
            problems.with(|ps| ps.iter().find(|(f, _)| *f == field).map(|(_, why)| why.clone()))
        })
    };
    let edit = move |change: Box<dyn FnOnce(&mut AppSettings)>| {
        just_saved.set(false);
        form.update(|f| change(f));
    };
    let save_refused =
        Signal::derive(move || read_only || pending.get() || problems.with(|ps| !ps.is_empty()));
    let save = Callback::new(move |()| {
        // NB: checked again here, not only through `disabled`: a double click lands before
        // the button re-renders.
        let Some(client) = client.clone().filter(|_| !save_refused.get_untracked()) else {
            return;
        };
        let settings = form.get_untracked();
        let payload = settings.to_payload();
        let params = [("payload".to_string(), payload.clone())];
        let idempotency_key = key
            .try_update_value(|k| k.key_for(&params, new_idempotency_key))
            .unwrap_or_else(new_idempotency_key);
        let request =
            secrets::set(&Scope::Account, SETTINGS_SECRET, &payload, None, &idempotency_key);
        pending.set(true);
        failure.set(None);
        spawn_local(async move {
            let result = client.send::<Secret>(request).await;
            pending.set(false);
            match result {
                Ok(_) => {
                    key.update_value(ActionKey::done);
                    saved.set(settings);
                    unreadable.set(None);
                    just_saved.set(true);
                    if let Some(toasts) = toasts {
                        toasts.show("Settings saved", ToastKind::Success);
                    }
                }
                Err(e) => failure.set(Some(e.to_string())),
            }
        });
    });
    let (price_choices, price_note) = match prices {
        Ok(list) => (
            price_options(&list, &form.with_untracked(|f| f.default_price.clone())),
            "Preselected when you subscribe a customer in the app.".to_string(),
        ),
        Err(e) => (
            price_options(&[], &form.with_untracked(|f| f.default_price.clone())),
            format!("Couldn't list the prices: {e}"),
        ),
    };
    let dirty = move || form.with(|f| saved.with(|s| f != s));
    view! {
        {move || unreadable.get().map(|why| view! {
            <Banner tone="caution" title="The saved settings can't be read">{why}</Banner>
        })}
        <fieldset class="settings-form" disabled=read_only>
            <legend class="visually-hidden">"Customer sync settings"</legend>
            <TextField
                label="Sync endpoint URL"
                value=Signal::derive(move || form.with(|f| f.sync_endpoint.clone()))
                on_input=Callback::new(move |v: String| edit(Box::new(move |f| f.sync_endpoint = v)))
                error=error_for("sync_endpoint")
            />
            <p class="field-description settings-hint">{endpoint_hint}</p>
            <Select
                label="Default price for new subscriptions"
                options=price_choices
                value=Signal::derive(move || form.with(|f| f.default_price.clone()))
                on_change=Callback::new(move |v: String| edit(Box::new(move |f| f.default_price = v)))
                description=price_note
                error=error_for("default_price")
                disabled=read_only
            />
            <Switch
                label="Sync customer on save"
                checked=Signal::derive(move || form.with(|f| f.sync_on_save))
                on_change=Callback::new(move |on: bool| edit(Box::new(move |f| f.sync_on_save = on)))
                description="Saving a customer in the app also sends it to the sync endpoint."
                disabled=read_only
            />
            {move || error_for("sync_on_save").get().map(|why| view! {
                <p class="field-error settings-switch-error" role="alert">{why}</p>
            })}
        </fieldset>
        {move || failure.get().map(|why| view! {
            <Banner tone="critical" title="Couldn't save the settings. Your changes are still here.">{why}</Banner>
        })}
        <div class="actions settings-actions">
            <Button kind="primary" disabled=save_refused on_press=save>
                {move || if pending.get() { "Saving…" } else { "Save" }}
            </Button>
            <span class="secondary settings-status" role="status">
                {move || if just_saved.get() && !dirty() {
                    "Saved."
                } else if dirty() && !read_only {
                    "Unsaved changes."
                } else {
                    ""
                }}
            </span>
        </div>
    }
}
