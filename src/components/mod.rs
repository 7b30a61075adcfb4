//! Components the views share, built from the UI kit (`crate::ui`).

mod customer_editor;

pub use customer_editor::CustomerEditor;
