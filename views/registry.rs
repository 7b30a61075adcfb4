//! The one registry from the manifest's `component` names to view components.
//!
//! `tests/registry.rs` fails if a manifest view names a component missing here, if a component
//! here has no manifest view, or if a view file under views/ is not listed.

macro_rules! views {
    ($($component:ident => $file:ident),* $(,)?) => {
        /// Every registered component: (manifest `component` name, file under views/).
        pub const VIEWS: &[(&str, &str)] = &[$((stringify!($component), stringify!($file))),*];

        /// Renders the component registered under `component`, if any.
        #[cfg(target_arch = "wasm32")]
        pub fn render(component: &str) -> Option<leptos::prelude::AnyView> {
            use leptos::prelude::IntoAny;
            match component {
                $(stringify!($component) => Some(crate::views::$file::$component().into_any()),)*
                _ => None,
            }
        }
    };
}

views! {
    AppSettings => app_settings,
    CustomerDetailView => customer_detail_view,
    CustomerListView => customer_list_view,
}
