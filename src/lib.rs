//! A Stripe Dashboard app in Rust: the toolkit (manifest, context, API client, bridge, guards)
//! and, behind the `preview` feature, a local Dashboard host with an embedded demo account.
//!
//! Pure logic compiles and is tested natively; the Leptos/DOM edges exist only on wasm32.

pub mod manifest;
pub mod api;
pub mod config;
pub mod format;

/// The embedded demo account (preview host; compiled natively for tests).
#[cfg(any(feature = "preview", not(target_arch = "wasm32")))]
pub mod demo;
