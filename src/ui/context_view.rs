use crate::config::BRAND_COLOR;
use leptos::prelude::*;

/// The root of a drawer view: a header with the title, then the content, then a footer.
#[component]
pub fn ContextView(
    /// The view's title.
    #[prop(into)]
    title: String,
    /// A line under the title.
    #[prop(optional, into)]
    description: Option<String>,
    /// Shown at the bottom of the drawer.
    #[prop(optional, into)]
    footer: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="context-view" style=format!("--brand: {BRAND_COLOR}")>
            <header class="context-view-header">
                <h1>{title}</h1>
                {description.map(|d| view! { <p class="secondary">{d}</p> })}
            </header>
            <div class="context-view-body">{children()}</div>
            {footer.map(|f| view! { <footer class="context-view-footer secondary">{f}</footer> })}
        </section>
    }
}

/// The root of the app's settings page.
#[component]
pub fn SettingsView(
    /// A line under the page heading.
    #[prop(optional, into)]
    description: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="settings-view">
            {description.map(|d| view! { <p class="secondary">{d}</p> })}
            {children()}
        </section>
    }
}
