use leptos::prelude::*;

/// A labelled text input (or textarea) whose value stays text; shows its error under it.
#[component]
pub fn TextField(
    /// The visible label (also the accessible name).
    #[prop(into)]
    label: String,
    /// The current value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every input.
    on_input: Callback<String>,
    /// A problem with the value, shown under the field.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// A multi-line field.
    #[prop(optional)]
    multiline: bool,
    /// Hides the label visually (keeps it for screen readers), for table-like rows.
    #[prop(optional)]
    hide_label: bool,
) -> impl IntoView {
    let input = move |ev| on_input.run(event_target_value(&ev));
    let invalid = move || error.with(Option::is_some).then_some("true");
    let control = if multiline {
        view! { <textarea rows="3" prop:value=move || value.get() on:input=input aria-invalid=invalid></textarea> }
            .into_any()
    } else {
        view! { <input type="text" prop:value=move || value.get() on:input=input aria-invalid=invalid /> }
            .into_any()
    };
    view! {
        <label class="text-field">
            <span class:visually-hidden=hide_label>{label}</span>
            {control}
            {move || error.get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
        </label>
    }
}
