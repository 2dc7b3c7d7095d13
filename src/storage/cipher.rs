//! How the lock stores a value (schema 3): under a name that is a keyed hash of
//! its own name, as `^` and then, one byte per character (`packed`), the nonce,
//! ciphertext and tag of AES-256-GCM over its own name and its compressed JSON,
//! padded to a bucket, with the hashed name as associated data. So storage
//! shows how many values there are and their padded sizes, and nothing else.
//!
//! A value sealed by schema 2 (`sealed:1:`, under its own name) still opens.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::packed::{bytes_to_text, compress, decompress, is_packed, pack, packed_from, text_to_bytes, PACKED};
use super::sealed::holds_words;
use super::{Kv, SaveError, Stored, PREFIX};
use crate::crypto::{is_sealed, CryptoError, DataKey, KeyRing, LockRecord, NameKey, SEALED_3, SEALED_PREFIX};

/// Where sealed values are stored: this, then the keyed hash of the value's name.
pub const HIDDEN_PREFIX: &str = "leaning-in.x.";

/// Whether a storage name is a keyed hash.
pub fn is_hidden(key: &str) -> bool {
    key.starts_with(HIDDEN_PREFIX)
}

/// A stored value, opened.
pub struct Opened {
    /// The value's own name (`leaning-in.rec.journal.<id>`…).
    pub name: String,
    body: Body,
    /// Stored as this build stores it with the current key (not under a
    /// previous key, nor in schema 2's form).
    pub current: bool,
}

enum Body {
    Deflated(Vec<u8>),
    /// Sealed by schema 2, which did not compress.
    Json(String),
}

impl Opened {
    /// The value as it is stored with the lock off (packed).
    pub fn packed(&self) -> String {
        match &self.body {
            Body::Deflated(bytes) => packed_from(bytes),
            Body::Json(json) => pack(json),
        }
    }

    /// The value as the store reads it: its JSON, inflated straight from the
    /// opened bytes (this runs for every value at unlock). One that does not
    /// inflate comes back packed, for the store to find damaged and keep aside.
    pub fn readable(self) -> String {
        match self.body {
            Body::Deflated(bytes) => decompress(&bytes).and_then(|json| String::from_utf8(json).ok()).unwrap_or_else(|| packed_from(&bytes)),
            Body::Json(json) => json,
        }
    }
}

/// Seals values and names, and opens them.
pub trait ValueCipher {
    /// Whether this is the key `wrapped_key` wraps: a key held after the
    /// record changed (another tab turned the lock on anew) must never seal again.
    fn belongs_to(&self, wrapped_key: &str) -> bool;
    /// Where `name`'s value is stored under the current key and, while a new
    /// passphrase is being put in place, under the previous one.
    fn hidden(&self, name: &str) -> (String, Option<String>);
    /// `value` (packed JSON, or anything else, which is compressed as it is)
    /// sealed for the place `hidden(name).0`.
    fn seal(&self, name: &str, value: &str) -> String;
    /// A value stored at `at`: hidden, or sealed in place by schema 2.
    fn open(&self, at: &str, stored: &str) -> Result<Opened, CryptoError>;
    /// The name a hidden place stands for, if it was opened before.
    fn known(&self, at: &str) -> Option<String>;

    // How `Sealed` reads and writes through this key. Provided here, so the
    // code is built for each cipher where it is made (the lock's chunk).

    /// The name a hidden place stands for, opened if need be.
    fn name_of(&self, inner: &dyn Kv, at: &str, stored: Option<&str>) -> Option<String> {
        if let Some(name) = self.known(at) {
            return Some(name);
        }
        let raw = stored.map(str::to_string).or_else(|| inner.get(at))?;
        self.open(at, &raw).ok().map(|opened| opened.name)
    }

