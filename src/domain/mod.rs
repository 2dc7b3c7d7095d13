//! The functional core. Plain Rust with no browser APIs: types, rules and
//! statistics, unit-tested natively with `cargo test`.

pub mod pages;
pub mod time;
