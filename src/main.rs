//! The browser entry point: the preview host with the `preview` feature (trunk serve), the
//! extension without it (the production bundle).

#[cfg(all(target_arch = "wasm32", feature = "preview"))]
fn main() {
    console_error_panic_hook::set_once();
    stripe_app::host::start();
}

#[cfg(all(target_arch = "wasm32", not(feature = "preview")))]
fn main() {
    console_error_panic_hook::set_once();
    stripe_app::extension::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser bundle; build it with trunk (see README.md).");
    std::process::exit(2);
}
