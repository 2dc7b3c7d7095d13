//! Import is all or nothing: if any write fails, what this import wrote is
//! undone from memory, so the store is exactly as it was before.

use crate::i18n::{k::storage as s, t_with};
use super::{record_key, Kv, SaveError, Store};
use crate::domain::backup::{plan_import, ImportError, ImportPlan};

/// Why a confirmed import did not happen. Nothing was changed in any case.
#[derive(Clone, Debug, PartialEq)]
pub enum NotImported {
    /// Since the summary was shown, another tab changed what the file would do:
    /// here is the new plan, to show and confirm again.
    Changed(ImportPlan),
    Invalid(ImportError),
    Failed(ImportFailed),
}

/// Why nothing was imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportFailed {
    pub error: SaveError,
    /// With `Full`: about how much more room the import needs, in UTF-16 units.
    pub short_by: usize,
}

impl ImportFailed {
    pub fn message(&self) -> String {
        match self.error {
            SaveError::Full => {
                let kb = (self.short_by * 2).div_ceil(1024).max(1);
                t_with(s::IMPORT_FULL, &[("kb", &kb.to_string())])
            }
            other => t_with(s::IMPORT_FAILED, &[("message", &other.message())]),
        }
    }
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

impl<K: Kv> Store<K> {
    /// Imports a file the person confirmed after seeing `shown`. It is planned
    /// again against the store as it is now, so a newer edit saved in another tab
    /// meanwhile is never replaced by an older copy from the file.
    pub fn import_confirmed(&self, text: &str, shown: &ImportPlan, now_ms: i64) -> Result<usize, NotImported> {
        let plan = plan_import(text, &self.all_records(), now_ms).map_err(NotImported::Invalid)?;
        if &plan != shown {
            return Err(NotImported::Changed(plan));
        }
        self.apply_import(&plan).map_err(NotImported::Failed)
    }

    /// Writes what an import plan adds or replaces, and returns how many. Plan
    /// against the store as it is right now (`all_records`), just before calling.
    pub fn apply_import(&self, plan: &ImportPlan) -> Result<usize, ImportFailed> {
        self.writable().map_err(|error| ImportFailed { error, short_by: 0 })?;
        let writes: Vec<(String, String)> = plan
            .to_write()
            .map(|r| (record_key(&r.kind, &r.id), super::packed::pack(&serde_json::to_string(&r.value).expect("values serialise"))))
            .collect();
        // (key, what it held before): None for a key this import added.
        let mut done: Vec<(String, Option<String>)> = Vec::new();
        for (i, (key, value)) in writes.iter().enumerate() {
            let before = self.kv.get(key);
            if let Err(error) = self.kv.set(key, value) {
                self.undo_import(done);
                // About what was left to write (the failed write and those after it).
                let short_by = writes[i..].iter().map(|(k, v)| units(k) + units(v)).sum::<usize>();
                return Err(ImportFailed { error, short_by });
            }
            done.push((key.clone(), before));
        }
        Ok(writes.len())
    }

    /// Removes every key the import added first (which frees room), then puts back
    /// the values it replaced, those that take less room than the new one first,
    /// so the store never needs more room than it had before the import.
    fn undo_import(&self, mut done: Vec<(String, Option<String>)>) {
        for (key, _) in done.iter().filter(|(_, before)| before.is_none()) {
            self.kv.remove(key);
        }
        done.retain(|(_, before)| before.is_some());
        let growth = |(key, before): &(String, Option<String>)| {
            let now = self.kv.get(key).map_or(0, |v| units(&v));
            before.as_deref().map_or(0, units) as i64 - now as i64
        };
        done.sort_by_key(growth);
        for (key, before) in done {
            if let Some(value) = before {
                let _ = self.kv.set(&key, &value);
            }
        }
    }
}
