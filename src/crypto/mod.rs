//! Encryption at rest for the optional lock. Standard primitives only, from
//! RustCrypto: AES-256-GCM for every value, Argon2id to turn a passphrase into
//! the key that wraps the data key. Nothing here touches the browser or keeps a
//! secret longer than its owner: keys are zeroed when dropped, and neither a
//! passphrase nor a key is ever printed (no `Debug` on them).
//!
//! Randomness (salts, nonces, the data key) is passed in by the caller, so this
//! is plain, deterministic Rust under test. In the browser it comes from
//! `crypto.getRandomValues`, and this module is reached only from lazily loaded
//! pages (the unlock screen and Your data, through `lock::ops`), so none of it
//! is in the first load.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

pub mod known_answers;
#[cfg(test)]
mod tests;

pub const KEY_LEN: usize = 32;
pub const NONCE_LEN: usize = 12;
pub const SALT_LEN: usize = 16;

/// Fills a buffer with cryptographically secure random bytes.
pub type Random<'a> = &'a mut dyn FnMut(&mut [u8]);

/// How a passphrase becomes a key, stored beside what it protects so the
/// parameters can be raised later without breaking older data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kdf {
    /// Only "argon2id" so far.
    pub name: String,
    /// Memory in KiB.
    pub m: u32,
    /// Passes.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl Kdf {
    /// OWASP's minimum for Argon2id: 19 MiB, two passes, one lane.
    pub fn recommended() -> Self {
        Kdf { name: "argon2id".into(), m: 19 * 1024, t: 2, p: 1 }
    }

    /// The 256-bit key for `passphrase` and `salt`.
    pub fn derive(&self, passphrase: &str, salt: &[u8]) -> Result<Zeroizing<[u8; KEY_LEN]>, CryptoError> {
        if self.name != "argon2id" {
            return Err(CryptoError::UnknownKdf);
        }
        let params = argon2::Params::new(self.m, self.t, self.p, Some(KEY_LEN)).map_err(|_| CryptoError::UnknownKdf)?;
        let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut out = Zeroizing::new([0u8; KEY_LEN]);
        argon.hash_password_into(passphrase.as_bytes(), salt, out.as_mut()).map_err(|_| CryptoError::UnknownKdf)?;
        Ok(out)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// The passphrase is not the one the data was locked with (or the wrapped key
    /// was altered: the two cannot be told apart, by design).
    WrongPassphrase,
    /// A sealed value failed to authenticate: damaged, altered, or moved from
    /// another key.
    Damaged,
    /// Written by a newer build, with a key derivation this one does not know.
    UnknownKdf,
}

/// AES-256-GCM with a fresh random 96-bit nonce per message; the associated
/// data binds a message to its place (a storage key), so a copy moved to
/// another place fails to open.
pub struct SecretKey(Zeroizing<[u8; KEY_LEN]>);

impl SecretKey {
    pub fn from_bytes(bytes: Zeroizing<[u8; KEY_LEN]>) -> Self {
        SecretKey(bytes)
    }

    pub fn random(random: Random) -> Self {
        let mut bytes = Zeroizing::new([0u8; KEY_LEN]);
        random(bytes.as_mut());
        SecretKey(bytes)
    }

    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(self.0.as_ref()))
    }

    /// `nonce || ciphertext || tag`.
    pub fn seal(&self, aad: &[u8], plain: &[u8], nonce: [u8; NONCE_LEN]) -> Vec<u8> {
        let sealed = self.cipher().encrypt(Nonce::from_slice(&nonce), Payload { msg: plain, aad }).expect("AES-GCM seals any length we store");
        let mut out = Vec::with_capacity(NONCE_LEN + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    pub fn open(&self, aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
        if sealed.len() < NONCE_LEN + 16 {
            return Err(CryptoError::Damaged);
        }
        let (nonce, body) = sealed.split_at(NONCE_LEN);
        self.cipher().decrypt(Nonce::from_slice(nonce), Payload { msg: body, aad }).map_err(|_| CryptoError::Damaged)
    }

    fn bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }
}

/// How a sealed value starts in storage. Plain values are JSON and start with
/// `{`, so the two can never be confused.
pub const SEALED_PREFIX: &str = "sealed:1:";

pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(SEALED_PREFIX)
}

/// The data key: encrypts every value that holds the person's words.
pub struct DataKey(SecretKey);

impl DataKey {
    pub fn random(random: Random) -> Self {
        DataKey(SecretKey::random(random))
    }

    /// A value as stored under `place`: `sealed:1:` and base64 of nonce,
    /// ciphertext and tag.
    pub fn seal_text(&self, place: &str, plain: &str, random: Random) -> String {
        let mut nonce = [0u8; NONCE_LEN];
        random(&mut nonce);
        format!("{SEALED_PREFIX}{}", B64.encode(self.0.seal(place.as_bytes(), plain.as_bytes(), nonce)))
    }

    /// The plain text of a value stored under `place`.
    pub fn open_text(&self, place: &str, stored: &str) -> Result<String, CryptoError> {
        let body = stored.strip_prefix(SEALED_PREFIX).ok_or(CryptoError::Damaged)?;
        let bytes = B64.decode(body).map_err(|_| CryptoError::Damaged)?;
        let plain = self.0.open(place.as_bytes(), &bytes)?;
        String::from_utf8(plain).map_err(|_| CryptoError::Damaged)
    }
}

