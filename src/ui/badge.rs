use leptos::prelude::*;

/// A small status label. `tone`: `neutral`, `positive`, `info`, `warning`, `critical`.
#[component]
pub fn Badge(
    /// Colour family of the badge.
    #[prop(into)]
    tone: String,
    /// The label.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! { <span class=format!("badge badge-{tone}")>{label}</span> }
}
