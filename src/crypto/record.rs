//! The lock record (how the passphrase opens the data key) and the keys a page
//! holds once it is open.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::{CryptoError, DataKey, Kdf, Random, SecretKey, WrappingKey, KEY_LEN, NONCE_LEN, SALT_LEN};

/// What the lock stores: how to derive the wrapping key from the passphrase, and
/// the data key wrapped by it.
///
/// While a new passphrase is being put in place, the record also holds the
/// previous data key (`prev`), wrapped by the same passphrase: values not yet
/// sealed again still open with it, so a rotation interrupted at any point
/// loses nothing and goes on at the next unlock. Older builds ignore the field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockRecord {
    pub v: u32,
    pub kdf: Kdf,
    /// Base64.
    pub salt: String,
    /// Base64 of nonce, wrapped data key and tag.
    pub key: String,
    /// Base64 of nonce, wrapped previous data key and tag, during a rotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<String>,
}

/// A fresh salt for a new wrapping key.
pub fn new_salt(random: Random) -> [u8; SALT_LEN] {
    let mut salt = [0u8; SALT_LEN];
    random(&mut salt);
    salt
}

/// The associated data of the wrapped data key, and of the previous one.
const WRAP_AAD: &[u8] = b"leaning-in.lock/data-key";
const PREV_AAD: &[u8] = b"leaning-in.lock/previous-data-key";

impl LockRecord {
    /// Wraps `data_key` with a key derived from `passphrase` and a fresh salt.
    pub fn wrap(data_key: &DataKey, passphrase: &str, kdf: Kdf, random: Random) -> Result<Self, CryptoError> {
        LockRecord::wrap_rotating(data_key, None, passphrase, kdf, random)
    }

    /// Wraps `data_key`, and the key it replaces, under one new passphrase.
    pub fn wrap_rotating(data_key: &DataKey, previous: Option<&DataKey>, passphrase: &str, kdf: Kdf, random: Random) -> Result<Self, CryptoError> {
        let salt = new_salt(random);
        let wrapping = kdf.derive(passphrase, &salt)?;
        Ok(LockRecord::wrap_with(data_key, previous, &wrapping, kdf, &salt, random))
    }

    /// Wraps `data_key` (and the key it replaces) with a wrapping key already
    /// derived under `kdf` and `salt` (in the browser, by the KDF's worker).
    pub fn wrap_with(data_key: &DataKey, previous: Option<&DataKey>, wrapping: &WrappingKey, kdf: Kdf, salt: &[u8], random: Random) -> Self {
        let wrapping = SecretKey::from_bytes(wrapping.clone());
        let mut wrap = |key: &DataKey, aad: &[u8]| {
            let mut nonce = [0u8; NONCE_LEN];
            random(&mut nonce);
            B64.encode(wrapping.seal(aad, key.0.bytes(), nonce))
        };
        let key = wrap(data_key, WRAP_AAD);
        let prev = previous.map(|p| wrap(p, PREV_AAD));
        LockRecord { v: 1, kdf, salt: B64.encode(salt), key, prev }
    }

    /// The data key, if `passphrase` is the right one.
    pub fn unwrap(&self, passphrase: &str) -> Result<DataKey, CryptoError> {
        self.open(passphrase).map(|ring| ring.current)
    }

    /// The data key and, during a rotation, the previous one.
    pub fn open(&self, passphrase: &str) -> Result<KeyRing, CryptoError> {
        let wrapping = self.kdf.derive(passphrase, &self.salt()?)?;
        self.open_with(&wrapping)
    }

    /// The salt, once the record is known to be one this build reads and its
    /// KDF settings are within the caps: check this before deriving anything.
    pub fn salt(&self) -> Result<Vec<u8>, CryptoError> {
        if self.v != 1 {
            return Err(CryptoError::UnknownKdf);
        }
        self.kdf.check()?;
        B64.decode(&self.salt).map_err(|_| CryptoError::WrongPassphrase)
    }

    /// `open` with the wrapping key already derived from the passphrase.
    pub fn open_with(&self, wrapping: &WrappingKey) -> Result<KeyRing, CryptoError> {
        let wrapping = SecretKey::from_bytes(wrapping.clone());
        let current = unwrap_key(&wrapping, &self.key, WRAP_AAD)?;
        let previous = match &self.prev {
            Some(prev) => Some(unwrap_key(&wrapping, prev, PREV_AAD)?),
            None => None,
        };
        Ok(KeyRing { current, previous })
    }

    /// The same record once a rotation is finished: the previous key is dropped.
    pub fn without_previous(&self) -> LockRecord {
        LockRecord { prev: None, ..self.clone() }
    }
}

fn unwrap_key(wrapping: &SecretKey, wrapped: &str, aad: &[u8]) -> Result<DataKey, CryptoError> {
    let wrapped = B64.decode(wrapped).map_err(|_| CryptoError::WrongPassphrase)?;
    let bytes = Zeroizing::new(wrapping.open(aad, &wrapped).map_err(|_| CryptoError::WrongPassphrase)?);
    let key: [u8; KEY_LEN] = bytes.as_slice().try_into().map_err(|_| CryptoError::WrongPassphrase)?;
    Ok(DataKey(SecretKey::from_bytes(Zeroizing::new(key))))
}

/// The keys an open lock holds: new values are sealed with `current`; a value
/// not yet sealed again after a new passphrase still opens with `previous`.
#[derive(Clone)]
pub struct KeyRing {
    pub current: DataKey,
    pub previous: Option<DataKey>,
}

impl KeyRing {
    pub fn only(current: DataKey) -> Self {
        KeyRing { current, previous: None }
    }

    pub fn seal_text(&self, place: &str, plain: &str, random: Random) -> String {
        self.current.seal_text(place, plain, random)
    }

    pub fn open_text(&self, place: &str, stored: &str) -> Result<String, CryptoError> {
        self.current.open_text(place, stored).or_else(|err| match &self.previous {
            Some(previous) => previous.open_text(place, stored),
            None => Err(err),
        })
    }

    /// Whether a stored value is sealed with the current key already.
    pub fn is_current(&self, place: &str, stored: &str) -> bool {
        self.current.open_text(place, stored).is_ok()
    }
}
