//! One lock state for every caller: two tabs turning the lock on in any order,
//! a lock record removed or damaged, and a key that no longer matches the
//! record. In none of them is a word lost or written in plain form.

use std::cell::{Cell, RefCell};

use super::sealed::*;
use super::sealed_tests::{all_hidden, cipher, full_store, locked_store, new_lock, ring_cipher, PASSPHRASE};
use super::*;
use super::tests::NOW;
use crate::crypto::{is_sealed, DataKey, KeyRing, LockRecord};
use crate::domain::journal::tests::entry;
use crate::test_support::{counter, quick_kdf};

/// A `Kv` that runs `then` once, just after its `n`th write: another tab acting
/// in the middle of this one's work.
struct Interrupted<'a> {
    kv: &'a MemoryKv,
    writes: Cell<usize>,
    n: usize,
    then: RefCell<Option<Box<dyn FnOnce() + 'a>>>,
}

impl Kv for Interrupted<'_> {
    fn keys(&self) -> Vec<String> {
        self.kv.keys()
    }
    fn get(&self, key: &str) -> Option<String> {
        self.kv.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        let result = self.kv.set(key, value);
        self.writes.set(self.writes.get() + 1);
        if self.writes.get() == self.n {
            if let Some(then) = self.then.borrow_mut().take() {
                then();
            }
        }
        result
    }
    fn remove(&self, key: &str) {
        self.kv.remove(key)
    }
}

/// Every value that holds words is sealed under a hidden name and opens with
/// the stored record's current key.
fn everything_opens(kv: &MemoryKv, passphrase: &str) {
    match lock_state(kv) {
        LockState::On(by) => {
            let record = by.record().expect("a record this build reads");
            let key = record.unwrap(passphrase).expect("the stored record opens with its passphrase");
            let c = cipher(key, &record);
            all_hidden(kv);
            for place in places(kv) {
                let opened = c.open(&place, &kv.get(&place).unwrap());
                assert!(opened.is_ok_and(|o| o.current), "{place} opens under the stored record's key");
            }
        }
        other => panic!("the lock is on, not {other:?}"),
    }
}

#[test]
fn two_tabs_turning_the_lock_on_in_any_order_leave_one_key_that_opens_everything() {
    // Tab B's turn-on starts after each of tab A's writes (0: before A's first;
    // past A's last write, once A has finished).
    for n in 0..=8 {
        let kv = full_store();
        let mut random_a = counter(7);
        let mut random_b = counter(11);
        #[allow(unused_mut)]
        let (key_a, lock_a) = new_lock(&mut random_a);
        let (key_b, lock_b) = new_lock(&mut random_b);
        let b_result = RefCell::new(None);
        let tab_b = || {
            *b_result.borrow_mut() = Some(turn_on(&kv, &lock_b, cipher(key_b.clone(), &lock_b)));
        };
        let a_result = if n == 0 {
            tab_b();
            turn_on(&kv, &lock_a, cipher(key_a.clone(), &lock_a))
        } else {
            let a = Interrupted { kv: &kv, writes: Cell::new(0), n, then: RefCell::new(Some(Box::new(tab_b))) };
            let result = turn_on(&a, &lock_a, cipher(key_a.clone(), &lock_a));
            if let Some(late) = a.then.borrow_mut().take() {
                late();
            }
            result
        };
        let b_result = b_result.into_inner().expect("tab B ran");
        // Exactly one wins; the other wrote nothing and says so.
        let won = [a_result.is_ok(), b_result.is_ok()];
        assert_eq!(won.iter().filter(|w| **w).count(), 1, "at {n}: {a_result:?} {b_result:?}");
        assert!([a_result.map(|_| ()), b_result.map(|_| ())].contains(&Err(TurnOnError::NotOff)));
        everything_opens(&kv, PASSPHRASE);
        // The loser's key never seals anything afterwards.
        let (loser_key, loser_lock) = if won[0] { (key_b, lock_b) } else { (key_a, lock_a) };
        let stale = Store::reopen(Sealed::with(&kv, cipher(loser_key, &loser_lock)), false);
        assert_eq!(stale.save(&entry("late", "written in the losing tab")), Err(SaveError::Locked));
        everything_opens(&kv, PASSPHRASE);
    }
}

