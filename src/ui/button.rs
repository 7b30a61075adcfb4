use leptos::prelude::*;

/// A button. `kind`: `primary`, `secondary` (default) or `destructive`.
#[component]
pub fn Button(
    /// Visual weight: `primary`, `secondary` or `destructive`.
    #[prop(optional, into)]
    kind: Option<String>,
    /// Disables the button (it stays focusable for its tooltip through `title`).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Why it is disabled, or what it does; shown as a tooltip.
    #[prop(optional, into)]
    title: Option<String>,
    /// Called on click.
    on_press: Callback<()>,
    children: Children,
) -> impl IntoView {
    let kind = kind.unwrap_or_else(|| "secondary".into());
    view! {
        <button
            type="button"
            class=format!("button button-{kind}")
            disabled=move || disabled.get()
            title=title
            on:click=move |_| on_press.run(())
        >
            {children()}
        </button>
    }
}
