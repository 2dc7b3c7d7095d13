//! The store: every key the app writes, how records are laid out, start-up
//! migrations, and unreadable values kept aside. Written against the small `Kv`
//! trait so it is tested natively with `MemoryKv`; `local.rs` (wasm only) is the
//! one place that touches localStorage.
//!
//! Layout, all under one prefix:
//! - `leaning-in.meta`                 `{"schema": 1}`
//! - `leaning-in.rec.<kind>.<id>`      one record: its JSON plus `"v"`
//! - `leaning-in.draft.<form>`         an unsaved form, autosaved while typing
//! - `leaning-in.prefs`                small settings (last backup, notes dismissed)
//! - `leaning-in.quarantine.<…>`       a value that could not be read, kept aside
//!
//! One key per record means a save costs the same with three years of history as
//! with none, and two tabs never overwrite each other's records.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::backup::{AnyRecord, ImportPlan};
use crate::domain::records::{self, encode, Record, Unreadable};

#[cfg(target_arch = "wasm32")]
pub mod local;

pub const PREFIX: &str = "leaning-in.";
pub const META_KEY: &str = "leaning-in.meta";
pub const PREFS_KEY: &str = "leaning-in.prefs";
const RECORD_PREFIX: &str = "leaning-in.rec.";
const DRAFT_PREFIX: &str = "leaning-in.draft.";
const QUARANTINE_PREFIX: &str = "leaning-in.quarantine.";

/// The layout version this build reads and writes. Older stores are migrated at
/// start-up; a newer one is opened read-only so nothing of it is overwritten.
pub const SCHEMA: u64 = 1;

/// Chromium and Firefox allow about 5 million UTF-16 characters per origin.
pub const QUOTA_ESTIMATE_CHARS: usize = 5_000_000;

/// A key–value store with localStorage's semantics.
pub trait Kv {
    fn keys(&self) -> Vec<String>;
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError>;
    fn remove(&self, key: &str);
}

/// Why a write did not happen. In every case nothing already stored was changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage for this site is full.
    Full,
    /// The data here was saved by a newer version of the app.
    ReadOnly,
    /// Storage is switched off or blocked (private mode in some browsers).
    Unavailable,
}

impl SaveError {
    pub fn message(self) -> &'static str {
        match self {
            SaveError::Full => "This could not be saved: your browser's storage for this app is full. Your words are still here on screen and in the draft. Exporting a backup and then deleting old entries will make room.",
            SaveError::ReadOnly => "This could not be saved: the data on this device was saved by a newer version of the app. Reload the page to get the newest version; your words are still here in the draft.",
            SaveError::Unavailable => "This could not be saved: this browser is not letting the app store anything right now (private browsing can do this). Your words are still here on screen.",
        }
    }
}

pub fn record_key(kind: &str, id: &str) -> String {
    format!("{RECORD_PREFIX}{kind}.{id}")
}

/// `("journal", "abc")` for `leaning-in.rec.journal.abc`.
pub fn parse_record_key(key: &str) -> Option<(&str, &str)> {
    key.strip_prefix(RECORD_PREFIX)?.split_once('.')
}

pub fn draft_key(form: &str) -> String {
    format!("{DRAFT_PREFIX}{form}")
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Meta {
    schema: u64,
}

/// Small settings shared by every page. Read fresh and updated field by field, so
/// two tabs changing different settings do not undo each other.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub last_backup_at: Option<i64>,
    /// The answer to `navigator.storage.persist()`, once asked.
    pub persisted: Option<bool>,
    pub welcome_dismissed: bool,
    /// How many quarantined values the person had already been told about.
    pub unreadable_acknowledged: usize,
    /// The one-time note about Safari's seven-day storage limit was dismissed.
    pub safari_note_dismissed: bool,
}

/// A value that could not be read, as kept aside under a quarantine key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quarantined {
    /// Where it was found.
    pub key: String,
    pub reason: String,
    pub found_at: i64,
    /// Exactly what was stored, untouched.
    pub raw: String,
}

/// What `open` found.
#[derive(Debug, Default)]
pub struct Opened {
    pub records: Vec<AnyRecord>,
    /// Values kept aside (now and on earlier starts) that could not be read.
    pub unreadable: usize,
    /// `Some(v)` when the store was written by a newer build: nothing is written.
    pub newer_schema: Option<u64>,
}

