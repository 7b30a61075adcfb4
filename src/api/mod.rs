//! The Stripe API as the extension sees it: pure request building, typed responses,
//! pagination and errors. Only `client` (wasm32) does I/O, through the host bridge.

pub mod cache;
pub mod customers;
pub mod error;
pub mod form;
pub mod idempotency;
pub mod invoices;
mod json_path;
pub mod pagination;
pub mod payment_intents;
pub mod payment_methods;
pub mod prices;
pub mod products;
pub mod request;
pub mod retry;
pub mod secrets;
pub mod setup_intents;
pub mod subscriptions;
pub mod types;

#[cfg(target_arch = "wasm32")]
pub mod client;

pub use error::{ApiError, ErrorKind};
pub use request::{ApiRequest, ApiResponse, Method};
