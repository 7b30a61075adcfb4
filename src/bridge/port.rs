//! A `MessagePort` carrying bridge messages, on either side.

use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, MessagePort};

/// One end of the bridge's private channel. Dropping it closes the port.
pub struct Port {
    port: MessagePort,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl Port {
    /// Listens on `port`, calling `on_message` with each decoded message of type `T`.
    /// Messages of other channels are ignored; malformed ones are logged as errors.
    pub fn listen<T: DeserializeOwned + 'static>(
        port: MessagePort,
        mut on_message: impl FnMut(T) + 'static,
    ) -> Self {
        let closure = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let Some(text) = ev.data().as_string() else {
                return;
            };
            match super::protocol::decode::<T>(&text) {
                Ok(Some(msg)) => on_message(msg),
                Ok(None) => {}
                Err(e) => web_sys::console::error_1(&e.into()),
            }
        });
        port.set_onmessage(Some(closure.as_ref().unchecked_ref()));
        port.start();
        Port { port, _on_message: closure }
    }

    /// Sends a message over the port.
    pub fn send<T: Serialize>(&self, message: &T) {
        let text = super::protocol::encode(message);
        if let Err(e) = self.port.post_message(&JsValue::from_str(&text)) {
            web_sys::console::error_2(&"bridge: could not post a message".into(), &e);
        }
    }
}

impl Drop for Port {
    fn drop(&mut self) {
        self.port.set_onmessage(None);
        self.port.close();
    }
}
