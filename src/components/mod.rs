//! Components the views share, built from the UI kit (`crate::ui`).

mod amazon_pay_setup;
mod customer_billing;
mod customer_editor;
mod detail_section;
mod invoices_section;
mod payment_methods_section;
mod payments_section;
mod subscribe_focus;
mod subscriptions_section;

pub use customer_billing::CustomerBilling;
pub use customer_editor::CustomerEditor;
