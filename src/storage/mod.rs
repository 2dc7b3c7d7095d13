//! The store: every key the app writes, how records are laid out, start-up
//! migrations, and unreadable values kept aside. Written against the small `Kv`
//! trait so it is tested natively with `MemoryKv`; `local.rs` (wasm only) is the
//! one place that touches localStorage.
//!
//! Layout, all under one prefix:
//! - `leaning-in.meta`                 `{"schema": 3}`
//! - `leaning-in.rec.<kind>.<id>`      one record: its JSON plus `"v"`
//! - `leaning-in.draft.<form>`         an unsaved form, autosaved while typing
//! - `leaning-in.prefs`                small settings (last backup, notes dismissed)
//! - `leaning-in.setting.<name>`       one plain setting that is not data (the
//!                                     crisis lines' region, the language); `assets/boot.js`
//!                                     does not count these as a stored history
//! - `leaning-in.quarantine.<…>`       a value that could not be read, kept aside
//! - `leaning-in.lock`                 the lock, when on: KDF, salt, wrapped data key
//!
//! Records, drafts and kept-aside values are stored packed (`packed.rs`: JSON
//! compressed, one byte a character). With the lock on they are sealed and
//! stored as `leaning-in.x.<keyed hash of the name>` instead (`sealed.rs`,
//! `cipher.rs`); everything above reads and writes them by the names above.
//!
//! One key per record means a save costs the same with three years of history as
//! with none. A save names what it started from (`Expect`), so an edit made in
//! one tab never silently overwrites another tab's newer words.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::auto_lock::AutoLock;
use crate::domain::backup::AnyRecord;
use crate::domain::quota::cost;
use crate::domain::records::{self, encode, Record, Unreadable};
use crate::i18n::t;

mod aside;
mod cipher;
pub mod drafts;
mod import;
mod memory;
mod outcome;
pub mod key_lost;
pub mod packed;
pub mod sealed;
#[cfg(target_arch = "wasm32")]
pub mod local;

pub use aside::Quarantined;
pub use import::{ImportFailed, NotImported};
pub use memory::MemoryKv;
pub use outcome::{Expect, Removed, SaveError, SaveFailure, Stale};
pub use sealed::LOCK_KEY;

pub const PREFIX: &str = "leaning-in.";
pub const META_KEY: &str = "leaning-in.meta";
pub const PREFS_KEY: &str = "leaning-in.prefs";
/// Settings that are not the person's data, one plain value each, read only by
/// the page they belong to (so reading them costs the first load nothing).
pub const SETTING_PREFIX: &str = "leaning-in.setting.";
/// The region whose crisis lines Learn and support shows: an ISO 3166 code.
pub const REGION_KEY: &str = "leaning-in.setting.region";
/// The language the person chose (a BCP 47 tag); none: the browser's.
pub const LANGUAGE_KEY: &str = "leaning-in.setting.language";
pub const RECORD_PREFIX: &str = "leaning-in.rec.";
pub const DRAFT_PREFIX: &str = "leaning-in.draft.";
pub const QUARANTINE_PREFIX: &str = "leaning-in.quarantine.";
/// What the app notes about the person's use rather than their settings (when
/// the last backup was made): stored like their words, so sealed with the lock.
pub const PRIVATE_PREFS_KEY: &str = "leaning-in.private";

/// The layout version this build reads and writes. Older stores are migrated at
/// start-up; a newer one is opened read-only so nothing of it is overwritten.
pub const SCHEMA: u64 = 3;


/// A key–value store with localStorage's semantics.
pub trait Kv {
    fn keys(&self) -> Vec<String>;
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError>;
    fn remove(&self, key: &str);

    /// Every value with its key, read in one pass.
    fn entries(&self) -> Vec<Stored> {
        self.keys()
            .into_iter()
            .filter_map(|key| {
                let value = self.get(&key)?;
                Some(Stored { settled: packed::is_packed(&value), value, key })
            })
            .collect()
    }

    /// Every key and value exactly as the browser holds them (sealed values
    /// sealed, hidden names hidden): what counts against the quota.
    fn stored(&self) -> Vec<(String, String)> {
        self.keys().into_iter().filter_map(|key| Some((key.clone(), self.get(&key)?))).collect()
    }
}

