//! One file per viewport component, named after the manifest's `component` (STYLE §1).

pub mod app_settings;
pub mod customer_detail_view;
pub mod customer_list_view;
