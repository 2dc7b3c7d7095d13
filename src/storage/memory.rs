//! An in-memory `Kv` for native tests, with a capacity (in UTF-16 units, like a
//! browser's quota) to simulate a full disk, and a write that can be made to fail.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use super::{Kv, SaveError};

/// An in-memory `Kv` for tests, with an optional capacity (in UTF-16 units, like
/// a browser's quota) to simulate a full disk.
#[derive(Default)]
pub struct MemoryKv {
    pub map: RefCell<BTreeMap<String, String>>,
    pub capacity: Option<usize>,
    /// Fails the write after this many more succeed (0: the next one), as a
    /// full disk would at any point of a longer operation.
    pub fail_after: Cell<Option<usize>>,
}

impl MemoryKv {
    pub fn with(entries: &[(&str, &str)]) -> Self {
        let kv = MemoryKv::default();
        for (k, v) in entries {
            kv.map.borrow_mut().insert((*k).into(), (*v).into());
        }
        kv
    }
    pub fn used_without(&self, key: &str) -> usize {
        self.map
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }
}

impl Kv for MemoryKv {
    fn keys(&self) -> Vec<String> {
        self.map.borrow().keys().cloned().collect()
    }
    fn get(&self, key: &str) -> Option<String> {
        self.map.borrow().get(key).cloned()
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        match self.fail_after.get() {
            Some(0) => {
                self.fail_after.set(None);
                return Err(SaveError::Full);
            }
            Some(n) => self.fail_after.set(Some(n - 1)),
            None => {}
        }
        if let Some(cap) = self.capacity {
            if self.used_without(key) + key.encode_utf16().count() + value.encode_utf16().count() > cap {
                return Err(SaveError::Full);
            }
        }
        self.map.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&self, key: &str) {
        self.map.borrow_mut().remove(key);
    }
}
