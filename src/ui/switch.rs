use super::{described_by, unique_id};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// An on/off setting that takes effect at once (Stripe's `Switch`): a `<button role="switch">`
/// with `aria-checked`, named by its label. Click, a click on the label, Space or Enter toggle
/// it.
#[component]
pub fn Switch(
    /// The visible label, bound to the control (its accessible name).
    #[prop(into)]
    label: String,
    /// Whether it is on.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with the new state when the user toggles it.
    #[prop(into)]
    on_change: Callback<bool>,
    /// A line under the label saying what the setting does.
    #[prop(optional, into)]
    description: Option<String>,
    /// Greys the switch out; it cannot be toggled.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let id = unique_id("switch");
    let description_id = description.as_ref().map(|_| format!("{id}-description"));
    let toggle = move || {
        if !disabled.get_untracked() {
            on_change.run(!checked.get_untracked());
        }
    };
    // NB: Space is handled on keydown and its default prevented, so the button's own
    // activation on keyup does not toggle it a second time.
    let keydown = move |ev: KeyboardEvent| {
        if ev.key() == " " {
            ev.prevent_default();
            toggle();
        }
    };
    view! {
        <div class="switch-field">
            <button
                type="button"
                role="switch"
                id=id.clone()
                class="switch"
                aria-checked=move || if checked.get() { "true" } else { "false" }
                aria-describedby=described_by(&[description_id.as_deref()])
                disabled=move || disabled.get()
                on:click=move |_| toggle()
                on:keydown=keydown
            >
                <span class="switch-thumb" aria-hidden="true"></span>
            </button>
            <span class="switch-text">
                <label for=id>{label}</label>
                {description
                    .map(|d| view! { <span class="field-description" id=description_id>{d}</span> })}
            </span>
        </div>
    }
}