    /// Each value by its own name, once.
    fn keys(&self, inner: &dyn Kv) -> Vec<String> {
        let mut names: Vec<String> = inner
            .keys()
            .into_iter()
            .map(|at| match is_hidden(&at) {
                true => self.name_of(inner, &at, None).unwrap_or(at),
                false => at,
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// `name`'s value in its newest form: under the current key, the previous
    /// one, or in place (plain, or sealed by schema 2). One that fails to open
    /// comes back as stored.
    fn get(&self, inner: &dyn Kv, name: &str) -> Option<String> {
        if holds_words(name) && !is_hidden(name) {
            let (current, previous) = self.hidden(name);
            for at in std::iter::once(current).chain(previous) {
                if let Some(raw) = inner.get(&at) {
                    return Some(self.open(&at, &raw).map(Opened::readable).unwrap_or(raw));
                }
            }
        }
        let raw = inner.get(name)?;
        match holds_words(name) && is_sealed(&raw) {
            true => Some(self.open(name, &raw).map(Opened::readable).unwrap_or(raw)),
            false => Some(raw),
        }
    }

    /// Every value by its own name, opened once. How good a form each is in
    /// ranks copies (0: plain beside the lock; 1: an older sealed form; 2: as
    /// this build stores it, or a value nothing here opens, which stays as found).
    fn entries(&self, inner: &dyn Kv) -> Vec<Stored> {
        let mut found: Vec<(Stored, u8)> = Vec::new();
        for at in inner.keys() {
            let Some(raw) = inner.get(&at) else { continue };
            let (key, rank, value) = match holds_words(&at) && (is_hidden(&at) || is_sealed(&raw)) {
                true => match self.open(&at, &raw) {
                    Ok(opened) => (opened.name.clone(), if opened.current { 2 } else { 1 }, opened.readable()),
                    Err(_) => (at, 2, raw),
                },
                false => (at.clone(), if holds_words(&at) { 0 } else { 2 }, raw),
            };
            found.push((Stored { key, value, settled: rank == 2 }, rank));
        }
        // The best form of each first; a second copy (a conversion cut short)
        // is dropped, and its name settled again, which removes the other copy.
        found.sort_unstable_by(|(a, ra), (b, rb)| a.key.cmp(&b.key).then(rb.cmp(ra)));
        let mut unique: Vec<Stored> = Vec::with_capacity(found.len());
        for (stored, _) in found {
            match unique.last_mut() {
                Some(last) if last.key == stored.key => last.settled = false,
                _ => unique.push(stored),
            }
        }
        unique
    }

    /// Seals `value` to `name`'s hidden place, and only then removes its older forms.
    fn write(&self, inner: &dyn Kv, name: &str, value: &str) -> Result<(), SaveError> {
        let (at, previous) = self.hidden(name);
        inner.set(&at, &self.seal(name, value))?;
        for old in previous.into_iter().chain([name.to_string()]) {
            if inner.get(&old).is_some() {
                inner.remove(&old);
            }
        }
        Ok(())
    }

    /// `name` in every form it may be stored in.
    fn remove(&self, inner: &dyn Kv, name: &str) {
        if holds_words(name) && !is_hidden(name) {
            let (current, previous) = self.hidden(name);
            for at in std::iter::once(current).chain(previous) {
                inner.remove(&at);
            }
        }
        inner.remove(name)
    }
}

/// The data key (and during a new passphrase the previous one), the keys names
/// are made with, fresh nonces, and the wrapped key of the lock record it came from.
#[derive(Clone)]
pub struct KeyCipher {
    keys: KeyRing,
    names: Rc<NameKey>,
    previous_names: Option<Rc<NameKey>>,
    wrapped: String,
    random: Rc<RefCell<Box<dyn FnMut(&mut [u8])>>>,
    known: Rc<RefCell<BTreeMap<String, String>>>,
}

impl KeyCipher {
    pub fn new(keys: KeyRing, record: &LockRecord, random: Box<dyn FnMut(&mut [u8])>) -> Self {
        KeyCipher {
            names: Rc::new(keys.current.name_key()),
            previous_names: keys.previous.as_ref().map(|k| Rc::new(k.name_key())),
            keys,
            wrapped: record.key.clone(),
            random: Rc::new(RefCell::new(random)),
            known: Rc::default(),
        }
    }

    /// The same keys, held for `record` (the same keys wrapped anew).
    pub fn for_record(&self, record: &LockRecord) -> Self {
        KeyCipher { wrapped: record.key.clone(), ..self.clone() }
    }

    pub fn keys(&self) -> &KeyRing {
        &self.keys
    }

    fn open_hidden(&self, at: &str, stored: &str) -> Result<Opened, CryptoError> {
        let bytes = stored.strip_prefix(SEALED_3).and_then(text_to_bytes).ok_or(CryptoError::Damaged)?;
        let (plain, current) = match self.keys.current.open_padded(at, &bytes) {
            Ok(plain) => (plain, true),
            Err(err) => match &self.keys.previous {
                Some(previous) => (previous.open_padded(at, &bytes)?, false),
                None => return Err(err),
            },
        };
        let (name, body) = split_name(&plain).ok_or(CryptoError::Damaged)?;
        self.known.borrow_mut().insert(at.to_string(), name.clone());
        Ok(Opened { name, body: Body::Deflated(body.to_vec()), current })
    }
}

/// The sealed plain text: the name's length (two bytes), the name (less the
/// prefix every name shares), the deflated JSON.
fn join_name(name: &str, deflated: &[u8]) -> Vec<u8> {
    let name = name.strip_prefix(PREFIX).unwrap_or(name).as_bytes();
    let len = u16::try_from(name.len()).expect("names are short");
    [&len.to_be_bytes()[..], name, deflated].concat()
}

fn split_name(plain: &[u8]) -> Option<(String, &[u8])> {
    let len = u16::from_be_bytes(plain.get(..2)?.try_into().ok()?) as usize;
    let name = std::str::from_utf8(plain.get(2..2 + len)?).ok()?;
    Some((format!("{PREFIX}{name}"), &plain[2 + len..]))
}

fn hidden_with(names: &NameKey, name: &str) -> String {
    format!("{HIDDEN_PREFIX}{}", names.name(name))
}

impl ValueCipher for KeyCipher {
    fn belongs_to(&self, wrapped_key: &str) -> bool {
        wrapped_key == self.wrapped
    }

    fn hidden(&self, name: &str) -> (String, Option<String>) {
        (hidden_with(&self.names, name), self.previous_names.as_deref().map(|n| hidden_with(n, name)))
    }

    fn seal(&self, name: &str, value: &str) -> String {
        let deflated = match value.strip_prefix(PACKED).and_then(text_to_bytes) {
            Some(bytes) if is_packed(value) => bytes,
            _ => compress(value.as_bytes()),
        };
        let at = self.hidden(name).0;
        let sealed = self.keys.current.seal_padded(&at, &join_name(name, &deflated), &mut *self.random.borrow_mut());
        self.known.borrow_mut().insert(at, name.to_string());
        let mut stored = String::from(SEALED_3);
        stored.push_str(&bytes_to_text(&sealed));
        stored
    }

    fn open(&self, at: &str, stored: &str) -> Result<Opened, CryptoError> {
        if is_hidden(at) {
            return self.open_hidden(at, stored);
        }
        if !stored.starts_with(SEALED_PREFIX) {
            return Err(CryptoError::Damaged);
        }
        let json = self.keys.open_text(at, stored)?;
        Ok(Opened { name: at.to_string(), body: Body::Json(json), current: false })
    }

    fn known(&self, at: &str) -> Option<String> {
        self.known.borrow().get(at).cloned()
    }
}

/// Whether `key` opens at least one value sealed in `stored` (true when nothing
/// is sealed): a backup's key tells whether it is this device's.
pub fn opens_any(stored: &[(String, String)], key: &DataKey) -> bool {
    let sealed: Vec<&(String, String)> = stored.iter().filter(|(_, raw)| is_sealed(raw)).collect();
    sealed.is_empty()
        || sealed.iter().any(|(at, raw)| match raw.strip_prefix(SEALED_3).and_then(text_to_bytes) {
            Some(bytes) => key.open_padded(at, &bytes).is_ok(),
            None => key.open_text(at, raw).is_ok(),
        })
}
