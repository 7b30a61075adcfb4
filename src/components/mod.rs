//! Components the views share, built from the UI kit (`crate::ui`).

mod customer_editor;
mod settings_form;
mod sync_settings;

pub use customer_editor::CustomerEditor;
pub use settings_form::SettingsForm;
pub use sync_settings::SyncSettings;
