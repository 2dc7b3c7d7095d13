//! Leaning In: a private, offline self-help app for people who recognise avoidant
//! attachment in themselves.
//!
//! `domain` is the functional core: plain Rust, no browser, tested natively.
//! `storage` is the only code that touches localStorage.
//! Everything else is the thin browser shell: one folder per feature, plus shared `ui`.

pub mod clock;
pub mod crypto;
pub mod domain;
pub mod i18n;
#[cfg(target_arch = "wasm32")]
pub mod db;
pub mod storage;
#[cfg(not(target_arch = "wasm32"))]
pub mod sample_history;
#[cfg(test)]
mod test_support;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod check;
#[cfg(target_arch = "wasm32")]
pub mod data;
#[cfg(target_arch = "wasm32")]
pub mod home;
#[cfg(target_arch = "wasm32")]
pub mod install;
#[cfg(target_arch = "wasm32")]
pub mod journal;
#[cfg(target_arch = "wasm32")]
mod lazy_pages;
#[cfg(target_arch = "wasm32")]
pub mod learn;
#[cfg(target_arch = "wasm32")]
pub mod lock;
#[cfg(target_arch = "wasm32")]
pub mod practice;
#[cfg(target_arch = "wasm32")]
pub mod reframe;
#[cfg(target_arch = "wasm32")]
pub mod reminders;
#[cfg(target_arch = "wasm32")]
pub mod summary;
#[cfg(target_arch = "wasm32")]
pub mod together;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub use app::start;
