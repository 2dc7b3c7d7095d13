//! The functional core. Plain Rust with no browser APIs: types, rules and
//! statistics, unit-tested natively with `cargo test`.

pub mod auto_lock;
pub mod backup;
pub mod calendar;
pub mod card;
pub mod check;
pub mod crisis;
pub mod helped;
pub mod journal;
pub mod markdown;
pub mod moment;
pub mod pages;
pub mod quota;
pub mod practice;
pub mod reframe;
pub mod summary;
pub mod records;
pub mod time;
pub mod words;
