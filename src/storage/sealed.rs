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

use crate::crypto::{is_sealed, CryptoError, DataKey, LockRecord};

use super::{Kv, SaveError, DRAFT_PREFIX, QUARANTINE_PREFIX, RECORD_PREFIX};

/// Where the lock keeps its KDF parameters, salt and wrapped data key. Its
/// presence means "the lock is on".
pub const LOCK_KEY: &str = "leaning-in.lock";

/// Whether a key's value can hold anything the person wrote.
pub fn holds_words(key: &str) -> bool {
    [RECORD_PREFIX, DRAFT_PREFIX, QUARANTINE_PREFIX].iter().any(|p| key.starts_with(p))
}

/// Seals and opens values for their place (storage key).
pub trait ValueCipher {
    fn seal(&self, place: &str, plain: &str) -> String;
    fn open(&self, place: &str, stored: &str) -> Result<String, CryptoError>;
}

/// The data key with its source of fresh nonces.
pub struct KeyCipher {
    key: DataKey,
    random: RefCell<Box<dyn FnMut(&mut [u8])>>,
}

impl KeyCipher {
    pub fn new(key: DataKey, random: Box<dyn FnMut(&mut [u8])>) -> Self {
        KeyCipher { key, random: RefCell::new(random) }
    }
}

impl ValueCipher for KeyCipher {
    fn seal(&self, place: &str, plain: &str) -> String {
        self.key.seal_text(place, plain, &mut *self.random.borrow_mut())
    }
    fn open(&self, place: &str, stored: &str) -> Result<String, CryptoError> {
        self.key.open_text(place, stored)
    }
}

/// A `Kv` whose values that hold words are sealed while a key is present.
pub struct Sealed<K: Kv> {
    pub inner: K,
    pub cipher: Option<Rc<dyn ValueCipher>>,
}

impl<K: Kv> Sealed<K> {
    pub fn plain(inner: K) -> Self {
        Sealed { inner, cipher: None }
    }
    pub fn with(inner: K, cipher: Rc<dyn ValueCipher>) -> Self {
        Sealed { inner, cipher: Some(cipher) }
    }
    pub fn lock_is_on(&self) -> bool {
        self.inner.get(LOCK_KEY).is_some()
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

    /// Words are sealed only while the lock record is there: a key held after
    /// the lock went (turned off, or everything deleted, perhaps in another
    /// tab) must never seal a value nobody could open again. And without the
    /// key, words are never written into a locked store: a tab opened before
    /// the lock was turned on elsewhere cannot add plain text.
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        if !holds_words(key) || is_sealed(value) {
            return self.inner.set(key, value);
        }
        match (&self.cipher, self.lock_is_on()) {
            (Some(cipher), true) => self.inner.set(key, &cipher.seal(key, value)),
            (None, true) => Err(SaveError::Locked),
            (_, false) => self.inner.set(key, value),
        }
    }

    fn remove(&self, key: &str) {
        self.inner.remove(key)
    }
}

/// The lock record, if the lock is on (and the record readable).
pub fn read_lock(kv: &impl Kv) -> Option<LockRecord> {
    kv.get(LOCK_KEY).and_then(|raw| serde_json::from_str(&raw).ok())
}

/// Turns the lock on: stores the wrapped data key first (so every value sealed
/// from then on can be opened), then seals the values one by one. `progress`
/// hears (done, total). On a failed write (storage full) the values sealed so
/// far stay sealed, the rest stay plain and readable, and the next unlock goes on.
pub fn turn_on(
    kv: &impl Kv,
    lock: &LockRecord,
    key: &DataKey,
    random: &mut dyn FnMut(&mut [u8]),
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), SaveError> {
    store_lock(kv, lock)?;
    let all = places(kv);
    for (done, place) in all.iter().enumerate() {
        seal_places(kv, key, random, std::slice::from_ref(place))?;
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

/// Seals any value still plain: finishes a conversion that was interrupted.
pub fn finish_conversion(kv: &impl Kv, key: &DataKey, random: &mut dyn FnMut(&mut [u8])) -> Result<usize, SaveError> {
    seal_places(kv, key, random, &places(kv))
}

/// Turns the lock off: every value back to plain, then the lock record goes.
/// A value that cannot be opened (damaged) is kept aside as it is, so turning
/// off never fails on it and never loses it. Interrupted, the lock stays on and
/// the values opened so far stay plain, readable with or without the key.
pub fn turn_off(kv: &impl Kv, key: &DataKey, progress: &mut dyn FnMut(usize, usize), now_ms: i64) -> Result<(), SaveError> {
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
