//! The lock, below the store: `Sealed` wraps any `Kv` and seals every value that
//! holds the person's words (records, drafts, values kept aside) as it is
//! written, and opens it as it is read. Nothing above the store knows whether
//! data is encrypted. Settings and the schema marker hold no words and stay plain.
//!
//! Turning the lock on or off converts one value at a time, so each is always
//! either in its old form or its new one, never lost. Reading accepts both, and
//! an interrupted conversion (reload, closed tab, full storage) is finished at
//! the next unlock by `finish_conversion`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::crypto::{is_sealed, CryptoError, DataKey, KeyRing, LockRecord};

use super::{Kv, SaveError, DRAFT_PREFIX, QUARANTINE_PREFIX, RECORD_PREFIX};

/// Where the lock keeps its KDF parameters, salt and wrapped data key. Its
/// presence means "the lock is on".
pub const LOCK_KEY: &str = "leaning-in.lock";

/// Where a damaged lock record is kept aside when the key is put back. It holds
/// no words (salt, parameters, a wrapped key), so it is kept as it was.
pub const DAMAGED_LOCK_KEY: &str = "leaning-in.lock-damaged";

/// Whether a key's value can hold anything the person wrote.
pub fn holds_words(key: &str) -> bool {
    [RECORD_PREFIX, DRAFT_PREFIX, QUARANTINE_PREFIX].iter().any(|p| key.starts_with(p))
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

/// Seals and opens values for their place (storage key).
pub trait ValueCipher {
    fn seal(&self, place: &str, plain: &str) -> String;
    fn open(&self, place: &str, stored: &str) -> Result<String, CryptoError>;
    /// Whether this is the key `record` wraps: a key held after the record
    /// changed (another tab turned the lock on anew) must never seal again.
    fn belongs_to(&self, wrapped_key: &str) -> bool;
}

/// The data key (and during a rotation the previous one) with its source of
/// fresh nonces, and the wrapped form of it in the lock record it came from.
pub struct KeyCipher {
    keys: KeyRing,
    wrapped: String,
    random: RefCell<Box<dyn FnMut(&mut [u8])>>,
}

impl KeyCipher {
    pub fn new(keys: KeyRing, record: &LockRecord, random: Box<dyn FnMut(&mut [u8])>) -> Self {
        KeyCipher { keys, wrapped: record.key.clone(), random: RefCell::new(random) }
    }
}

impl ValueCipher for KeyCipher {
    fn belongs_to(&self, wrapped_key: &str) -> bool {
        wrapped_key == self.wrapped
    }
    fn seal(&self, place: &str, plain: &str) -> String {
        self.keys.seal_text(place, plain, &mut *self.random.borrow_mut())
    }
    fn open(&self, place: &str, stored: &str) -> Result<String, CryptoError> {
        self.keys.open_text(place, stored)
    }
}

/// A `Kv` whose values that hold words are sealed while a key is present.
pub struct Sealed<K: Kv> {
    pub inner: K,
    pub cipher: Option<Rc<dyn ValueCipher>>,
    /// Set once a look at every value found nothing sealed while no lock record
    /// existed, so a long run of plain writes (an import) looks only once. The
    /// record itself is read again before every write.
    none_sealed: std::cell::Cell<bool>,
}

impl<K: Kv> Sealed<K> {
    pub fn new(inner: K, cipher: Option<Rc<dyn ValueCipher>>) -> Self {
        Sealed { inner, cipher, none_sealed: std::cell::Cell::new(false) }
    }
    pub fn plain(inner: K) -> Self {
        Sealed::new(inner, None)
    }
    pub fn with(inner: K, cipher: Rc<dyn ValueCipher>) -> Self {
        Sealed::new(inner, Some(cipher))
    }

    fn state(&self) -> LockState {
        if self.none_sealed.get() && self.inner.get(LOCK_KEY).is_none() {
            return LockState::Off;
        }
        let state = lock_state(&self.inner);
        self.none_sealed.set(state == LockState::Off);
        state
    }
}

impl<K: Kv> Kv for Sealed<K> {
    fn keys(&self) -> Vec<String> {
        self.inner.keys()
    }

    /// A sealed value that fails to open is returned as stored: the store then
    /// cannot read it and keeps it aside, never deleting it.
    fn get(&self, key: &str) -> Option<String> {
        let raw = self.inner.get(key)?;
        match &self.cipher {
            Some(cipher) if holds_words(key) && is_sealed(&raw) => Some(cipher.open(key, &raw).unwrap_or(raw)),
            _ => Some(raw),
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
            (LockState::On(by), Some(cipher)) if cipher.belongs_to(&by.wrapped_key) => {
                let sealed = if is_sealed(value) { value.to_string() } else { cipher.seal(key, value) };
                self.inner.set(key, &sealed)
            }
            (LockState::Off, _) if !is_sealed(value) => self.inner.set(key, value),
            _ => Err(SaveError::Locked),
        }
    }

    fn remove(&self, key: &str) {
        self.inner.remove(key)
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
/// from then on can be opened), then seals the values one by one. `progress`
/// hears (done, total). On a failed write (storage full) the values sealed so
/// far stay sealed, the rest stay plain and readable, and the next unlock goes on.
///
/// Compare-and-set: the state is read again right here, after the caller's key
/// derivation, and anything but "off" refuses, so two tabs turning the lock on
/// at once never leave values sealed under a key no record wraps.
pub fn turn_on(
    kv: &impl Kv,
    lock: &LockRecord,
    key: &DataKey,
    random: &mut dyn FnMut(&mut [u8]),
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), TurnOnError> {
    if lock_state(kv) != LockState::Off {
        return Err(TurnOnError::NotOff);
    }
    store_lock(kv, lock).map_err(TurnOnError::Store)?;
    let all = places(kv);
    for (done, place) in all.iter().enumerate() {
        seal_places(kv, key, random, std::slice::from_ref(place)).map_err(TurnOnError::Store)?;
        progress(done + 1, all.len());
    }
    Ok(())
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
    let sealed: Vec<(String, String)> =
        places(kv).into_iter().filter_map(|p| kv.get(&p).filter(|raw| is_sealed(raw)).map(|raw| (p, raw))).collect();
    sealed.is_empty() || sealed.iter().any(|(place, raw)| key.open_text(place, raw).is_ok())
}

/// Every key whose value can hold words, to convert in steps.
pub fn places(kv: &impl Kv) -> Vec<String> {
    kv.keys().into_iter().filter(|k| holds_words(k)).collect()
}

/// Seals each of `places` still in plain form. Returns how many it sealed.
pub fn seal_places(kv: &impl Kv, key: &DataKey, random: &mut dyn FnMut(&mut [u8]), places: &[String]) -> Result<usize, SaveError> {
    let mut sealed = 0;
    for place in places {
        if let Some(raw) = kv.get(place).filter(|raw| !is_sealed(raw)) {
            kv.set(place, &key.seal_text(place, &raw, random))?;
            sealed += 1;
        }
    }
    Ok(sealed)
}

/// Finishes whatever an interruption left: seals any value still plain (a
/// turn-on), and seals again under the current key any value still under the
/// previous one (a new passphrase), then drops the previous key from the
/// record `lock` (the record `keys` came from, if it is still the stored one).
/// A value neither key opens is left as it is, to be kept aside. Returns how
/// many values it wrote.
pub fn finish_conversion(kv: &impl Kv, lock: &LockRecord, keys: &KeyRing, random: &mut dyn FnMut(&mut [u8])) -> Result<usize, SaveError> {
    let mut written = 0;
    for place in places(kv) {
        let Some(raw) = kv.get(&place) else { continue };
        let plain = match is_sealed(&raw) {
            false => raw,
            true if keys.previous.is_none() || keys.is_current(&place, &raw) => continue,
            true => match keys.open_text(&place, &raw) {
                Ok(plain) => plain,
                Err(_) => continue,
            },
        };
        kv.set(&place, &keys.seal_text(&place, &plain, random))?;
        written += 1;
    }
    if lock.prev.is_some() && read_lock(kv).as_ref() == Some(lock) {
        kv.set(LOCK_KEY, &serde_json::to_string(&lock.without_previous()).expect("the lock record serialises"))?;
    }
    Ok(written)
}

/// Values that can still be read without the passphrase while the lock is on:
/// what an interrupted turn-on left, until the next unlock finishes it.
pub fn plain_left(kv: &impl Kv) -> usize {
    match lock_state(kv) {
        LockState::On(_) => places(kv).iter().filter(|p| kv.get(p).is_some_and(|raw| !is_sealed(&raw))).count(),
        _ => 0,
    }
}

/// Seals, through `kv` and the key it holds, every value still plain while the
/// lock is on. Returns how many.
pub fn seal_plain<K: Kv>(kv: &Sealed<K>) -> Result<usize, SaveError> {
    let mut sealed = 0;
    for place in places(&kv.inner) {
        if let Some(raw) = kv.inner.get(&place).filter(|raw| !is_sealed(raw)) {
            kv.set(&place, &raw)?;
            sealed += 1;
        }
    }
    Ok(sealed)
}

/// A new passphrase, and with it a new data key: `lock` wraps the new key and
/// the one it replaces. Compare-and-set: only while the stored record is still
/// `current` (no other tab changed it meanwhile). Then every value is sealed
/// again under the new key, one at a time; interrupted, the rest still opens
/// with the previous key and the next unlock goes on.
pub fn rotate(kv: &impl Kv, current: &LockRecord, lock: &LockRecord, keys: &KeyRing, random: &mut dyn FnMut(&mut [u8])) -> Result<(), TurnOnError> {
    replace_record(kv, current, lock)?;
    finish_conversion(kv, lock, keys, random).map(|_| ()).map_err(TurnOnError::Store)
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

/// Turns the lock off: every value back to plain, then the lock record goes.
/// A value that cannot be opened (damaged) is kept aside as it is, so turning
/// off never fails on it and never loses it. Interrupted, the lock stays on and
/// the values opened so far stay plain, readable with or without the key.
pub fn turn_off(kv: &impl Kv, key: &KeyRing, progress: &mut dyn FnMut(usize, usize), now_ms: i64) -> Result<(), SaveError> {
    let all = places(kv);
    for (done, place) in all.iter().enumerate() {
        if let Some(raw) = kv.get(place).filter(|raw| is_sealed(raw)) {
            match key.open_text(place, &raw) {
                Ok(plain) => kv.set(place, &plain)?,
                Err(_) => super::aside::quarantine(kv, place, &raw, "could not be opened when the lock was turned off", now_ms),
            }
        }
        progress(done + 1, all.len());
    }
    // A sealed value left in place (storage too full to keep it aside) still
    // needs the key: the lock stays until it is gone.
    if places(kv).iter().any(|p| kv.get(p).is_some_and(|raw| is_sealed(&raw))) {
        return Err(SaveError::Full);
    }
    kv.remove(LOCK_KEY);
    Ok(())
}