/// One stored value, by its own name.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub key: String,
    pub value: String,
    /// Stored in the form this build writes, once (`sealed::settle`): packed,
    /// or sealed under the current key (its value then read as JSON).
    pub settled: bool,
}

/// A borrowed store is a store: the lock's operations wrap the one they are given.
impl<T: Kv> Kv for &T {
    fn keys(&self) -> Vec<String> {
        (**self).keys()
    }
    fn get(&self, key: &str) -> Option<String> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) {
        (**self).remove(key)
    }
    fn entries(&self) -> Vec<Stored> {
        (**self).entries()
    }
    fn stored(&self) -> Vec<(String, String)> {
        (**self).stored()
    }
}


pub fn record_key(kind: &str, id: &str) -> String {
    format!("{RECORD_PREFIX}{kind}.{id}")
}

/// `("journal", "abc")` for `leaning-in.rec.journal.abc`.
pub fn parse_record_key(key: &str) -> Option<(&str, &str)> {
    key.strip_prefix(RECORD_PREFIX)?.split_once('.')
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Meta {
    schema: u64,
}

/// Small settings shared by every page. Read fresh and updated field by field, so
/// two tabs changing different settings do not undo each other.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Kept at `PRIVATE_PREFS_KEY`, never with the settings (older builds kept
    /// it here: read from here until it is next written).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_backup_at: Option<i64>,
    /// The answer to `navigator.storage.persist()`, once asked.
    pub persisted: Option<bool>,
    pub welcome_dismissed: bool,
    /// How many quarantined values the person had already been told about.
    pub unreadable_acknowledged: usize,
    /// Home's offer to install the app was put away ("Not now"); Your data
    /// still has it. (Once a note about Safari's seven-day limit, which it replaced.)
    #[serde(alias = "safari_note_dismissed")]
    pub install_offer_dismissed: bool,
    /// With the lock on: minutes the app may be out of sight before it locks
    /// (`AutoLock::minutes`). A plain number: it holds no words, and a number
    /// costs the first load nothing to read.
    pub auto_lock: i32,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            last_backup_at: None,
            persisted: None,
            welcome_dismissed: false,
            unreadable_acknowledged: 0,
            install_offer_dismissed: false,
            auto_lock: AutoLock::default().minutes(),
        }
    }
}

/// The language setting, read before the store is opened (it is plain, lock or no lock).
pub fn language_setting(kv: &impl Kv) -> Option<String> {
    kv.get(LANGUAGE_KEY).filter(|tag| is_language_tag(tag))
}

