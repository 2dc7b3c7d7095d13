//! The lock session: whether this page holds the data key, and locking. It sits
//! below the reactive `Db` and above the store: the store seals with the key held
//! here (`cipher`), and nothing here knows about pages.
//!
//! The key is never stored: it lives in this page's memory until a reload.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::window;

use crate::storage::local::LocalKv;
use crate::storage::sealed::{self, LockState, ValueCipher};
use crate::storage::Kv;

thread_local! {
    /// The data key while the app is unlocked. Never stored; gone with the page.
    static CIPHER: RefCell<Option<Rc<dyn ValueCipher>>> = const { RefCell::new(None) };
}

/// The key this page holds, if any, for the store to seal and open values with.
pub fn cipher() -> Option<Rc<dyn ValueCipher>> {
    CIPHER.with(|c| c.borrow().clone())
}

/// Keeps the data key for this page load, after unlocking or turning the lock on;
/// `None` once the lock is turned off.
pub fn hold_key(cipher: Option<Rc<dyn ValueCipher>>) {
    CIPHER.with(|c| *c.borrow_mut() = cipher);
}

/// Whether this page holds a key.
pub fn holds_key() -> bool {
    CIPHER.with(|c| c.borrow().is_some())
}

/// The lock as storage holds it now (`storage::sealed::lock_state`).
pub fn state() -> LockState {
    sealed::lock_state(&LocalKv)
}

/// Whether the lock is on, or its state is unclear (in this tab or another):
/// anything but plainly off.
pub fn lock_is_on() -> bool {
    state() != LockState::Off
}

/// Whether the app may show the person's data: the lock is off, or this page
/// holds the key the stored lock record wraps.
pub fn may_open() -> bool {
    match state() {
        LockState::Off => true,
        LockState::On(by) => cipher().is_some_and(|c| c.belongs_to(&by.wrapped_key)),
        LockState::Damaged | LockState::Missing { .. } => false,
    }
}

/// A fresh random mark each time "Lock now" is pressed, so every other open tab
/// locks too (they hear the change), and a page restored from the back/forward
/// cache later knows it must (the mark is not the one it held the key under).
/// Random rather than a time: storage shows nothing of when the app was used.
pub const LOCK_NOW_KEY: &str = "leaning-in.lock-now";

/// Locks the app: every other tab is told, and this page reloads, which drops
/// the key and every decrypted value from memory (drafts are written, sealed,
/// as the page goes).
pub fn lock_now() {
    let mark = (js_sys::Math::random() * 2f64.powi(52)) as u64;
    let _ = LocalKv.set(LOCK_NOW_KEY, &format!("{mark:x}"));
    lock_this_page();
}

/// Locks this page only (auto-lock): a reload drops the key from memory.
pub fn lock_this_page() {
    let _ = window().location().reload();
}

/// Values that can still be read without the passphrase, left by a turn-on
/// that storage cut short.
pub fn plain_left() -> usize {
    sealed::plain_left(&LocalKv)
}

/// Seals them with the key this page holds; how many were sealed.
pub fn finish_encrypting() -> Result<usize, crate::storage::SaveError> {
    sealed::settle(&sealed::Sealed::new(LocalKv, cipher()))
}
