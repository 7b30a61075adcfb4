use leptos::prelude::*;

/// A text link (Stripe's `Link`). With `href` it is an `<a>`; `external` opens it in a new tab
/// (`rel="noopener noreferrer"`) and marks it with ↗ and, for screen readers, "(opens in a new
/// tab)". Without `href` it is a button that looks like a link and calls `on_press`.
///
/// An `href` the browser would not treat as a web, mail or phone address (`javascript:`,
/// `data:`…) is refused: the text is shown without a link.
#[component]
pub fn Link(
    /// Where the link goes: an absolute `http(s)`, `mailto:` or `tel:` URL, or a relative one.
    #[prop(optional, into)]
    href: Option<String>,
    /// Opens `href` in a new tab, marked as such.
    #[prop(optional)]
    external: bool,
    /// The action, for a link without `href`.
    #[prop(optional, into)]
    on_press: Option<Callback<()>>,
    children: Children,
) -> impl IntoView {
    match href {
        Some(href) if is_safe_href(&href) => view! {
            <a
                class="link"
                href=href
                target=external.then_some("_blank")
                rel=external.then_some("noopener noreferrer")
            >
                {children()}
                {external
                    .then(|| {
                        view! {
                            <span class="link-external" aria-hidden="true">"↗"</span>
                            <span class="visually-hidden">" (opens in a new tab)"</span>
                        }
                    })}
            </a>
        }
        .into_any(),
        Some(_) => view! { <span class="link-refused">{children()}</span> }.into_any(),
        None => view! {
            <button
                type="button"
                class="link"
                on:click=move |_| {
                    if let Some(f) = on_press {
                        f.run(())
                    }
                }
            >
                {children()}
            </button>
        }
        .into_any(),
    }
}

/// Whether the browser's URL parser resolves `href` (against the page) to a scheme that only
/// navigates: `http:`, `https:`, `mailto:` or `tel:`.
fn is_safe_href(href: &str) -> bool {
    let base = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base(href, &base)
        .is_ok_and(|url| matches!(url.protocol().as_str(), "http:" | "https:" | "mailto:" | "tel:"))
}