/// The store over some `Kv`. Cheap to create; holds no cache of its own.
pub struct Store<K: Kv> {
    pub kv: K,
    read_only: bool,
}

impl<K: Kv> Store<K> {
    /// Runs migrations, keeps unreadable records aside, and returns every readable
    /// record. Never deletes a value it could not read.
    pub fn open(kv: K, now_ms: i64) -> (Self, Opened) {
        let mut opened = Opened::default();
        let raw_meta = kv.get(META_KEY);
        let schema = match raw_meta.as_deref().map(serde_json::from_str::<Meta>) {
            Some(Ok(meta)) => meta.schema,
            // A damaged meta key: keep it aside and assume the current layout.
            Some(Err(_)) => {
                quarantine(&kv, META_KEY, raw_meta.as_deref().unwrap_or_default(), "not valid JSON", now_ms);
                0
            }
            None => 0,
        };
        // One listing of the keys serves the migration check, the scan, and the count
        // of values kept aside on earlier starts.
        let mut keys = kv.keys();
        let read_only = schema > SCHEMA;
        if read_only {
            opened.newer_schema = Some(schema);
        } else if schema < SCHEMA && keys.iter().any(|k| k.starts_with(PREFIX)) {
            migrate(&kv, schema);
            write_meta(&kv);
            keys = kv.keys();
        }

        opened.unreadable = keys.iter().filter(|k| k.starts_with(QUARANTINE_PREFIX)).count();
        for key in &keys {
            let Some((kind, id)) = parse_record_key(key) else { continue };
            let Some(raw) = kv.get(key) else { continue };
            match read_record(kind, id, &raw) {
                Ok(record) => opened.records.push(record),
                Err(why) => {
                    // Counted whether it could be moved aside or, with storage full,
                    // had to stay where it is.
                    opened.unreadable += 1;
                    if !read_only {
                        quarantine(&kv, key, &raw, &why.describe(), now_ms);
                    }
                }
            }
        }
        (Store { kv, read_only }, opened)
    }

    /// A handle on a store already opened this page load, without rescanning.
    pub fn reopen(kv: K, read_only: bool) -> Self {
        Store { kv, read_only }
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Every write goes through here. An empty store gets its schema marker with
    /// its first write, so "delete everything" really leaves nothing behind.
    fn write(&self, key: &str, value: &str) -> Result<(), SaveError> {
        if self.read_only {
            return Err(SaveError::ReadOnly);
        }
        if self.kv.get(META_KEY).is_none() {
            write_meta(&self.kv);
        }
        self.kv.set(key, value)
    }

    /// Saves one record under its own key. Costs the same however much is stored.
    pub fn save<T: Record>(&self, record: &T) -> Result<(), SaveError> {
        let json = serde_json::to_string(&encode(record)).expect("records serialise");
        self.write(&record_key(T::KIND, record.id()), &json)
    }

    pub fn delete(&self, kind: &str, id: &str) -> Result<(), SaveError> {
        if self.read_only {
            return Err(SaveError::ReadOnly);
        }
        self.kv.remove(&record_key(kind, id));
        Ok(())
    }

    /// Every readable record, straight from storage (for exports).
    pub fn all_records(&self) -> Vec<AnyRecord> {
        self.kv
            .keys()
            .iter()
            .filter_map(|key| {
                let (kind, id) = parse_record_key(key)?;
                read_record(kind, id, &self.kv.get(key)?).ok()
            })
            .collect()
    }

    /// Writes what an import plan adds or replaces. Stops at the first failure;
    /// what was written by then is whole, and nothing else was touched.
    pub fn apply_import(&self, plan: &ImportPlan) -> Result<usize, SaveError> {
        let mut written = 0;
        for r in plan.to_write() {
            let json = serde_json::to_string(&r.value).expect("values serialise");
            self.write(&record_key(&r.kind, &r.id), &json)?;
            written += 1;
        }
        Ok(written)
    }

    pub fn draft(&self, form: &str) -> Option<String> {
        self.kv.get(&draft_key(form))
    }

    pub fn save_draft(&self, form: &str, json: &str) -> Result<(), SaveError> {
        self.write(&draft_key(form), json)
    }

    pub fn clear_draft(&self, form: &str) {
        if !self.read_only {
            self.kv.remove(&draft_key(form));
        }
    }

    pub fn prefs(&self) -> Prefs {
        self.kv.get(PREFS_KEY).and_then(|raw| serde_json::from_str(&raw).ok()).unwrap_or_default()
    }

    /// Reads the newest prefs, changes them, and writes them back.
    pub fn update_prefs(&self, change: impl FnOnce(&mut Prefs)) -> Result<Prefs, SaveError> {
        let mut prefs = self.prefs();
        change(&mut prefs);
        self.write(PREFS_KEY, &serde_json::to_string(&prefs).expect("prefs serialise"))?;
        Ok(prefs)
    }

    /// Everything kept aside, for the person to download as it was.
    pub fn quarantined(&self) -> Vec<Quarantined> {
        self.kv
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(QUARANTINE_PREFIX))
            .filter_map(|k| {
                let raw = self.kv.get(&k)?;
                Some(serde_json::from_str(&raw).unwrap_or(Quarantined {
                    key: k.clone(),
                    reason: "kept aside".into(),
                    found_at: 0,
                    raw,
                }))
            })
            .collect()
    }

