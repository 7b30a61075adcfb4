//! Components the views share, built from the UI kit (`crate::ui`).

mod amazon_pay_setup;
mod customer_billing;
mod customer_editor;
mod detail_section;
mod invoices_section;
mod payment_methods_section;
mod payments_section;
mod settings_form;
mod subscribe_focus;
mod subscriptions_section;
mod sync_settings;

pub use customer_billing::CustomerBilling;
pub use customer_editor::CustomerEditor;
pub use settings_form::SettingsForm;
pub use sync_settings::SyncSettings;
