//! The clock, below everything that needs the time: the store dates what it keeps
//! aside, the shell dates records. In the browser it is `Date`; natively (tests
//! and tools) it is the system clock.

/// Milliseconds since 1970, UTC.
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

/// Local time minus UTC at `ms`, in minutes (DST-aware).
#[cfg(target_arch = "wasm32")]
pub fn offset_minutes(ms: i64) -> i32 {
    -(js_sys::Date::new(&(ms as f64).into()).get_timezone_offset() as i32)
}
