//! Everything the lock does with keys. Only the unlock screen and Your data call
//! these, and both are lazily loaded pages, so the crypto code (AES-GCM,
//! Argon2id) is in a chunk the two share and never in the first load. (A split
//! point of its own inside a page chunk would leave an unresolved import in
//! builds that are not split, such as the browser tests.) Each operation runs on
//! localStorage directly (`LocalKv`), through `storage::sealed`, and hands the
//! data key to the store.

use std::rc::Rc;

use leptos::prelude::window;

use super::kdf::{self, KdfFailure};
use crate::i18n::{k::lock as l, t, Key};
use crate::crypto::{CryptoError, DataKey, EncryptedBackup, KeyRing, LockRecord, WrappingKey};
use crate::lock::session::hold_key;
use crate::storage::local::LocalKv;
use crate::storage::sealed::{self, KeyCipher, LockState, TurnOnError};
use crate::storage::SaveError;

/// How a lock operation can end without doing what was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockFailure {
    /// The passphrase does not open this device's data.
    WrongPassphrase,
    /// The lock was written by a newer version of the app.
    Newer,
    /// The lock record asks for key derivation settings this app never makes.
    OutOfRange,
    /// The key derivation could not run (its worker failed twice).
    Unavailable,
    /// Storage refused a write; what was done so far is safe.
    Store(SaveError),
    /// The lock is no longer on (turned off, or everything deleted, in another tab).
    Gone,
    /// The lock is already on (perhaps turned on in another tab meanwhile).
    AlreadyOn,
    /// The lock record on this device cannot be read.
    Damaged,
    /// The lock record is gone while encrypted values remain.
    Missing,
}

impl LockFailure {
    pub fn message(self) -> String {
        let text = match self {
            LockFailure::WrongPassphrase => t(l::PASSPHRASE_DOES_NOT_OPEN),
            LockFailure::Newer => t(l::LOCK_WAS_SET_UP),
            LockFailure::OutOfRange => t(l::DEVICE_S_LOCK_SETTINGS),
            LockFailure::Unavailable => t(l::SOMETHING_STOPPED_PASSPHRASE_FROM),
            LockFailure::Store(err) => return err.message(),
            LockFailure::Gone => t(l::LOCK_NO_LONGER_WAS),
            LockFailure::AlreadyOn => t(l::LOCK_ALREADY_WAS_TURNED),
            LockFailure::Damaged => t(l::DEVICE_S_LOCK_RECORD),
            LockFailure::Missing => t(l::DEVICE_S_LOCK_KEY),
        };
        text.to_string()
    }
}

/// The browser's cryptographic random numbers.
fn browser_random(buf: &mut [u8]) {
    let crypto = window().crypto().expect("the browser has crypto.getRandomValues");
    for part in buf.chunks_mut(65_536) {
        crypto.get_random_values_with_u8_array(part).expect("getRandomValues fills the buffer");
    }
}

/// Holds the key for this page, and from then on locks the page when it has
/// been out of sight, or untouched, for the chosen time. Here, in the lock's
/// chunk, rather than in the first load: it only matters once a key is held.
fn hold(cipher: KeyCipher) {
    hold_key(Some(Rc::new(cipher)));
    super::auto_lock::start();
}

/// `keys` for sealing and opening this device's values under `record`.
fn cipher_for(keys: KeyRing, record: &LockRecord) -> KeyCipher {
    KeyCipher::new(keys, record, Box::new(browser_random))
}


impl From<KdfFailure> for LockFailure {
    fn from(failure: KdfFailure) -> Self {
        match failure {
            KdfFailure::Crypto(err) => err.into(),
            KdfFailure::Unavailable => LockFailure::Unavailable,
        }
    }
}

impl From<CryptoError> for LockFailure {
    fn from(err: CryptoError) -> Self {
        match err {
            CryptoError::UnknownKdf => LockFailure::Newer,
            CryptoError::OutOfRange => LockFailure::OutOfRange,
            CryptoError::WrongPassphrase | CryptoError::Damaged => LockFailure::WrongPassphrase,
        }
    }
}

/// The keys the stored lock record wraps, with that record.
async fn data_key(passphrase: &str) -> Result<(KeyRing, LockRecord), LockFailure> {
    let lock = match crate::lock::session::state() {
        LockState::On(by) => by.record().ok_or(LockFailure::Damaged)?,
        LockState::Off => return Err(LockFailure::Gone),
        LockState::Damaged => return Err(LockFailure::Damaged),
        LockState::Missing { .. } => return Err(LockFailure::Missing),
    };
    let wrapping = kdf::for_record(&lock, passphrase).await?;
    Ok((lock.open_with(&wrapping)?, lock))
}

