//! A Stripe Dashboard app in Rust: the toolkit (manifest, context, API client, bridge, guards)
//! and, behind the `preview` feature, a local Dashboard host with an embedded demo account.
//!
//! Pure logic compiles and is tested natively; the Leptos/DOM edges exist only on wasm32.

pub mod api;
pub mod bridge;
pub mod config;
pub mod context;
pub mod csp;
pub mod format;
pub mod forms;
pub mod manifest;
pub mod permissions;
#[path = "../views/registry.rs"]
pub mod registry;
pub mod sync;

#[cfg(any(feature = "preview", not(target_arch = "wasm32")))]
pub mod demo;
#[cfg(any(feature = "preview", not(target_arch = "wasm32")))]
pub mod preview;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod extension;
#[cfg(all(target_arch = "wasm32", feature = "preview"))]
pub mod host;
pub mod ui;
#[cfg(target_arch = "wasm32")]
#[path = "../views/mod.rs"]
pub mod views;