fn is_language_tag(tag: &str) -> bool {
    (2..=20).contains(&tag.len()) && tag.split('-').all(|part| !part.is_empty() && part.len() <= 8 && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn is_region_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// What `open` found.
#[derive(Debug, Default)]
pub struct Opened {
    pub records: Vec<AnyRecord>,
    /// Values kept aside (now and on earlier starts) that could not be read.
    pub unreadable: usize,
    /// `Some(v)` when the store was written by a newer build: nothing is written.
    pub newer_schema: Option<u64>,
    /// Values kept aside by an older build that this one can read: put back.
    pub restored: usize,
    /// Values not yet in this build's form (`Store::settle` writes them again).
    pub unsettled: usize,
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
                aside::quarantine(&kv, META_KEY, raw_meta.as_deref().unwrap_or_default(), "not valid JSON", now_ms);
                0
            }
            None => 0,
        };
        let read_only = schema > SCHEMA;
        if read_only {
            opened.newer_schema = Some(schema);
        } else if schema < SCHEMA && kv.keys().iter().any(|k| k.starts_with(PREFIX)) {
            // The marker first: from here on an older build opens this store
            // read-only, whatever form each value is in.
            write_meta(&kv);
            migrate(&kv, schema);
        }

        // One pass reads (and, with the lock on, opens) every value; its names
        // serve the tidying below, and only a change sends it round again.
        let mut entries = kv.entries();
        if !read_only {
            let renamed = drafts::name_unnamed(&kv, &entries);
            opened.restored = aside::restore_readable(&kv, &entries);
            if renamed + opened.restored > 0 {
                entries = kv.entries();
            }
        }
        opened.unsettled = entries.iter().filter(|e| sealed::needs_settling(e)).count();
        for entry in &entries {
            if entry.key.starts_with(QUARANTINE_PREFIX) {
                opened.unreadable += 1;
                continue;
            }
            let read = match (parse_record_key(&entry.key), sealed::is_hidden(&entry.key)) {
                (Some((kind, id)), _) => read_record(kind, id, &entry.value),
                // Sealed, and no key here opens it.
                (None, true) => Err(Unreadable::WrongShape(t(crate::i18n::k::backup::WRONG_KEY).into())),
                (None, false) => continue,
            };
            match read {
                Ok(record) => opened.records.push(record),
                Err(why) => {
                    // Counted whether it could be moved aside or, with storage full,
                    // had to stay where it is.
                    opened.unreadable += 1;
                    if !read_only {
                        aside::quarantine(&kv, &entry.key, &entry.value, &why.describe(), now_ms);
                    }
                }
            }
        }
        (Store { kv, read_only }, opened)
    }

    /// Writes again every value not yet in this build's form: the schema 3
    /// migration (values packed, and with the lock on sealed under hidden
    /// names), and whatever a turn-on or new passphrase left unfinished. One
    /// value at a time: a failed write (storage full) leaves the rest readable
    /// as they are, for the next time. The app runs it after the first paint,
    /// from a chunk of its own, so compressing is not in the first load.
    /// Returns how many values it wrote.
    pub fn settle(&self) -> Result<usize, SaveError> {
        self.writable()?;
        sealed::settle(&self.kv)
    }

    /// A handle on a store already opened this page load, without rescanning.
    pub fn reopen(kv: K, read_only: bool) -> Self {
        Store { kv, read_only }
    }

    /// The schema stored right now, which another tab may have raised since open.
    pub fn stored_schema(&self) -> Option<u64> {
        self.kv.get(META_KEY).as_deref().and_then(schema_of)
    }

    /// Read-only since open, or since a newer build in another tab upgraded the store.
    pub fn is_read_only(&self) -> bool {
        self.read_only || self.stored_schema().is_some_and(|s| s > SCHEMA)
    }

    /// Checked before every change. The stored schema is read each time, so a tab
    /// opened before an upgrade elsewhere never writes the old layout into a new
    /// store. An empty store gets its schema marker with its first write, so
    /// "delete everything" really leaves nothing behind.
    fn writable(&self) -> Result<(), SaveError> {
        if self.read_only {
            return Err(SaveError::ReadOnly);
        }
        match self.kv.get(META_KEY) {
            None => write_meta(&self.kv),
            Some(raw) if schema_of(&raw).is_some_and(|schema| schema > SCHEMA) => return Err(SaveError::ReadOnly),
            Some(_) => {}
        }
        Ok(())
    }

    fn write(&self, key: &str, value: &str) -> Result<(), SaveError> {
        self.writable()?;
        self.kv.set(key, value)
    }

    /// Writes a value that holds words, in its stored form (`packed`).
    fn write_words(&self, key: &str, json: &str) -> Result<(), SaveError> {
        self.write(key, &packed::pack(json))
    }

    /// Saves one record under its own key, whatever is there. Costs the same
    /// however much is stored. The app saves through `save_expecting`.
    pub fn save<T: Record>(&self, record: &T) -> Result<(), SaveError> {
        let json = serde_json::to_string(&encode(record)).expect("records serialise");
        self.write_words(&record_key(T::KIND, record.id()), &json)
    }

    /// Saves a record only if what is stored is what the edit started from.
    /// Otherwise nothing is written and the caller learns what is there now.
    pub fn save_expecting<T: Record>(&self, record: &T, expect: Expect) -> Result<(), SaveFailure<T>> {
        let found = self.kv.get(&record_key(T::KIND, record.id()));
        let current = || found.as_deref().and_then(json_of).and_then(|v| records::decode::<T>(&v).ok());
        match (expect, &found) {
            (Expect::Absent, None) => {}
            (Expect::Absent, Some(_)) => return Err(SaveFailure::Stale(Stale::Changed(current()))),
            (Expect::Updated(_), None) => return Err(SaveFailure::Stale(Stale::Deleted)),
            (Expect::Updated(at), Some(_)) => match current() {
                Some(now) if now.updated_at() == at => {}
                other => return Err(SaveFailure::Stale(Stale::Changed(other))),
            },
        }
        Ok(self.save(record)?)
    }

    /// Deletes a record and any unsaved edit of it, returning exactly what was
    /// removed. `None` when there was nothing to delete.
    pub fn delete(&self, kind: &str, id: &str) -> Result<Option<Removed>, SaveError> {
        self.writable()?;
        let key = record_key(kind, id);
        let Some(value) = self.kv.get(&key) else { return Ok(None) };
        let mut removed = Removed { values: vec![(key, value)] };
        removed.values.extend(drafts::linked_to(&self.kv, id));
        for (key, _) in &removed.values {
            self.kv.remove(key);
        }
        Ok(Some(removed))
    }

    /// Puts back what a delete removed, unless the record was saved again
    /// meanwhile: then nothing is written, and the newer copy stays.
    /// Drafts go back only where nothing was written since: a tab that kept
    /// typing in an edit after the delete keeps its newer words.
    pub fn restore(&self, removed: &Removed) -> Result<(), SaveFailure<()>> {
        self.writable()?;
        let Some(((key, value), drafts)) = removed.values.split_first() else { return Ok(()) };
        if self.kv.get(key).is_some() {
            return Err(SaveFailure::Stale(Stale::Changed(None)));
        }
        self.kv.set(key, value)?;
        for (key, value) in drafts {
            if self.kv.get(key).is_none() {
                // The record matters most: a draft that finds no room is not put back.
                let _ = self.kv.set(key, value);
            }
        }
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

    pub fn prefs(&self) -> Prefs {
        self.prefs_as_stored().0
    }

    /// The prefs, and whether the settings still carry the time of the last
    /// backup (as older builds kept it there).
    fn prefs_as_stored(&self) -> (Prefs, bool) {
        let mut prefs: Prefs = self.kv.get(PREFS_KEY).and_then(|raw| serde_json::from_str(&raw).ok()).unwrap_or_default();
        let in_settings = prefs.last_backup_at.is_some();
        if let Some(private) = self.kv.get(PRIVATE_PREFS_KEY).and_then(|raw| json_of(&raw)) {
            prefs.last_backup_at = private["last_backup_at"].as_i64();
        }
        (prefs, in_settings)
    }

    /// Reads the newest prefs, changes them, and writes them back: the settings
    /// plain, the time of the last backup with the person's words.
    pub fn update_prefs(&self, change: impl FnOnce(&mut Prefs)) -> Result<Prefs, SaveError> {
        let (before, in_settings) = self.prefs_as_stored();
        let mut prefs = before.clone();
        change(&mut prefs);
        if prefs.last_backup_at != before.last_backup_at || in_settings {
            // A few bytes: JSON as it is (`settle` packs it later, as any value).
            let at = prefs.last_backup_at.map_or("null".to_string(), |at| at.to_string());
            self.write(PRIVATE_PREFS_KEY, &format!(r#"{{"last_backup_at":{at}}}"#))?;
        }
        let settings = Prefs { last_backup_at: None, ..prefs.clone() };
        self.write(PREFS_KEY, &serde_json::to_string(&settings).expect("prefs serialise"))?;
        Ok(prefs)
    }

    /// How many values are kept aside right now.
    pub fn unreadable_count(&self) -> usize {
        self.kv.keys().iter().filter(|k| k.starts_with(QUARANTINE_PREFIX)).count()
    }

    /// The region the person chose for crisis lines, if any (a two-letter code).
    pub fn region(&self) -> Option<String> {
        self.kv.get(REGION_KEY).filter(|code| is_region_code(code))
    }

    /// Keeps the region the person chose (`None`: go back to their language's).
    pub fn set_region(&self, code: Option<&str>) -> Result<(), SaveError> {
        self.set_setting(REGION_KEY, code, is_region_code)
    }

    /// The language the person chose, if any: a tag of letters, digits and dashes.
    pub fn language(&self) -> Option<String> {
        language_setting(&self.kv)
    }

    /// Keeps the language the person chose (`None`: follow the browser's).
    pub fn set_language(&self, tag: Option<&str>) -> Result<(), SaveError> {
        self.set_setting(LANGUAGE_KEY, tag, is_language_tag)
    }

    /// Writes one plain setting when `valid` accepts it (anything else is not
    /// written), or removes it.
    fn set_setting(&self, key: &str, value: Option<&str>, valid: fn(&str) -> bool) -> Result<(), SaveError> {
        match value {
            Some(value) if valid(value) => self.write(key, value),
            Some(_) => Ok(()),
            None => {
                self.writable()?;
                self.kv.remove(key);
                Ok(())
            }
        }
    }

    /// Removes every key of this app, and only this app's. Returns how many.
    pub fn delete_everything(&self) -> usize {
        let keys: Vec<String> = self.kv.keys().into_iter().filter(|k| k.starts_with(PREFIX)).collect();
        for key in &keys {
            self.kv.remove(key);
        }
        keys.len()
    }

    /// Bytes used by this app and by everything on this origin, keys included,
    /// as WebKit counts them against its 5 MiB (`domain::quota`): exact for
    /// Safari, and never less than the share other engines count. Counted as
    /// stored: sealed values at their sealed size.
    pub fn usage(&self) -> (usize, usize) {
        let mut app = 0;
        let mut all = 0;
        for (key, value) in self.kv.stored() {
            let size = cost(&key) + cost(&value);
            all += size;
            if key.starts_with(PREFIX) {
                app += size;
            }
        }
        (app, all)
    }
}

/// The schema a meta value names, if it can be read.
fn schema_of(raw: &str) -> Option<u64> {
    serde_json::from_str::<Meta>(raw).ok().map(|m| m.schema)
}

fn write_meta(kv: &impl Kv) {
    let _ = kv.set(META_KEY, &serde_json::to_string(&Meta { schema: SCHEMA }).expect("meta serialises"));
}

/// The JSON a stored value holds, packed or as schema 2 wrote it.
pub fn json_of(stored: &str) -> Option<Value> {
    serde_json::from_str(&packed::unpack(stored).ok()?).ok()
}

/// Reads one stored record (packed, or as schema 2 wrote it), checking that
/// its key and content agree.
pub fn read_record(kind: &str, id: &str, raw: &str) -> Result<AnyRecord, Unreadable> {
    let json = packed::unpack(raw).map_err(|why| match why {
        packed::Unpack::TooLarge => Unreadable::WrongShape(t(crate::i18n::k::backup::TOO_LARGE_TO_OPEN).into()),
        packed::Unpack::Damaged => Unreadable::NotJson,
    })?;
    let value: Value = serde_json::from_str(&json).map_err(|_| Unreadable::NotJson)?;
    let checked = records::check(kind, &value)?;
    if checked.id != id {
        return Err(Unreadable::WrongShape(t(crate::i18n::k::backup::ID_MISMATCH).into()));
    }
    Ok(AnyRecord { kind: kind.into(), id: checked.id, updated_at: checked.updated_at, value })
}

/// Brings an older layout up to `SCHEMA`, one version at a time. Schema 1 is the
/// first layout; schema 0 means "nothing stored yet". When the layout changes,
/// add a step here and a frozen fixture of the old layout in `tests/fixtures/`.
fn migrate(_kv: &impl Kv, from: u64) {
    // Schema 3 packs every value that holds words (`packed`) and, with the lock
    // on, stores it under a hidden name: `Store::settle` (after the first
    // paint, and at unlock) writes each value again in that form, one at a time.
    for version in from..SCHEMA {
        match version {
            0 => {} // a new, empty store: nothing to move
            // Schema 2 brings the optional lock (`sealed.rs`): values may be sealed
            // and `leaning-in.lock` may exist. A schema 1 store has no lock, so
            // nothing moves; the bump stops schema 1 builds (read-only from now)
            // from ever writing plain text into a locked store.
            1 => {}
            2 => {}
            _ => unreachable!("no migration from schema {version}"),
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod never_lose_tests;
#[cfg(test)]
mod sealed_tests;
#[cfg(test)]
mod lock_state_tests;
#[cfg(test)]
mod capacity_tests;