/// What the lock stores: how to derive the wrapping key from the passphrase, and
/// the data key wrapped by it. Changing the passphrase rewraps the data key only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockRecord {
    pub v: u32,
    pub kdf: Kdf,
    /// Base64.
    pub salt: String,
    /// Base64 of nonce, wrapped data key and tag.
    pub key: String,
}

/// The associated data of the wrapped data key.
const WRAP_AAD: &[u8] = b"leaning-in.lock/data-key";

impl LockRecord {
    /// Wraps `data_key` with a key derived from `passphrase` and a fresh salt.
    pub fn wrap(data_key: &DataKey, passphrase: &str, kdf: Kdf, random: Random) -> Result<Self, CryptoError> {
        let mut salt = [0u8; SALT_LEN];
        random(&mut salt);
        let mut nonce = [0u8; NONCE_LEN];
        random(&mut nonce);
        let wrapping = SecretKey::from_bytes(kdf.derive(passphrase, &salt)?);
        let wrapped = wrapping.seal(WRAP_AAD, data_key.0.bytes(), nonce);
        Ok(LockRecord { v: 1, kdf, salt: B64.encode(salt), key: B64.encode(wrapped) })
    }

    /// The data key, if `passphrase` is the right one.
    pub fn unwrap(&self, passphrase: &str) -> Result<DataKey, CryptoError> {
        if self.v != 1 {
            return Err(CryptoError::UnknownKdf);
        }
        let salt = B64.decode(&self.salt).map_err(|_| CryptoError::WrongPassphrase)?;
        let wrapped = B64.decode(&self.key).map_err(|_| CryptoError::WrongPassphrase)?;
        let wrapping = SecretKey::from_bytes(self.kdf.derive(passphrase, &salt)?);
        let bytes = Zeroizing::new(wrapping.open(WRAP_AAD, &wrapped).map_err(|_| CryptoError::WrongPassphrase)?);
        let key: [u8; KEY_LEN] = bytes.as_slice().try_into().map_err(|_| CryptoError::WrongPassphrase)?;
        Ok(DataKey(SecretKey::from_bytes(Zeroizing::new(key))))
    }
}

/// An encrypted backup (backup format version 2): the backup of format 1,
/// sealed with the data key, beside the lock record that wraps that key. The
/// file opens with the passphrase the lock had when it was made, on any device.
///
/// ```json
/// { "format": "leaning-in-backup", "version": 2, "exported_at": 1763900000000,
///   "lock": { "v": 1, "kdf": { "name": "argon2id", "m": 19456, "t": 2, "p": 1 },
///             "salt": "…", "key": "…" },
///   "data": "sealed:1:…" }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptedBackup {
    pub format: String,
    pub version: u32,
    pub exported_at: i64,
    pub lock: LockRecord,
    pub data: String,
}

/// The associated data of a backup's contents.
pub const BACKUP_PLACE: &str = "leaning-in-backup/2";

impl EncryptedBackup {
    /// `sealed` is the plain backup sealed at `BACKUP_PLACE` with the data key
    /// that `lock` wraps.
    pub fn new(lock: LockRecord, sealed: String, exported_at: i64) -> Self {
        EncryptedBackup { format: "leaning-in-backup".into(), version: 2, exported_at, lock, data: sealed }
    }

    /// Reads an encrypted backup file; `None` when the text is not one.
    pub fn parse(text: &str) -> Option<Self> {
        serde_json::from_str::<Self>(text).ok().filter(|b| b.format == "leaning-in-backup" && b.version == 2)
    }

    /// The plain backup inside, if `passphrase` is the one it was made with.
    pub fn open(&self, passphrase: &str) -> Result<String, CryptoError> {
        self.lock.unwrap(passphrase)?.open_text(BACKUP_PLACE, &self.data)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an encrypted backup serialises")
    }
}

/// An honest hint about a passphrase's strength, from its length and variety.
/// Long phrases of ordinary words score well; it is a hint, not a promise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    TooShort,
    Weak,
    Fair,
    Strong,
}

pub const MIN_PASSPHRASE_CHARS: usize = 8;

pub fn strength(passphrase: &str) -> Strength {
    let chars = passphrase.chars().count();
    if chars < MIN_PASSPHRASE_CHARS {
        return Strength::TooShort;
    }
    let words = passphrase.split_whitespace().filter(|w| w.chars().count() >= 3).count();
    let classes = [
        passphrase.chars().any(|c| c.is_lowercase()),
        passphrase.chars().any(|c| c.is_uppercase()),
        passphrase.chars().any(|c| c.is_numeric()),
        passphrase.chars().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|b| **b)
    .count();
    let mut distinct: Vec<char> = passphrase.to_lowercase().chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 5 {
        Strength::Weak
    } else if (words >= 4 && chars >= 20) || (chars >= 16 && classes >= 3) {
        Strength::Strong
    } else if words >= 3 || chars >= 12 {
        Strength::Fair
    } else {
        Strength::Weak
    }
}
