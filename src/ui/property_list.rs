use leptos::prelude::*;

/// A list of label/value pairs (Stripe's `PropertyList`).
#[component]
pub fn PropertyList(children: Children) -> impl IntoView {
    view! { <dl class="property-list">{children()}</dl> }
}

/// One label/value pair of a [`PropertyList`]; an empty value shows an em dash.
#[component]
pub fn PropertyListItem(
    /// What the value is.
    #[prop(into)]
    label: String,
    /// The value, as text.
    #[prop(into)]
    value: String,
) -> impl IntoView {
    let value = if value.trim().is_empty() { "—".to_string() } else { value };
    view! {
        <div class="property">
            <dt>{label}</dt>
            <dd>{value}</dd>
        </div>
    }
}
