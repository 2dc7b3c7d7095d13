//! The only code that touches localStorage: `LocalKv`, the `Kv` the store is
//! written against, as the browser gives it.

use leptos::prelude::window;
use wasm_bindgen::JsCast;

use super::{Kv, SaveError};

/// localStorage through gloo-storage. Every call tolerates storage being blocked.
pub struct LocalKv;

fn raw() -> Option<web_sys::Storage> {
    // gloo's `raw()` panics when storage is blocked; check for it first.
    window().local_storage().ok().flatten()?;
    Some(<gloo_storage::LocalStorage as gloo_storage::Storage>::raw())
}

impl Kv for LocalKv {
    fn keys(&self) -> Vec<String> {
        let Some(s) = raw() else { return Vec::new() };
        let n = s.length().unwrap_or(0);
        (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
    }
    fn get(&self, key: &str) -> Option<String> {
        raw()?.get_item(key).ok().flatten()
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        let s = raw().ok_or(SaveError::Unavailable)?;
        s.set_item(key, value).map_err(|err| {
            let name = err.dyn_ref::<web_sys::DomException>().map(|e| e.name()).unwrap_or_default();
            if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                SaveError::Full
            } else {
                SaveError::Unavailable
            }
        })
    }
    fn remove(&self, key: &str) {
        if let Some(s) = raw() {
            let _ = s.remove_item(key);
        }
    }
}

