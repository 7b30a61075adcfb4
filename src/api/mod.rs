//! The Stripe API as the extension sees it: pure request building, typed responses,
//! pagination and errors. Only `client` (wasm32) does I/O, through the host bridge.

pub mod customers;
pub mod error;
pub mod form;
pub mod idempotency;
pub mod pagination;
pub mod request;
pub mod retry;
pub mod types;

#[cfg(target_arch = "wasm32")]
pub mod client;

pub use error::ApiError;
pub use request::{ApiRequest, ApiResponse, Method};
