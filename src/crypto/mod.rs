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

mod backup;
pub mod known_answers;
mod record;
mod strength;
mod stored;
#[cfg(test)]
mod tests;

pub use backup::{EncryptedBackup, BACKUP_PLACE_V2, BACKUP_PLACE_V3};
pub use record::{new_salt, KeyRing, LockRecord};
pub use strength::{strength, Strength, MIN_PASSPHRASE_CHARS};
pub use stored::{pad, unpad, NameKey, BUCKET};

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

pub use leaning_in_kdf::{MAX_LANES as MAX_KDF_LANES, MAX_MEMORY_KIB as MAX_KDF_MEMORY_KIB, MAX_PASSES as MAX_KDF_PASSES};

/// The key a passphrase gives under a `Kdf` and a salt: it wraps the data key.
pub type WrappingKey = Zeroizing<[u8; KEY_LEN]>;

impl Kdf {
    /// What this build makes: Argon2id with 64 MiB, three passes, one lane
    /// (above OWASP's minimum of 19 MiB and two passes; affordable since the
    /// derivation runs in a worker: `make bench` prints the unlock time).
    /// Records made with other settings are wrapped again with these at the
    /// next unlock.
    pub fn recommended() -> Self {
        Kdf { name: "argon2id".into(), m: 64 * 1024, t: 3, p: 1 }
    }

    /// The settings this app made before the derivation moved to a worker:
    /// OWASP's minimum. Older records and backups carry them.
    pub fn first() -> Self {
        Kdf { name: "argon2id".into(), m: 19 * 1024, t: 2, p: 1 }
    }

    /// Whether these are settings this app makes: Argon2id within the caps
    /// (`leaning_in_kdf::check`), checked before anything runs.
    pub fn check(&self) -> Result<(), CryptoError> {
        if self.name != "argon2id" {
            return Err(CryptoError::UnknownKdf);
        }
        leaning_in_kdf::check(self.m, self.t, self.p).map_err(|_| CryptoError::OutOfRange)
    }

    /// The wrapping key for `passphrase` and `salt`, here and now. The browser
    /// runs the same function in a worker instead (`lock::kdf`); native tests
    /// and fixtures call this.
    pub fn derive(&self, passphrase: &str, salt: &[u8]) -> Result<WrappingKey, CryptoError> {
        self.check()?;
        leaning_in_kdf::derive(passphrase, salt, self.m, self.t, self.p).map_err(|_| CryptoError::OutOfRange)
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
    /// Key derivation settings outside what this app ever makes (`Kdf::check`):
    /// nothing was run.
    OutOfRange,
}

/// AES-256-GCM with a fresh random 96-bit nonce per message; the associated
/// data binds a message to its place (a storage key), so a copy moved to
/// another place fails to open.
#[derive(Clone)]
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

    pub(crate) fn bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }
}

/// How a value sealed by schema 2 starts in storage. Plain values are JSON and
/// start with `{` (schema 2) or are packed (`~`, schema 3), so the forms can
/// never be confused.
pub const SEALED_PREFIX: &str = "sealed:1:";

/// How a value sealed by schema 3 starts: then its bytes, one per character
/// (`storage::packed`), under a name that is a keyed hash.
pub const SEALED_3: char = '^';

/// Whether a stored value is sealed, in either schema's form.
pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(SEALED_PREFIX) || stored.starts_with(SEALED_3)
}

/// The data key: encrypts every value that holds the person's words.
#[derive(Clone)]
pub struct DataKey(pub(crate) SecretKey);

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

