//! Everything the lock does with keys. Only the unlock screen and Your data call
//! these, and both are lazily loaded pages, so the crypto code (AES-GCM,
//! Argon2id) is in a chunk the two share and never in the first load. (A split
//! point of its own inside a page chunk would leave an unresolved import in
//! builds that are not split, such as the browser tests.) Each operation runs on
//! localStorage directly (`LocalKv`), through `storage::sealed`, and hands the
//! data key to the store.

use std::rc::Rc;

use leptos::prelude::{document, set_timeout_with_handle, window, window_event_listener, TimeoutHandle};

use crate::crypto::{DataKey, Kdf, LockRecord};
use crate::lock::session::{hold_key, lock_this_page};
use crate::storage::local::LocalKv;
use crate::storage::sealed::{self, KeyCipher, LockState, TurnOnError};
use crate::domain::auto_lock::AutoLock;
use crate::storage::SaveError;

/// How a lock operation can end without doing what was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockFailure {
    /// The passphrase does not open this device's data.
    WrongPassphrase,
    /// The lock was written by a newer version of the app.
    Newer,
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
            LockFailure::WrongPassphrase => "That passphrase does not open the data on this device. Take your time and try again: nothing is ever deleted because of a wrong try.",
            LockFailure::Newer => "The lock was set up by a newer version of the app. Reloading the page usually brings it.",
            LockFailure::Store(err) => return err.message(),
            LockFailure::Gone => "The lock is no longer on: it was turned off, or everything was deleted, in another tab. Reloading the page shows what is here now.",
            LockFailure::AlreadyOn => "The lock is already on: it was turned on in another tab or window meanwhile. Nothing was changed here. Reload the page and unlock with that passphrase.",
            LockFailure::Damaged => "This device's lock record is damaged, so your encrypted entries cannot be opened here.",
            LockFailure::Missing => "This device's lock key is missing, so your encrypted entries cannot be opened here.",
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
/// been out of sight for the chosen time. Here, in the lock's chunk, rather
/// than in the first load: it only matters once a key is held.
fn hold(key: DataKey, record: &LockRecord) {
    hold_key(Some(Rc::new(KeyCipher::new(key, record, Box::new(browser_random)))));
    LOCK_WHEN_HIDDEN.with(|once| {
        once.get_or_init(lock_when_hidden);
    });
}

thread_local! {
    static LOCK_WHEN_HIDDEN: std::cell::OnceCell<()> = const { std::cell::OnceCell::new() };
}

/// At once when the page comes back into view after long enough, or by a timer
/// while it is hidden. Reads the setting each time, so a change in any tab counts.
fn lock_when_hidden() {
    let hidden_since = std::rc::Rc::new(std::cell::Cell::new(None::<i64>));
    let timer = std::rc::Rc::new(std::cell::Cell::new(None::<TimeoutHandle>));
    let listener = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let auto = AutoLock::from_minutes(crate::db::store().prefs().auto_lock);
        let Some(delay) = auto.delay_ms().filter(|_| crate::lock::session::lock_is_on()) else { return };
        let now = crate::clock::now_ms();
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            hidden_since.set(Some(now));
            if delay == 0 {
                lock_this_page();
            } else if let Ok(handle) = set_timeout_with_handle(lock_this_page, std::time::Duration::from_millis(delay as u64)) {
                timer.set(Some(handle));
            }
        } else {
            if let Some(handle) = timer.take() {
                handle.clear();
            }
            if hidden_since.take().is_some_and(|t| now - t >= delay) {
                lock_this_page();
            }
        }
    });
    std::mem::forget(listener);
}

/// The data key the stored lock record wraps, with that record.
fn data_key(passphrase: &str) -> Result<(DataKey, LockRecord), LockFailure> {
    let lock = match crate::lock::session::state() {
        LockState::On(by) => by.record().ok_or(LockFailure::Damaged)?,
        LockState::Off => return Err(LockFailure::Gone),
        LockState::Damaged => return Err(LockFailure::Damaged),
        LockState::Missing { .. } => return Err(LockFailure::Missing),
    };
    let key = lock.unwrap(passphrase).map_err(|err| match err {
        crate::crypto::CryptoError::UnknownKdf => LockFailure::Newer,
        _ => LockFailure::WrongPassphrase,
    })?;
    Ok((key, lock))
}

