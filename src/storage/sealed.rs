//! The lock, below the store: `Sealed` wraps any `Kv` and seals every value that
//! holds the person's words (records, drafts, values kept aside) as it is
//! written, under a hidden name (`cipher.rs`), and opens it as it is read, by
//! its own name. Nothing above the store knows whether data is encrypted.
//! Settings and the schema marker hold no words and stay plain.
//!
//! Turning the lock on or off, or a new passphrase, converts one value at a
//! time: the new form is written before the old one goes, so each value is
//! always readable in one form or both, never lost. Reading prefers the newest
//! form, and an interrupted conversion (reload, closed tab, full storage) is
//! finished the next time by `settle` (after the first paint, or at unlock).

use std::rc::Rc;

use crate::crypto::{is_sealed, DataKey, LockRecord};

pub use super::cipher::{is_hidden, KeyCipher, ValueCipher, HIDDEN_PREFIX};
use super::cipher::opens_any;
use super::packed::{is_packed, pack};
use super::{Kv, SaveError, Stored, DRAFT_PREFIX, PRIVATE_PREFS_KEY, QUARANTINE_PREFIX, RECORD_PREFIX};

/// Where the lock keeps its KDF parameters, salt and wrapped data key. Its
/// presence means "the lock is on".
pub const LOCK_KEY: &str = "leaning-in.lock";

/// Where a damaged lock record is kept aside when the key is put back. It holds
/// no words (salt, parameters, a wrapped key), so it is kept as it was.
pub const DAMAGED_LOCK_KEY: &str = "leaning-in.lock-damaged";

/// Whether a key's value can hold anything the person wrote.
pub fn holds_words(key: &str) -> bool {
    [RECORD_PREFIX, DRAFT_PREFIX, QUARANTINE_PREFIX, HIDDEN_PREFIX].iter().any(|p| key.starts_with(p)) || key == PRIVATE_PREFS_KEY
}

/// The lock as storage holds it: the one answer every caller uses.
#[derive(Clone, Debug, PartialEq)]
pub enum LockState {
    /// No lock record and nothing sealed: words are stored in plain form.
    Off,
    /// A lock record in the shape this build writes.
    On(LockedBy),
    /// A lock record this build cannot read.
    Damaged,
    /// No lock record, yet sealed values remain (the record was removed): they
    /// cannot be opened here, and nothing may be written beside them.
    Missing { sealed: usize },
}

/// The stored lock record as found: its text, and the wrapped data key in it
/// (which tells one lock from another). Read as plain JSON, so the first load
/// carries no parser for the typed record: only the lock's own code needs that.
#[derive(Clone, Debug, PartialEq)]
pub struct LockedBy {
    pub raw: String,
    pub wrapped_key: String,
}

impl LockedBy {
    /// The typed record; `None` if its fields are not what this build writes.
    pub fn record(&self) -> Option<LockRecord> {
        serde_json::from_str(&self.raw).ok()
    }
}

/// Reads the lock's state from storage. Without a record, every value that
/// holds words is looked at, so a removed record is never taken for "off".
pub fn lock_state(kv: &impl Kv) -> LockState {
    match kv.get(LOCK_KEY) {
        Some(raw) => {
            let found = serde_json::from_str::<serde_json::Value>(&raw).ok();
            let shaped = found.as_ref().filter(|v| v["kdf"].is_object() && v["salt"].is_string() && v["v"].is_u64());
            match shaped.and_then(|v| v["key"].as_str()) {
                Some(key) => LockState::On(LockedBy { wrapped_key: key.to_string(), raw }),
                None => LockState::Damaged,
            }
        }
        None => match places(kv).iter().filter(|p| kv.get(p).is_some_and(|raw| is_sealed(&raw))).count() {
            0 => LockState::Off,
            sealed => LockState::Missing { sealed },
        },
    }
}

