use super::{described_by, unique_id};
use leptos::prelude::*;

/// A labelled check box (Stripe's `Checkbox`): a native `<input type="checkbox">`, for a choice
/// that is applied later (with a form), where a [`Switch`](super::Switch) acts at once.
#[component]
pub fn Checkbox(
    /// The visible label, bound to the control (its accessible name).
    #[prop(into)]
    label: String,
    /// Whether it is checked.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with the new state when the user checks or unchecks it.
    #[prop(into)]
    on_change: Callback<bool>,
    /// A line under the label.
    #[prop(optional, into)]
    description: Option<String>,
    /// Greys the check box out; it cannot be changed.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let id = unique_id("checkbox");
    let description_id = description.as_ref().map(|_| format!("{id}-description"));
    view! {
        <div class="checkbox-field">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=move || checked.get()
                disabled=move || disabled.get()
                aria-describedby=described_by(&[description_id.as_deref()])
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <span class="switch-text">
                <label for=id>{label}</label>
                {description
                    .map(|d| view! { <span class="field-description" id=description_id>{d}</span> })}
            </span>
        </div>
    }
}
