//! Form state for the views' editors: plain data with a reducer, values kept as text until
//! they are saved (STYLE §10), validated with Stripe's rules before anything is sent.

mod customer_details;
pub mod customer_list;
pub mod customer_search;
pub mod settings;

pub use customer_details::{DetailsAction, DetailsForm, FieldError, MetadataRow};
pub mod billing_labels;
pub mod detail_actions;
