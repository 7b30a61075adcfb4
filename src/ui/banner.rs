use leptos::prelude::*;

/// A message box across the view. `tone`: `default`, `caution`, `critical`.
#[component]
pub fn Banner(
    /// Colour family: `default`, `caution` or `critical` (critical is announced as an alert).
    #[prop(into)]
    tone: String,
    /// One-line summary.
    #[prop(into)]
    title: String,
    /// Details and what to do next.
    #[prop(optional)]
    children: Option<Children>,
    /// An action shown under the text (e.g. a "Try again" button).
    #[prop(optional)]
    actions: Option<Children>,
) -> impl IntoView {
    let role = if tone == "critical" { "alert" } else { "status" };
    view! {
        <div class=format!("banner banner-{tone}") role=role>
            <div class="banner-title">{title}</div>
            {children.map(|c| view! { <div class="banner-body">{c()}</div> })}
            {actions.map(|a| view! { <div class="banner-actions">{a()}</div> })}
        </div>
    }
}