/// A `Kv` whose values that hold words are sealed while a key is present.
pub struct Sealed<K: Kv> {
    pub inner: K,
    pub cipher: Option<Rc<dyn ValueCipher>>,
    /// Set once a look at every value of a schema 3 store found nothing sealed
    /// while no lock record existed, so writes do not read every value again:
    /// no build writes schema 2's sealed values into a schema 3 store (older
    /// builds open it read-only), and schema 3's are under hidden names, which
    /// are looked for before every write, as is the record itself. Shared by
    /// every `Sealed` over the same storage (`sharing`).
    none_sealed: Rc<std::cell::Cell<bool>>,
}

impl<K: Kv> Sealed<K> {
    pub fn new(inner: K, cipher: Option<Rc<dyn ValueCipher>>) -> Self {
        Sealed::sharing(inner, cipher, Rc::default())
    }
    /// With the look at every value shared with other `Sealed`s over `inner`.
    pub fn sharing(inner: K, cipher: Option<Rc<dyn ValueCipher>>, none_sealed: Rc<std::cell::Cell<bool>>) -> Self {
        Sealed { inner, cipher, none_sealed }
    }
    pub fn plain(inner: K) -> Self {
        Sealed::new(inner, None)
    }
    pub fn with(inner: K, cipher: Rc<dyn ValueCipher>) -> Self {
        Sealed::new(inner, Some(cipher))
    }

    fn state(&self) -> LockState {
        if self.none_sealed.get() && self.inner.get(LOCK_KEY).is_none() && !self.inner.keys().iter().any(|k| is_hidden(k)) {
            return LockState::Off;
        }
        let state = lock_state(&self.inner);
        let schema_3 = self.inner.get(super::META_KEY).as_deref().and_then(super::schema_of).is_some_and(|s| s >= 3);
        self.none_sealed.set(state == LockState::Off && schema_3);
        state
    }
}

impl<K: Kv> Sealed<K> {
    /// The name a stored place stands for: itself, unless it is hidden; then
    /// the name inside, if this page's key opens it (`stored`, when the caller
    /// has the value already, as a `storage` event does).
    pub fn name_of(&self, at: &str, stored: Option<&str>) -> Option<String> {
        match (&self.cipher, is_hidden(at)) {
            (_, false) => Some(at.to_string()),
            (Some(cipher), true) => cipher.name_of(&self.inner, at, stored),
            (None, true) => None,
        }
    }
}

/// Without a key, values are read and written as they are. With one, the
/// cipher reads and writes them (`cipher.rs`): that code comes with the lock's
/// chunk, so a first load without the lock carries none of it.
impl<K: Kv> Kv for Sealed<K> {
    /// Each value by its own name, once, whatever forms it is stored in.
    fn keys(&self) -> Vec<String> {
        match &self.cipher {
            Some(cipher) => cipher.keys(&self.inner),
            None => self.inner.keys(),
        }
    }

    /// A sealed value that fails to open is returned as stored: the store then
    /// cannot read it and keeps it aside, never deleting it.
    fn get(&self, key: &str) -> Option<String> {
        match &self.cipher {
            Some(cipher) => cipher.get(&self.inner, key),
            None => self.inner.get(key),
        }
    }

    /// One pass, each value opened once: for opening the store.
    fn entries(&self) -> Vec<Stored> {
        match &self.cipher {
            Some(cipher) => cipher.entries(&self.inner),
            None => self.inner.entries(),
        }
    }

    /// Words are sealed only under the key the stored lock record wraps: a key
    /// held after the lock went or changed (perhaps in another tab) must never
    /// seal a value nobody could open again. Plain text is written only while
    /// the lock is off, never beside sealed values; when the lock's state is
    /// unclear (damaged, or its record missing), nothing is written at all.
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        if !holds_words(key) {
            return self.inner.set(key, value);
        }
        match (self.state(), &self.cipher) {
            (LockState::On(by), Some(cipher)) if cipher.belongs_to(&by.wrapped_key) && !is_hidden(key) => cipher.write(&self.inner, key, value),
            (LockState::Off, _) if !is_sealed(value) => self.inner.set(key, value),
            _ => Err(SaveError::Locked),
        }
    }

    fn remove(&self, key: &str) {
        match &self.cipher {
            Some(cipher) => cipher.remove(&self.inner, key),
            None => self.inner.remove(key),
        }
    }

    fn stored(&self) -> Vec<(String, String)> {
        self.inner.stored()
    }
}