/// A new lock record for `passphrase` wrapping `key` (and the key it replaces).
async fn new_record(key: &DataKey, previous: Option<&DataKey>, passphrase: &str) -> Result<LockRecord, LockFailure> {
    let (wrapping, settings, salt): (WrappingKey, _, _) = kdf::fresh(passphrase, &mut browser_random).await?;
    Ok(LockRecord::wrap_with(key, previous, &wrapping, settings, &salt, &mut browser_random))
}

/// Opens the data with `passphrase`: this page then holds the key.
pub async fn unlock(passphrase: &str) -> Result<(), LockFailure> {
    let (keys, lock) = data_key(passphrase).await?;
    let cipher = cipher_for(keys, &lock);
    // An interrupted "turn on" or new passphrase goes on now; if storage is
    // still full it waits for the next unlock, and every value stays readable
    // meanwhile.
    let _ = sealed::finish_conversion(&LocalKv, &lock, Rc::new(cipher.clone()));
    // The record as it is now (finishing may have dropped a previous key).
    let lock = sealed::read_lock(&LocalKv).filter(|now| now.key == lock.key).unwrap_or(lock);
    let lock = stronger(lock, cipher.keys(), passphrase).await;
    hold(cipher.for_record(&lock));
    Ok(())
}

/// A record made with older key derivation settings is wrapped again with
/// today's, the keys unchanged (compare-and-set, so a record changed in another
/// tab meanwhile stays). Whatever happens, the record to hold comes back.
async fn stronger(lock: LockRecord, keys: &KeyRing, passphrase: &str) -> LockRecord {
    if lock.kdf == crate::crypto::Kdf::recommended() {
        return lock;
    }
    let previous = keys.previous.as_ref().filter(|_| lock.prev.is_some());
    let Ok(upgraded) = new_record(&keys.current, previous, passphrase).await else { return lock };
    match sealed::replace_record(&LocalKv, &lock, &upgraded) {
        Ok(()) => upgraded,
        Err(_) => lock,
    }
}

/// What an encrypted backup brought back to a device whose lock record is
/// missing or damaged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Restored {
    /// The backup held this device's key (format 2): everything opens again.
    Key,
    /// A new lock with the backup's passphrase, and this many records from the
    /// backup; what the lost key sealed is kept aside.
    FromBackup(usize),
}

/// Puts this device's lock back from an encrypted backup when its record is
/// missing or damaged. A backup made here before backups had keys of their own
/// puts the key back; any other starts again from the backup's contents, under
/// a new lock with its passphrase. From then on that passphrase opens the app.
pub async fn restore_lock(text: &str, passphrase: &str, now_ms: i64) -> Result<Restored, String> {
    if !matches!(crate::lock::session::state(), LockState::Missing { .. } | LockState::Damaged) {
        return Err(LockFailure::Gone.message());
    }
    let backup = EncryptedBackup::parse(text).ok_or(t(NOT_A_BACKUP).to_string())?;
    let wrapping = kdf::for_record(&backup.lock, passphrase).await.map_err(backup_failure)?;
    let key = backup.lock.open_with(&wrapping).map_err(|err| backup_error(err).to_string())?.current;
    if backup.carries_device_key() && sealed::opens_sealed(&LocalKv, &key) {
        sealed::restore_lock(&LocalKv, &backup.lock).map_err(|err| err.message())?;
        let cipher = cipher_for(KeyRing::only(key), &backup.lock);
        let _ = sealed::finish_conversion(&LocalKv, &backup.lock, Rc::new(cipher.clone()));
        hold(cipher);
        return Ok(Restored::Key);
    }
    let plain = backup.open_with(&wrapping).map_err(|err| backup_error(err).to_string())?;
    let fresh = DataKey::random(&mut browser_random);
    let lock = new_record(&fresh, None, passphrase).await.map_err(|failure| failure.message())?;
    let cipher = cipher_for(KeyRing::only(fresh), &lock);
    let imported = crate::storage::key_lost::start_again_from_backup(&LocalKv, &lock, Rc::new(cipher.clone()), &plain, now_ms)?;
    hold(cipher);
    Ok(Restored::FromBackup(imported))
}

/// Turns the lock on and encrypts everything stored; returns how many values.
pub async fn turn_on(passphrase: &str) -> Result<usize, LockFailure> {
    writable()?;
    if crate::lock::session::state() != LockState::Off {
        return Err(LockFailure::AlreadyOn);
    }
    let key = DataKey::random(&mut browser_random);
    let lock = new_record(&key, None, passphrase).await?;
    let cipher = cipher_for(KeyRing::only(key), &lock);
    // `sealed::turn_on` reads the state again now, after the key derivation.
    let result = sealed::turn_on(&LocalKv, &lock, Rc::new(cipher.clone()));
    // Once this lock record is stored, this page must hold its key, even if
    // storage filled up half way: the rest is sealed at the next unlock.
    if matches!(crate::lock::session::state(), LockState::On(by) if by.wrapped_key == lock.key) {
        hold(cipher);
    }
    result.map_err(|err| match err {
        TurnOnError::NotOff => LockFailure::AlreadyOn,
        TurnOnError::Store(err) => LockFailure::Store(err),
    })
}