    /// Removes every key of this app, and only this app's. Returns how many.
    pub fn delete_everything(&self) -> usize {
        let keys: Vec<String> = self.kv.keys().into_iter().filter(|k| k.starts_with(PREFIX)).collect();
        for key in &keys {
            self.kv.remove(key);
        }
        keys.len()
    }

    /// Characters (UTF-16 units, as browsers count them) used by this app and by
    /// everything on this origin.
    pub fn usage(&self) -> (usize, usize) {
        let mut app = 0;
        let mut all = 0;
        for key in self.kv.keys() {
            let size = key.encode_utf16().count() + self.kv.get(&key).map_or(0, |v| v.encode_utf16().count());
            all += size;
            if key.starts_with(PREFIX) {
                app += size;
            }
        }
        (app, all)
    }
}

fn write_meta(kv: &impl Kv) {
    let _ = kv.set(META_KEY, &serde_json::to_string(&Meta { schema: SCHEMA }).expect("meta serialises"));
}

/// Reads one stored record, checking that its key and content agree.
pub fn read_record(kind: &str, id: &str, raw: &str) -> Result<AnyRecord, Unreadable> {
    let value: Value = serde_json::from_str(raw).map_err(|_| Unreadable::NotJson)?;
    let checked = records::check(kind, &value)?;
    if checked.id != id {
        return Err(Unreadable::WrongShape("its id does not match its key".into()));
    }
    Ok(AnyRecord { kind: kind.into(), id: checked.id, updated_at: checked.updated_at, value })
}

/// Moves an unreadable value aside: it is written to a quarantine key first, and
/// only removed from its place once that write succeeded. If storage is full it
/// stays where it is, still unread and still untouched.
fn quarantine(kv: &impl Kv, key: &str, raw: &str, reason: &str, now_ms: i64) {
    let suffix = key.strip_prefix(PREFIX).unwrap_or(key);
    let mut qkey = format!("{QUARANTINE_PREFIX}{suffix}");
    let mut n = 1;
    while kv.get(&qkey).is_some() {
        n += 1;
        qkey = format!("{QUARANTINE_PREFIX}{suffix}.{n}");
    }
    let kept = Quarantined { key: key.into(), reason: reason.into(), found_at: now_ms, raw: raw.into() };
    if kv.set(&qkey, &serde_json::to_string(&kept).expect("quarantine serialises")).is_ok() {
        kv.remove(key);
    }
}

/// Brings an older layout up to `SCHEMA`, one version at a time. Schema 1 is the
/// first layout; schema 0 means "nothing stored yet". When the layout changes,
/// add a step here and a frozen fixture of the old layout in `tests/fixtures/`.
fn migrate(_kv: &impl Kv, from: u64) {
    for version in from..SCHEMA {
        match version {
            0 => {} // a new, empty store: nothing to move
            _ => unreachable!("no migration from schema {version}"),
        }
    }
}

/// An in-memory `Kv` for tests, with an optional capacity (in UTF-16 units, like
/// a browser's quota) to simulate a full disk.
#[derive(Default)]
pub struct MemoryKv {
    pub map: RefCell<BTreeMap<String, String>>,
    pub capacity: Option<usize>,
}

impl MemoryKv {
    pub fn with(entries: &[(&str, &str)]) -> Self {
        let kv = MemoryKv::default();
        for (k, v) in entries {
            kv.map.borrow_mut().insert((*k).into(), (*v).into());
        }
        kv
    }
    fn used_without(&self, key: &str) -> usize {
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

#[cfg(test)]
mod tests;