/// The lock record, if the lock is on (and the record readable).
pub fn read_lock(kv: &impl Kv) -> Option<LockRecord> {
    match lock_state(kv) {
        LockState::On(by) => by.record(),
        _ => None,
    }
}

/// Why the lock was not turned on (or its passphrase not changed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TurnOnError {
    /// The lock is not in the state this tab last saw (perhaps another tab
    /// turned it on, or changed it, meanwhile): nothing was written.
    NotOff,
    Store(SaveError),
}

/// Turns the lock on: stores the wrapped data key first (so every value sealed
/// from then on can be opened), then seals the values one by one, each under
/// its hidden name. `cipher` holds the key `lock` wraps. On a failed write
/// (storage full) the values sealed so far stay sealed, the rest stay plain
/// and readable, and the next open goes on.
///
/// Compare-and-set: the state is read again right here, after the caller's key
/// derivation, and anything but "off" refuses, so two tabs turning the lock on
/// at once never leave values sealed under a key no record wraps.
pub fn turn_on(kv: &impl Kv, lock: &LockRecord, cipher: Rc<dyn ValueCipher>) -> Result<usize, TurnOnError> {
    if lock_state(kv) != LockState::Off {
        return Err(TurnOnError::NotOff);
    }
    store_lock(kv, lock).map_err(TurnOnError::Store)?;
    settle(&Sealed::with(kv, cipher)).map_err(TurnOnError::Store)
}

/// The first step of turning the lock on, or of a new passphrase: the lock record.
/// The schema marker goes first, so that no older build, which knows nothing of
/// the lock, takes the store for an empty one of its own and writes plain text.
pub fn store_lock(kv: &impl Kv, lock: &LockRecord) -> Result<(), SaveError> {
    if kv.get(super::META_KEY).is_none() {
        super::write_meta(kv);
    }
    kv.set(LOCK_KEY, &serde_json::to_string(lock).expect("the lock record serialises"))
}

/// Puts a lock record back when this device's is missing or damaged (from an
/// encrypted backup whose key opens what is sealed here). A damaged record is
/// kept aside first (`DAMAGED_LOCK_KEY`), never deleted; if there is no room for
/// that, nothing changes.
pub fn restore_lock(kv: &impl Kv, lock: &LockRecord) -> Result<(), SaveError> {
    if let Some(damaged) = kv.get(LOCK_KEY) {
        kv.set(DAMAGED_LOCK_KEY, &damaged)?;
    }
    store_lock(kv, lock)
}

/// Whether `key` opens the values sealed here (true when nothing is sealed).
pub fn opens_sealed(kv: &impl Kv, key: &DataKey) -> bool {
    opens_any(&places(kv).into_iter().filter_map(|p| kv.get(&p).map(|raw| (p, raw))).collect::<Vec<_>>(), key)
}

/// Every key whose value can hold words, to convert in steps.
pub fn places(kv: &impl Kv) -> Vec<String> {
    kv.keys().into_iter().filter(|k| holds_words(k)).collect()
}

/// Writes again, through `kv` and the key it holds, every value that holds
/// words and is not yet in the form this build writes: plain beside the lock,
/// sealed under a previous key or by schema 2, stored twice, or not packed.
/// One pass serves the schema 3 migration, an interrupted turn-on and a new
/// passphrase. Returns how many values it wrote.
pub fn settle(kv: &impl Kv) -> Result<usize, SaveError> {
    settle_entries(kv, &kv.entries())
}

/// Whether `settle` would write this value again.
pub fn needs_settling(entry: &Stored) -> bool {
    holds_words(&entry.key) && !is_hidden(&entry.key) && !is_sealed(&entry.value) && !entry.settled
}

/// `settle` over entries the caller has read already.
pub fn settle_entries(kv: &impl Kv, entries: &[Stored]) -> Result<usize, SaveError> {
    let mut written = 0;
    for entry in entries.iter().filter(|e| needs_settling(e)) {
        let value = if is_packed(&entry.value) { entry.value.clone() } else { pack(&entry.value) };
        kv.set(&entry.key, &value)?;
        written += 1;
    }
    Ok(written)
}