/// Tries every write path of a tab; returns how many were refused.
fn try_every_write(store: &Store<Sealed<&MemoryKv>>) -> usize {
    let results = [
        store.save(&entry("new", "new plain words")),
        store.save_draft("journal-new.x", r#"{"text":"plain draft"}"#),
        store.kv.set("leaning-in.quarantine.journal.q", r#"{"raw":"plain"}"#),
        store.kv.set("leaning-in.rec.journal.a", "sealed:1:not-really"),
    ];
    results.iter().filter(|r| **r == Err(SaveError::Locked)).count()
}

fn no_plain_words(kv: &MemoryKv) {
    for place in places(kv) {
        assert!(is_sealed(&kv.get(&place).unwrap()), "{place} holds plain text beside sealed values");
    }
    all_hidden(kv);
}

#[test]
fn with_the_lock_record_removed_nothing_is_written_in_plain_form_from_any_tab() {
    let (kv, key, lock) = locked_store();
    kv.remove(LOCK_KEY);
    assert_eq!(lock_state(&kv), LockState::Missing { sealed: 5 });
    let before = kv.map.borrow().clone();
    // A tab without the key, and one that held it before the record went.
    for tab in [Store::reopen(Sealed::plain(&kv), false), Store::reopen(Sealed::with(&kv, cipher(lock.unwrap(PASSPHRASE).unwrap(), &lock)), false)] {
        assert_eq!(try_every_write(&tab), 4);
        no_plain_words(&kv);
    }
    assert_eq!(*kv.map.borrow(), before, "nothing changed");
    // Putting the record back (from an encrypted backup) opens everything again.
    assert!(opens_sealed(&kv, &key));
    restore_lock(&kv, &lock).unwrap();
    everything_opens(&kv, PASSPHRASE);
}

#[test]
fn a_damaged_lock_record_stops_every_write_and_is_kept_aside_when_the_key_comes_back() {
    let (kv, _, lock) = locked_store();
    kv.set(LOCK_KEY, "{ not a lock record").unwrap();
    assert_eq!(lock_state(&kv), LockState::Damaged);
    assert_eq!(read_lock(&kv), None);
    let tab = Store::reopen(Sealed::with(&kv, cipher(lock.unwrap(PASSPHRASE).unwrap(), &lock)), false);
    assert_eq!(try_every_write(&tab), 4);
    no_plain_words(&kv);
    restore_lock(&kv, &lock).unwrap();
    everything_opens(&kv, PASSPHRASE);
    assert_eq!(kv.get(DAMAGED_LOCK_KEY).as_deref(), Some("{ not a lock record"), "the damaged record is kept aside");
}

#[test]
fn a_key_from_another_lock_does_not_count_as_the_missing_one() {
    let (kv, _, _) = locked_store();
    kv.remove(LOCK_KEY);
    let (other, _) = new_lock(&mut counter(3));
    assert!(!opens_sealed(&kv, &other));
}

#[test]
fn a_store_that_was_never_locked_is_off_and_a_locked_one_is_on() {
    assert_eq!(lock_state(&full_store()), LockState::Off);
    let (kv, _, lock) = locked_store();
    match lock_state(&kv) {
        LockState::On(by) => assert_eq!((by.record(), by.wrapped_key), (Some(lock.clone()), lock.key)),
        other => panic!("on, not {other:?}"),
    }
    kv.set(LOCK_KEY, r#"{"v":1,"salt":"x"}"#).unwrap();
    assert_eq!(lock_state(&kv), LockState::Damaged, "a record without its parts is damaged");
}

/// What each value holds, by its own name, once opened with the keys the
/// stored record wraps under `passphrase`.
fn opened(kv: &MemoryKv, passphrase: &str) -> Vec<(String, String)> {
    let record = read_lock(kv).expect("the lock is on");
    let c = ring_cipher(record.open(passphrase).expect("the stored record opens"), &record);
    let mut all: Vec<(String, String)> = places(kv)
        .into_iter()
        .map(|p| c.open(&p, &kv.get(&p).unwrap()).expect("every value opens"))
        .map(|o| (o.name.clone(), o.readable()))
        .collect();
    all.sort();
    all
}

#[test]
fn a_new_passphrase_interrupted_at_any_write_loses_nothing_and_the_next_unlock_finishes_it() {
    const NEW: &str = "a new phrase for a new key";
    let (reference, _, _) = locked_store();
    let before = opened(&reference, PASSPHRASE);
    for n in 0..=7 {
        let (kv, old_key, current) = locked_store();
        let mut random = counter(17);
        let fresh = DataKey::random(&mut random);
        let lock = LockRecord::wrap_rotating(&fresh, Some(&old_key), NEW, quick_kdf(), &mut random).unwrap();
        let keys = KeyRing { current: fresh, previous: Some(old_key.clone()) };
        kv.fail_after.set(Some(n));
        let result = rotate(&kv, &current, &lock, ring_cipher(keys, &lock));
        kv.fail_after.set(None);
        assert_eq!(result.is_ok(), n >= 7, "write {n}: {result:?}");
        if n == 0 {
            assert_eq!(read_lock(&kv), Some(current.clone()), "nothing changed");
            assert_eq!(opened(&kv, PASSPHRASE), before);
            continue;
        }
        // Each value is in its old form or its new one, and the new passphrase opens both.
        assert_eq!(opened(&kv, NEW), before, "after failing write {n}");
        assert!(read_lock(&kv).unwrap().open(PASSPHRASE).is_err(), "the old passphrase opens nothing");
        // The next unlock goes on, and then only the new key is left.
        let stored = read_lock(&kv).unwrap();
        finish_conversion(&kv, &stored, ring_cipher(stored.open(NEW).unwrap(), &stored)).unwrap();
        assert_eq!(read_lock(&kv).unwrap().prev, None, "the previous key is dropped once nothing needs it");
        everything_opens(&kv, NEW);
        assert_eq!(opened(&kv, NEW), before);
        let old = cipher(old_key, &current);
        assert!(places(&kv).iter().all(|p| old.open(p, &kv.get(p).unwrap()).is_err()), "nothing opens with the old key");
        assert!(places(&kv).iter().all(|p| old.known(p).is_none() && p != &old.hidden("leaning-in.rec.journal.a").0), "every name is new");
    }
}

#[test]
fn a_new_passphrase_is_refused_when_another_tab_changed_the_lock_meanwhile() {
    let (kv, old_key, current) = locked_store();
    let mut random = counter(19);
    // Another tab put a new passphrase in place first.
    let other = LockRecord::wrap(&current.unwrap(PASSPHRASE).unwrap(), "another tab's phrase", quick_kdf(), &mut random).unwrap();
    kv.set(LOCK_KEY, &serde_json::to_string(&other).unwrap()).unwrap();
    let fresh = DataKey::random(&mut random);
    let lock = LockRecord::wrap_rotating(&fresh, Some(&old_key), "mine", quick_kdf(), &mut random).unwrap();
    let keys = KeyRing { current: fresh, previous: Some(old_key) };
    assert_eq!(rotate(&kv, &current, &lock, ring_cipher(keys, &lock)), Err(TurnOnError::NotOff));
    assert_eq!(read_lock(&kv), Some(other));
    everything_opens(&kv, "another tab's phrase");
}

#[test]
fn plain_values_left_by_an_interrupted_turn_on_are_counted_until_finished() {
    let kv = full_store();
    assert_eq!(plain_left(&kv), 0, "with the lock off nothing is counted");
    let mut random = counter(7);
    let (key, lock) = new_lock(&mut random);
    kv.fail_after.set(Some(2));
    assert!(turn_on(&kv, &lock, cipher(key.clone(), &lock)).is_err());
    assert_eq!(plain_left(&kv), 4);
    finish_conversion(&kv, &lock, cipher(key, &lock)).unwrap();
    assert_eq!(plain_left(&kv), 0);
}

#[test]
fn with_the_key_lost_a_backup_of_its_own_brings_the_records_back_and_keeps_the_rest_aside() {
    let (kv, old_key, lock) = locked_store();
    let before = Store::reopen(Sealed::with(&kv, cipher(old_key, &lock)), false).all_records();
    let plain = crate::domain::backup::export(&before, NOW);
    kv.remove(LOCK_KEY);
    let old_values: Vec<String> = places(&kv).iter().map(|p| kv.get(p).unwrap()).collect();
    let mut random = counter(23);
    let (fresh, new) = {
        let key = DataKey::random(&mut random);
        let record = LockRecord::wrap(&key, "the backup's phrase", quick_kdf(), &mut random).unwrap();
        (key, record)
    };
    // A file that is not a backup changes nothing.
    let untouched = kv.map.borrow().clone();
    assert!(crate::storage::key_lost::start_again_from_backup(&kv, &new, cipher(DataKey::random(&mut random), &new), "{}", NOW).is_err());
    assert_eq!(*kv.map.borrow(), untouched);

    let brought = crate::storage::key_lost::start_again_from_backup(&kv, &new, cipher(fresh, &new), &plain, NOW).unwrap();
    assert_eq!(brought, before.len());
    let ring = read_lock(&kv).unwrap().open("the backup's phrase").unwrap();
    let key = ring.current;
    let store = Store::reopen(Sealed::with(&kv, cipher(key, &new)), false);
    assert_eq!(store.all_records(), before, "every record is back");
    // Nothing the lost key sealed was deleted: each is at its place or kept aside.
    let kept: Vec<String> = store.quarantined().into_iter().map(|q| q.raw).chain(kv.map.borrow().values().cloned()).collect();
    for old in old_values {
        assert!(kept.contains(&old), "kept: {old:?}");
    }
    no_plain_words(&kv);
}

#[test]
fn a_page_that_looked_once_still_sees_a_lock_turned_on_elsewhere_and_its_record_removed() {
    let kv = full_store();
    Store::open(&kv, NOW).0.settle().unwrap();
    let looked = std::rc::Rc::default();
    let tab = Store::reopen(Sealed::sharing(&kv, None, std::rc::Rc::clone(&looked)), false);
    tab.save(&entry("p", "plain while the lock is off")).unwrap();
    assert!(looked.get(), "one look at every value, kept for the next save");
    // Another tab turns the lock on; then the record is removed.
    let (key, lock) = new_lock(&mut counter(5));
    turn_on(&kv, &lock, cipher(key, &lock)).unwrap();
    kv.remove(LOCK_KEY);
    assert_eq!(tab.save(&entry("q", "never written in plain form")), Err(SaveError::Locked));
    no_plain_words(&kv);
}
