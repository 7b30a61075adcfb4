use super::{Banner, Button};
use crate::api::ApiError;
use leptos::prelude::*;

/// A failed load: what failed, the error's own explanation, and a way to try again.
#[component]
pub fn ErrorState(
    /// What could not be done, e.g. "Couldn't load customers".
    #[prop(into)]
    title: String,
    /// The failure, shown in full.
    error: ApiError,
    /// Retries the load.
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <Banner
            tone="critical"
            title=title
            actions=Box::new(move || view! { <Button on_press=on_retry>"Try again"</Button> }.into_any())
        >
            {error.to_string()}
        </Banner>
    }
}
