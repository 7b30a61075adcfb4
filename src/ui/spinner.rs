use leptos::prelude::*;

/// A loading indicator with a text label for screen readers and sighted users alike.
#[component]
pub fn Spinner(
    /// What is loading.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! {
        <div class="spinner" role="status" aria-live="polite">
            <span class="spinner-wheel" aria-hidden="true"></span>
            {label}
        </div>
    }
}