/// Finishes whatever an interruption left (`settle`, through `cipher`, which
/// holds the keys `lock` wraps), then drops the previous key from the record,
/// if `lock` is still the stored one. A value neither key opens is left as it
/// is, to be kept aside. Returns how many values it wrote.
pub fn finish_conversion(kv: &impl Kv, lock: &LockRecord, cipher: Rc<dyn ValueCipher>) -> Result<usize, SaveError> {
    // Nothing to finish when every value is under a hidden name and there is
    // no previous key: known from the names alone, without opening anything.
    let unfinished = lock.prev.is_some() || kv.keys().iter().any(|k| holds_words(k) && !is_hidden(k));
    let written = if unfinished { settle(&Sealed::with(kv, cipher))? } else { 0 };
    if lock.prev.is_some() && read_lock(kv).as_ref() == Some(lock) {
        kv.set(LOCK_KEY, &serde_json::to_string(&lock.without_previous()).expect("the lock record serialises"))?;
    }
    Ok(written)
}

/// Values that can still be read without the passphrase while the lock is on:
/// what an interrupted turn-on left, until it is finished.
pub fn plain_left(kv: &impl Kv) -> usize {
    match lock_state(kv) {
        LockState::On(_) => places(kv).iter().filter(|p| kv.get(p).is_some_and(|raw| !is_sealed(&raw))).count(),
        _ => 0,
    }
}

/// A new passphrase, and with it a new data key: `lock` wraps the new key and
/// the one it replaces, which `cipher` holds. Compare-and-set: only while the
/// stored record is still `current` (no other tab changed it meanwhile). Then
/// every value is sealed again under the new key and its new name, one at a
/// time; interrupted, the rest still opens with the previous key and the next
/// open goes on.
pub fn rotate(kv: &impl Kv, current: &LockRecord, lock: &LockRecord, cipher: Rc<dyn ValueCipher>) -> Result<(), TurnOnError> {
    replace_record(kv, current, lock)?;
    finish_conversion(kv, lock, cipher).map(|_| ()).map_err(TurnOnError::Store)
}

/// Puts `lock` in place of `current`, only while `current` is still the stored
/// record (compare-and-set): a new passphrase, or the same keys wrapped under
/// stronger key derivation settings.
pub fn replace_record(kv: &impl Kv, current: &LockRecord, lock: &LockRecord) -> Result<(), TurnOnError> {
    match lock_state(kv) {
        LockState::On(by) if by.wrapped_key == current.key => {}
        _ => return Err(TurnOnError::NotOff),
    }
    kv.set(LOCK_KEY, &serde_json::to_string(lock).expect("the lock record serialises")).map_err(TurnOnError::Store)
}

/// Turns the lock off: every value back to plain (packed, under its own name),
/// then the lock record goes. A value that cannot be opened (damaged) is kept
/// aside as it is, so turning off never fails on it and never loses it.
/// Interrupted, the lock stays on and the values opened so far stay plain,
/// readable with or without the key.
pub fn turn_off(kv: &impl Kv, cipher: &dyn ValueCipher, now_ms: i64) -> Result<(), SaveError> {
    for at in places(kv) {
        let Some(raw) = kv.get(&at).filter(|raw| is_sealed(raw)) else { continue };
        match cipher.open(&at, &raw) {
            Ok(opened) => {
                kv.set(&opened.name, &opened.packed())?;
                if opened.name != at {
                    kv.remove(&at);
                }
            }
            Err(_) => super::aside::quarantine(kv, &at, &raw, "could not be opened when the lock was turned off", now_ms),
        }
    }
    // A sealed value left in place (storage too full to keep it aside) still
    // needs the key: the lock stays until it is gone.
    if places(kv).iter().any(|p| kv.get(p).is_some_and(|raw| is_sealed(&raw))) {
        return Err(SaveError::Full);
    }
    kv.remove(LOCK_KEY);
    Ok(())
}
