//! The customer's description and metadata editor, in a focus view.

use crate::api::client::Client;
use crate::api::customers;
use crate::api::idempotency::ActionKey;
use crate::api::types::Customer;
use crate::context::ExtensionContext;
use crate::extension::new_idempotency_key;
use crate::forms::{DetailsAction, DetailsForm, FieldError};
use crate::sync::sync_after_save;
use crate::ui::{Banner, Button, FocusView, TextField, ToastHandle};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Edits `customer`'s description and metadata. Values stay as typed until saved; a failed
/// save keeps them and says why; a retry of the same save reuses its idempotency key. Once
/// saved, the customer is also synced when the app's settings say so ([`crate::sync`]): in the
/// background, after `on_saved`, reported with a toast, never undoing the save.
#[component]
pub fn CustomerEditor(
    /// The customer as loaded.
    customer: Customer,
    /// The view's API client (its rights already allow `customer_write`).
    client: Client,
    /// Called when the editor is closed without saving.
    on_close: Callback<()>,
    /// Called with the updated customer after a successful save.
    on_saved: Callback<Customer>,
) -> impl IntoView {
    let form = RwSignal::new(DetailsForm::from_customer(&customer));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let confirm_discard = RwSignal::new(false);
    let key = StoredValue::new(ActionKey::default());
    let id = customer.id.clone();
    // Taken now: the editor is gone by the time the sync reports.
    let sync_context = StoredValue::new(use_context::<ExtensionContext>());
    let toasts = use_context::<ToastHandle>();
    let act = move |a: DetailsAction| form.update(|f| f.apply(a));
    let error_for = move |field: String| {
        Signal::derive(move || {
            errors.with(|es| es.iter().find(|e| e.field == field).map(|e| e.message.clone()))
        })
    };
    let save = Callback::new(move |()| {
        let update = match form.with(DetailsForm::to_update) {
            Ok(u) => u,
            Err(problems) => return errors.set(problems),
        };
        errors.set(Vec::new());
        let request_key = key
            .try_update_value(|k| k.key_for(&update.to_pairs(), new_idempotency_key))
            .unwrap_or_else(new_idempotency_key);
        let (client, id) = (client.clone(), id.clone());
        pending.set(true);
        failure.set(None);
        spawn_local(async move {
            let result =
                client.send::<Customer>(customers::update(&id, &update, &request_key)).await;
            pending.set(false);
            match result {
                Ok(saved) => {
                    key.update_value(ActionKey::done);
                    let sync = sync_context.try_get_value().flatten();
                    on_saved.run(saved.clone());
                    if let Some(ctx) = sync {
                        sync_after_save(ctx, client, saved, toasts);
                    }
                }
                Err(e) => failure.set(Some(e.to_string())),
            }
        });
    });
    let close = Callback::new(move |()| {
        if form.with(DetailsForm::is_dirty) {
            confirm_discard.set(true);
        } else {
            on_close.run(());
        }
    });
    let rows = move || (0..form.with(|f| f.rows.len())).collect::<Vec<_>>();
    view! {
        <FocusView
            title="Edit details"
            on_close=close
            footer=Box::new(move || view! {
                <Button on_press=close>"Cancel"</Button>
                <Button kind="primary" disabled=pending on_press=save>
                    {move || if pending.get() { "Saving…" } else { "Save" }}
                </Button>
            }.into_any())
        >
            {move || failure.get().map(|why| view! {
                <Banner tone="critical" title="Couldn't save. Your changes are still here.">{why}</Banner>
            })}
            <Show when=move || confirm_discard.get()>
                <Banner
                    tone="caution"
                    title="Discard your changes?"
                    actions=Box::new(move || view! {
                        <Button kind="destructive" on_press=on_close>"Discard"</Button>
                        <Button on_press=Callback::new(move |()| confirm_discard.set(false))>"Keep editing"</Button>
                    }.into_any())
                />
            </Show>
            <TextField
                label="Description"
                multiline=true
                value=Signal::derive(move || form.with(|f| f.description.clone()))
                on_input=Callback::new(move |v| act(DetailsAction::SetDescription(v)))
            />
            <h3>"Metadata"</h3>
            <For each=rows key=|i| *i let:i>
                <div class="metadata-row">
                    <TextField
                        label=format!("Key {}", i + 1)
                        hide_label=true
                        value=Signal::derive(move || form.with(|f| f.rows.get(i).map(|r| r.key.clone()).unwrap_or_default()))
                        on_input=Callback::new(move |v| act(DetailsAction::SetKey(i, v)))
                        error=error_for(format!("metadata[{i}].key"))
                    />
                    <TextField
                        label=format!("Value {}", i + 1)
                        hide_label=true
                        value=Signal::derive(move || form.with(|f| f.rows.get(i).map(|r| r.value.clone()).unwrap_or_default()))
                        on_input=Callback::new(move |v| act(DetailsAction::SetValue(i, v)))
                        error=error_for(format!("metadata[{i}].value"))
                    />
                    <Button title=format!("Remove row {}", i + 1) on_press=Callback::new(move |()| act(DetailsAction::RemoveRow(i)))>
                        "Remove"
                    </Button>
                </div>
            </For>
            {move || errors.with(|es| es.iter().find(|e| e.field == "metadata").map(|e| view! {
                <p class="field-error" role="alert">{e.message.clone()}</p>
            }))}
            <Button on_press=Callback::new(move |()| act(DetailsAction::AddRow))>"Add metadata"</Button>
        </FocusView>
    }
}