/// Nothing changes in a store a newer version of the app has taken over.
fn writable() -> Result<(), LockFailure> {
    match crate::db::store().is_read_only() {
        true => Err(LockFailure::Store(SaveError::ReadOnly)),
        false => Ok(()),
    }
}

/// Decrypts everything back to plain form and turns the lock off.
pub async fn turn_off(passphrase: &str, now_ms: i64) -> Result<(), LockFailure> {
    writable()?;
    let (keys, lock) = data_key(passphrase).await?;
    sealed::turn_off(&LocalKv, &cipher_for(keys, &lock), now_ms).map_err(LockFailure::Store)?;
    hold_key(None);
    Ok(())
}

/// How far a new passphrase got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Changed {
    /// Everything is sealed under the new key.
    Finished,
    /// The new passphrase is in place, but storage filled before every value
    /// was sealed again: the rest still opens, and the next unlock goes on.
    SomeLeft,
}

/// A new passphrase, and with it a new data key: every value is sealed again,
/// so an old backup with the old passphrase opens nothing made from now on.
pub async fn change_passphrase(old: &str, new: &str) -> Result<Changed, LockFailure> {
    writable()?;
    let (keys, current) = data_key(old).await?;
    // A rotation left unfinished goes on first, so only one key is old.
    sealed::finish_conversion(&LocalKv, &current, Rc::new(cipher_for(keys.clone(), &current))).map_err(LockFailure::Store)?;
    let current = current.without_previous();
    let fresh = DataKey::random(&mut browser_random);
    let lock = new_record(&fresh, Some(&keys.current), new).await?;
    let cipher = cipher_for(KeyRing { current: fresh, previous: Some(keys.current) }, &lock);
    let result = sealed::rotate(&LocalKv, &current, &lock, Rc::new(cipher.clone()));
    // Once the new record is stored this page holds its keys, even if storage
    // filled up half way: the next unlock goes on.
    let changed = matches!(crate::lock::session::state(), LockState::On(by) if by.wrapped_key == lock.key);
    if changed {
        hold(cipher);
    }
    match result {
        Ok(()) => Ok(Changed::Finished),
        Err(TurnOnError::Store(_)) if changed => Ok(Changed::SomeLeft),
        Err(TurnOnError::Store(err)) => Err(LockFailure::Store(err)),
        Err(TurnOnError::NotOff) => Err(LockFailure::Gone),
    }
}

const NOT_A_BACKUP: Key = l::FILE_NOT_ENCRYPTED_BACKUP;

/// The plain backup inside an encrypted backup file, with the passphrase it was
/// made with. Nothing is stored.
pub async fn open_backup(text: &str, passphrase: &str) -> Result<String, &'static str> {
    let backup = EncryptedBackup::parse(text).ok_or(t(NOT_A_BACKUP))?;
    let wrapping = kdf::for_record(&backup.lock, passphrase).await.map_err(|failure| match failure {
        KdfFailure::Crypto(err) => backup_error(err),
        KdfFailure::Unavailable => t(UNAVAILABLE),
    })?;
    backup.open_with(&wrapping).map_err(backup_error)
}

/// An encrypted backup of `plain` (a plain backup), once `passphrase` is shown
/// to be the lock's: it gets a key of its own, wrapped under the passphrase
/// with a fresh salt, and never carries this device's data key.
pub async fn seal_backup(plain: &str, passphrase: &str, now_ms: i64) -> Result<String, LockFailure> {
    data_key(passphrase).await?;
    let (wrapping, settings, salt) = kdf::fresh(passphrase, &mut browser_random).await?;
    Ok(EncryptedBackup::seal_with(plain, &wrapping, settings, &salt, now_ms, &mut browser_random).to_json())
}

const UNAVAILABLE: Key = l::SOMETHING_STOPPED_PASSPHRASE_FROM_2;

fn backup_failure(failure: KdfFailure) -> String {
    match failure {
        KdfFailure::Crypto(err) => backup_error(err).to_string(),
        KdfFailure::Unavailable => UNAVAILABLE.to_string(),
    }
}

fn backup_error(err: CryptoError) -> &'static str {
    match err {
        CryptoError::WrongPassphrase => t(l::PASSPHRASE_DOES_NOT_OPEN_2),
        CryptoError::Damaged => t(l::BACKUP_FILE_DAMAGED_COULD),
        CryptoError::UnknownKdf => t(l::BACKUP_WAS_MADE_NEWER),
        CryptoError::OutOfRange => t(l::FILE_S_LOCK_SETTINGS),
    }
}
