//! Browser entry point. Trunk builds this binary for wasm32; natively it is empty so
//! that `cargo test` can run the domain tests without a browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    leaning_in::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
