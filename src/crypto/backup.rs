//! Encrypted backup files.

use serde::{Deserialize, Serialize};

use super::{new_salt, CryptoError, DataKey, Kdf, LockRecord, Random, WrappingKey};

/// An encrypted backup: the plain backup (format 1), sealed, beside a record
/// saying how its passphrase opens the key it was sealed with.
///
/// - **Version 3** (made from now on): a key of the backup's own, wrapped by a
///   key derived from the passphrase with a fresh salt. It never carries the
///   device's data key, so an old backup and an old passphrase open that
///   backup, and nothing newer.
/// - **Version 2** (still read): sealed with the device's data key, beside the
///   device's lock record at the time.
///
/// ```json
/// { "format": "leaning-in-backup", "version": 3, "exported_at": 1763900000000,
///   "lock": { "v": 1, "kdf": { "name": "argon2id", "m": 19456, "t": 2, "p": 1 },
///             "salt": "…", "key": "…" },
///   "data": "sealed:1:…" }
/// ```
///
/// The contents are sealed with AES-256-GCM with the place
/// `leaning-in-backup/3` (or `/2`) as associated data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptedBackup {
    pub format: String,
    pub version: u32,
    pub exported_at: i64,
    pub lock: LockRecord,
    pub data: String,
}

/// The associated data of a backup's contents, by version.
pub const BACKUP_PLACE_V2: &str = "leaning-in-backup/2";
pub const BACKUP_PLACE_V3: &str = "leaning-in-backup/3";

impl EncryptedBackup {
    /// Seals `plain` (a plain backup) under a fresh key of its own, which a key
    /// derived from `passphrase` and a fresh salt wraps.
    pub fn seal(plain: &str, passphrase: &str, kdf: Kdf, exported_at: i64, random: Random) -> Result<Self, CryptoError> {
        let salt = new_salt(random);
        let wrapping = kdf.derive(passphrase, &salt)?;
        Ok(EncryptedBackup::seal_with(plain, &wrapping, kdf, &salt, exported_at, random))
    }

    /// `seal` with the wrapping key already derived from the passphrase and `salt`.
    pub fn seal_with(plain: &str, wrapping: &WrappingKey, kdf: Kdf, salt: &[u8], exported_at: i64, random: Random) -> Self {
        let key = DataKey::random(random);
        let lock = LockRecord::wrap_with(&key, None, wrapping, kdf, salt, random);
        let data = key.seal_text(BACKUP_PLACE_V3, plain, random);
        EncryptedBackup { format: "leaning-in-backup".into(), version: 3, exported_at, lock, data }
    }

    /// Reads an encrypted backup file; `None` when the text is not one.
    pub fn parse(text: &str) -> Option<Self> {
        serde_json::from_str::<Self>(text).ok().filter(|b| b.format == "leaning-in-backup" && matches!(b.version, 2 | 3))
    }

    /// The plain backup inside, if `passphrase` is the one it was made with.
    pub fn open(&self, passphrase: &str) -> Result<String, CryptoError> {
        self.key(passphrase)?.open_text(self.place(), &self.data)
    }

    /// The key the contents are sealed with.
    pub fn key(&self, passphrase: &str) -> Result<DataKey, CryptoError> {
        self.lock.unwrap(passphrase)
    }

    /// The plain backup inside, with the wrapping key derived from the passphrase.
    pub fn open_with(&self, wrapping: &WrappingKey) -> Result<String, CryptoError> {
        self.lock.open_with(wrapping)?.current.open_text(self.place(), &self.data)
    }

    /// Whether this backup carries a device's data key (version 2), which can
    /// put a missing lock record back.
    pub fn carries_device_key(&self) -> bool {
        self.version == 2
    }

    fn place(&self) -> &'static str {
        match self.version {
            2 => BACKUP_PLACE_V2,
            _ => BACKUP_PLACE_V3,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an encrypted backup serialises")
    }
}
