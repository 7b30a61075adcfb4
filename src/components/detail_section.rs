//! What the customer detail view's billing sections share: the section shell (a heading, and
//! why the user can't see it instead of an error), the refresh after a write, and toasts that
//! work with or without a `Toaster` around the view.

use crate::api::ApiError;
use crate::extension::link::HostLink;
use crate::ui::{ErrorState, Spinner, ToastHandle, ToastKind};
use leptos::prelude::*;
use std::future::Future;

/// Bumped after every write of the view; each section's resource re-reads on it.
#[derive(Clone, Copy)]
pub struct DetailRefresh(pub RwSignal<u64>);

impl DetailRefresh {
    /// The refresh of the [`crate::components::CustomerBilling`] around the caller.
    pub fn get() -> Self {
        use_context::<DetailRefresh>().unwrap_or(DetailRefresh(RwSignal::new(0)))
    }

    /// After a write: re-reads the sections, and tells the Dashboard to reload the data around
    /// the view (the SDK's `useRefreshDashboardData`).
    pub fn after_write(self) {
        self.0.update(|n| *n += 1);
        if let Some(link) = HostLink::current() {
            link.refresh_dashboard_data();
        }
    }
}

/// Shows toasts through the app's `Toaster`, if there is one (a view mounted alone has none).
#[derive(Clone, Copy)]
pub struct Toasts(Option<ToastHandle>);

impl Toasts {
    pub fn get() -> Self {
        Toasts(use_context::<ToastHandle>())
    }

    pub fn show(self, message: impl Into<String>, kind: ToastKind) {
        if let Some(t) = self.0 {
            t.show(message, kind);
        }
    }
}

/// One section of the detail view: its heading, then its content, or, when the user may not
/// read it, why not (the content, and so its request, is never made).
#[component]
pub fn DetailSection(
    /// The heading, also the section's accessible name.
    title: &'static str,
    /// Why the user may not see this section (a permission's refusal), if they may not.
    refusal: Option<String>,
    /// Loads and shows the section; only called when there is no refusal.
    children: Children,
) -> impl IntoView {
    let slug = title.to_ascii_lowercase().replace(' ', "-");
    view! {
        <section class=format!("detail-section section-{slug}") aria-label=title>
            <h3>{title}</h3>
            {match refusal {
                Some(why) => view! { <p class="section-refusal" role="note">{why}</p> }.into_any(),
                None => children().into_any(),
            }}
        </section>
    }
}

/// A section's data, read on mount and again after every write of the view
/// ([`DetailRefresh`]): a spinner while it loads, `empty` when there is nothing, what `show`
/// makes of it, or the error with Try again.
#[component]
pub fn SectionData<T, L, Fut, S, V>(
    /// What loads, in lower case: "Loading {what}…", "Couldn't load {what}".
    what: &'static str,
    /// Shown when `is_empty`, e.g. "No invoices.".
    empty: &'static str,
    /// Reads the data.
    load: L,
    is_empty: fn(&T) -> bool,
    /// Shows the data when there is some.
    show: S,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    L: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
    S: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let refresh = DetailRefresh::get();
    let data = LocalResource::new(move || {
        refresh.0.track();
        load()
    });
    let loading = format!("Loading {what}…");
    let failed = format!("Couldn't load {what}");
    view! {
        <Transition fallback=move || view! { <Spinner label=loading.clone() /> }>
            {move || {
                let (show, failed) = (show.clone(), failed.clone());
                Suspend::new(async move {
                    match data.await {
                        Ok(found) if is_empty(&found) => {
                            view! { <p class="secondary">{empty}</p> }.into_any()
                        }
                        Ok(found) => show(found).into_any(),
                        Err(error) => view! {
                            <ErrorState title=failed error on_retry=move || data.refetch() />
                        }
                        .into_any(),
                    }
                })
            }}
        </Transition>
    }
}

/// The `navigator.userAgent` of the browser the view runs in ("" if unavailable).
pub fn user_agent() -> String {
    let navigator = js_sys::Reflect::get(&js_sys::global(), &"navigator".into());
    navigator
        .and_then(|n| js_sys::Reflect::get(&n, &"userAgent".into()))
        .ok()
        .and_then(|ua| ua.as_string())
        .unwrap_or_default()
}
