//! Locking by itself: when the app has been out of sight, or open but
//! untouched, for the chosen time, and when a page comes back from the
//! back/forward cache after "Lock now" or with the lock changed elsewhere. Set
//! going once this page holds a key; in the lock's chunk, not the first load.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::{document, set_timeout_with_handle, window_event_listener, window_event_listener_untyped, TimeoutHandle};

use crate::domain::auto_lock::AutoLock;
use crate::lock::session::{lock_this_page, LOCK_NOW_KEY};
use crate::storage::local::LocalKv;
use crate::storage::Kv;

/// Starts watching (once per page), and notes that this page has just got its key.
pub fn start() {
    HELD_SINCE.with(|mark| *mark.borrow_mut() = LocalKv.get(LOCK_NOW_KEY));
    AUTO_LOCK.with(|once| {
        once.get_or_init(auto_lock);
    });
}

thread_local! {
    static AUTO_LOCK: std::cell::OnceCell<()> = const { std::cell::OnceCell::new() };
    /// The "Lock now" mark as it was when this page last got its key: a new
    /// one from another tab after that locks it, even if the page slept in the
    /// back/forward cache meanwhile.
    static HELD_SINCE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Nobody at the keyboard for this long counts as idle, whatever the setting:
/// "Immediately" is about leaving the app, not about pausing to think.
const IDLE_FLOOR_MS: i64 = 60_000;
/// How often an open, visible page checks whether it has been idle long enough.
const IDLE_CHECK_MS: u64 = 15_000;

/// The chosen delay, while the lock is on and a delay is chosen. Read each time,
/// so a change in any tab counts.
fn delay_ms() -> Option<i64> {
    let auto = AutoLock::from_minutes(crate::db::store().prefs().auto_lock);
    auto.delay_ms().filter(|_| crate::lock::session::lock_is_on())
}

/// Locks this page when it has been hidden for the chosen time (at once when it
/// comes back into view, or by a timer while hidden), when nobody has touched it
/// for that long while it is open, and when it comes back from the
/// back/forward cache after "Lock now" or with the lock changed elsewhere.
fn auto_lock() {
    let hidden_since = Rc::new(Cell::new(None::<i64>));
    let timer = Rc::new(Cell::new(None::<TimeoutHandle>));
    let listener = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let Some(delay) = delay_ms() else { return };
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

    // Through the same kind of listener and timer as above: a new kind of
    // browser binding would add to the first load's glue.
    let last_input = Rc::new(Cell::new(crate::clock::now_ms()));
    for event in ["keydown", "pointerdown", "input", "scroll", "wheel", "touchstart"] {
        let last_input = last_input.clone();
        std::mem::forget(window_event_listener_untyped(event, move |_| last_input.set(crate::clock::now_ms())));
    }
    check_idle(last_input);

    let listener = window_event_listener_untyped("pageshow", move |event| {
        let restored = js_sys::Reflect::get(&event, &"persisted".into()).ok().and_then(|p| p.as_bool());
        if restored != Some(true) {
            return;
        }
        let locked_since_held = HELD_SINCE.with(|mark| *mark.borrow() != LocalKv.get(LOCK_NOW_KEY));
        if !crate::lock::session::may_open() || locked_since_held {
            lock_this_page();
        }
    });
    std::mem::forget(listener);
}

/// Every `IDLE_CHECK_MS`, locks the page if nobody has touched it for the
/// chosen time (at least `IDLE_FLOOR_MS`).
fn check_idle(last_input: Rc<Cell<i64>>) {
    let _ = set_timeout_with_handle(
        move || {
            let idle = crate::clock::now_ms() - last_input.get();
            match delay_ms().is_some_and(|delay| idle >= delay.max(IDLE_FLOOR_MS)) {
                true => lock_this_page(),
                false => check_idle(last_input),
            }
        },
        std::time::Duration::from_millis(IDLE_CHECK_MS),
    );
}