/// Opens the data with `passphrase`: this page then holds the key.
pub fn unlock(passphrase: &str) -> Result<(), LockFailure> {
    data_key(passphrase).map(|(key, lock)| {
        // An interrupted "turn on" goes on now; if storage is still full it
        // waits for the next unlock, and every value stays readable meanwhile.
        let _ = sealed::finish_conversion(&LocalKv, &key, &mut browser_random);
        hold(key, &lock);
    })
}

/// Puts this device's lock back from an encrypted backup when its record is
/// missing or damaged: the backup's key must open what is sealed here. From
/// then on the backup's passphrase opens the app.
pub fn restore_lock(text: &str, passphrase: &str) -> Result<(), String> {
    if !matches!(crate::lock::session::state(), LockState::Missing { .. } | LockState::Damaged) {
        return Err(LockFailure::Gone.message());
    }
    let backup = crate::crypto::EncryptedBackup::parse(text)
        .ok_or("This file is not an encrypted backup from this app. Nothing has been changed.")?;
    let key = backup.lock.unwrap(passphrase).map_err(|err| backup_error(err).to_string())?;
    if !sealed::opens_sealed(&LocalKv, &key) {
        return Err("This backup was made with a different lock, so its key does not open the entries on this device. An encrypted backup made on this device, with the lock it has now, will. Nothing has been changed.".into());
    }
    sealed::restore_lock(&LocalKv, &backup.lock).map_err(|err| err.message())?;
    let _ = sealed::finish_conversion(&LocalKv, &key, &mut browser_random);
    hold(key, &backup.lock);
    Ok(())
}

/// Turns the lock on and encrypts everything stored; returns how many values.
pub fn turn_on(passphrase: &str) -> Result<usize, LockFailure> {
    writable()?;
    if crate::lock::session::state() != LockState::Off {
        return Err(LockFailure::AlreadyOn);
    }
    let key = DataKey::random(&mut browser_random);
    let lock = LockRecord::wrap(&key, passphrase, Kdf::recommended(), &mut browser_random).map_err(|_| LockFailure::Newer)?;
    let places = sealed::places(&LocalKv);
    // `sealed::turn_on` reads the state again now, after the key derivation.
    let result = sealed::turn_on(&LocalKv, &lock, &key, &mut browser_random, &mut |_, _| {});
    // Once this lock record is stored, this page must hold its key, even if
    // storage filled up half way: the rest is sealed at the next unlock.
    if matches!(crate::lock::session::state(), LockState::On(by) if by.wrapped_key == lock.key) {
        hold(key, &lock);
    }
    result.map(|()| places.len()).map_err(|err| match err {
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
pub fn turn_off(passphrase: &str, now_ms: i64) -> Result<(), LockFailure> {
    writable().and_then(|()| data_key(passphrase)).and_then(|(key, _)| {
        sealed::turn_off(&LocalKv, &key, &mut |_, _| {}, now_ms).map_err(LockFailure::Store)?;
        hold_key(None);
        Ok(())
    })
}

/// A new passphrase: only the data key is wrapped again, nothing else changes.
pub fn change_passphrase(old: &str, new: &str) -> Result<(), LockFailure> {
    writable().and_then(|()| data_key(old)).and_then(|(key, _)| {
        let lock = LockRecord::wrap(&key, new, Kdf::recommended(), &mut browser_random).map_err(|_| LockFailure::Newer)?;
        sealed::store_lock(&LocalKv, &lock).map_err(LockFailure::Store)?;
        // The key this page holds belongs to the new record from now on.
        hold(key, &lock);
        Ok(())
    })
}

/// The plain backup inside an encrypted backup file, with the passphrase it was
/// made with. Nothing is stored.
pub fn open_backup(text: &str, passphrase: &str) -> Result<String, &'static str> {
    let backup = crate::crypto::EncryptedBackup::parse(text).ok_or("This file is not an encrypted backup from this app. Nothing has been changed.")?;
    backup.open(passphrase).map_err(backup_error)
}

fn backup_error(err: crate::crypto::CryptoError) -> &'static str {
    match err {
        crate::crypto::CryptoError::WrongPassphrase => "That passphrase does not open this backup. It needs the passphrase the lock had when the backup was made. Nothing has been changed.",
        crate::crypto::CryptoError::Damaged => "This backup file is damaged: it could not be decrypted. Nothing has been changed.",
        crate::crypto::CryptoError::UnknownKdf => "This backup was made by a newer version of the app. Please update the app, then import it again. Nothing has been changed.",
    }
}
