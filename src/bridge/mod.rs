//! The `postMessage` bridge between the extension (sandboxed, null-origin iframe) and the
//! host (the Dashboard, or the preview host).
//!
//! Handshake, as in Stripe's SDK (`init_extension`): the extension posts `ready` to its parent
//! window; the host answers `connect` with a transferred `MessagePort`; from then on every
//! message goes over that private port: `init` (the context; sent again whenever the viewport,
//! user or mode changes), API requests and responses, navigation.
//!
//! This module is the wire format and the host's request rules: pure, natively tested.

pub mod prefetch;
pub mod protocol;
pub mod rules;

#[cfg(target_arch = "wasm32")]
pub mod port;

pub use protocol::{ToExtension, ToHost, CHANNEL};
