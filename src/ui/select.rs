use super::{described_by, unique_id};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A labelled drop-down (Stripe's `Select`): a native `<select>`, so keyboard and screen reader
/// behave as everywhere else. The description and the error are tied to it with
/// `aria-describedby`.
#[component]
pub fn Select(
    /// The visible label, bound to the control (its accessible name).
    #[prop(into)]
    label: String,
    /// The choices as `(value, label)`, in order; labels are shown as text.
    options: Vec<(String, String)>,
    /// The selected value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the chosen value when the user picks another option.
    #[prop(into)]
    on_change: Callback<String>,
    /// A hint under the control.
    #[prop(optional, into)]
    description: Option<String>,
    /// A problem with the choice, shown under the control.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Greys the control out; it cannot be changed.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let id = unique_id("select");
    let description_id = description.as_ref().map(|_| format!("{id}-description"));
    let error_id = format!("{id}-error");
    let aria_describedby = {
        let (description_id, error_id) = (description_id.clone(), error_id.clone());
        move || {
            let error_id = error.with(Option::is_some).then_some(error_id.as_str());
            described_by(&[description_id.as_deref(), error_id])
        }
    };
    let options = options
        .into_iter()
        .map(|(option, text)| {
            let selected = {
                let option = option.clone();
                move || value.with(|v| *v == option)
            };
            view! { <option value=option prop:selected=selected>{text}</option> }
        })
        .collect_view();
    let change = move |ev: web_sys::Event| {
        let Some(select) =
            ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        else {
            return;
        };
        if disabled.get_untracked() {
            select.set_value(&value.get_untracked());
            return;
        }
        on_change.run(select.value());
    };
    view! {
        <div class="field">
            <label class="field-label" for=id.clone()>{label}</label>
            <select
                id=id
                class="select"
                disabled=move || disabled.get()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=aria_describedby
                on:change=change
            >
                {options}
            </select>
            {description
                .map(|d| view! { <span class="field-description" id=description_id>{d}</span> })}
            {move || {
                let id = error_id.clone();
                error.get().map(|e| view! { <span class="field-error" id=id role="alert">{e}</span> })
            }}
        </div>
    }
}
