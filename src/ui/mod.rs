//! Widgets named and shaped after Stripe's UI toolkit (reference §9), styled in
//! style/extension.css to look like the Dashboard. User text is always rendered as text.
//!
//! - Layout: [`ContextView`], [`SettingsView`], [`FocusView`].
//! - Content: [`Badge`], [`Banner`], [`ErrorState`], [`PropertyList`], [`Spinner`], and the
//!   [`Table`] family ([`TableHead`], [`TableBody`], [`TableRow`], [`TableHeaderCell`],
//!   [`TableCell`]).
//! - Controls: [`Button`], [`Link`], [`TextField`], [`Select`], [`Switch`], [`Checkbox`].
//! - Toasts (Stripe's `showToast`): mount one [`Toaster`] around the app, then
//!   [`use_toast`]`().show(message, ToastKind::Success)`.
//!
//! The toasts' queue is plain Rust in [`toast_state`], so it is tested natively; the rest
//! exists only on wasm32.

pub mod toast_state;

#[cfg(target_arch = "wasm32")]
mod badge;
#[cfg(target_arch = "wasm32")]
mod banner;
#[cfg(target_arch = "wasm32")]
mod button;
#[cfg(target_arch = "wasm32")]
mod checkbox;
#[cfg(target_arch = "wasm32")]
mod context_view;
#[cfg(target_arch = "wasm32")]
mod error_state;
#[cfg(target_arch = "wasm32")]
mod focus_view;
#[cfg(target_arch = "wasm32")]
mod link;
#[cfg(target_arch = "wasm32")]
mod property_list;
#[cfg(target_arch = "wasm32")]
mod select;
#[cfg(target_arch = "wasm32")]
mod spinner;
#[cfg(target_arch = "wasm32")]
mod switch;
#[cfg(target_arch = "wasm32")]
mod table;
#[cfg(target_arch = "wasm32")]
mod text_field;
#[cfg(target_arch = "wasm32")]
mod toast;

#[cfg(target_arch = "wasm32")]
pub use self::{
    badge::Badge,
    banner::Banner,
    button::Button,
    checkbox::Checkbox,
    context_view::{ContextView, SettingsView},
    error_state::ErrorState,
    focus_view::FocusView,
    link::Link,
    property_list::{PropertyList, PropertyListItem},
    select::Select,
    spinner::Spinner,
    switch::Switch,
    table::{Align, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow},
    text_field::TextField,
    toast::{use_toast, ToastHandle, Toaster, DEFAULT_DISMISS_AFTER},
};
pub use toast_state::{ToastId, ToastKind};

/// A document-unique id for a control and the texts that describe it (`ui-select-3`).
#[cfg(target_arch = "wasm32")]
fn unique_id(kind: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("ui-{kind}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The `aria-describedby` value for the ids of the texts present, or none.
#[cfg(target_arch = "wasm32")]
fn described_by(ids: &[Option<&str>]) -> Option<String> {
    let ids: Vec<&str> = ids.iter().flatten().copied().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}
