use leptos::prelude::*;

/// A sub-drawer over the view for a focused task (a form), like Stripe's `FocusView`: a title,
/// the content, and a footer with the primary and secondary actions. Escape closes it.
#[component]
pub fn FocusView(
    /// What the task is.
    #[prop(into)]
    title: String,
    /// Called when the user closes it (Escape or the close button).
    on_close: Callback<()>,
    /// The footer's actions (buttons).
    footer: Children,
    children: Children,
) -> impl IntoView {
    let label = title.clone();
    view! {
        <div
            class="focus-view"
            role="dialog"
            aria-modal="true"
            aria-label=label
            on:keydown=move |ev| if ev.key() == "Escape" { on_close.run(()) }
        >
            <header class="focus-view-header">
                <h2>{title}</h2>
                <button type="button" class="link" aria-label="Close" on:click=move |_| on_close.run(())>
                    "✕"
                </button>
            </header>
            <div class="focus-view-body">{children()}</div>
            <footer class="focus-view-footer">{footer()}</footer>
        </div>
    }
}
