//! `Db`: the reactive copy of the store that every feature reads and saves
//! through, provided as context by the shell and kept in step with other tabs by
//! the `storage` event. It opens the store through the lock session's key
//! (`lock::session`), so no page knows whether anything is encrypted.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::clock::now_ms;
use crate::domain::check::SelfCheck;
use crate::domain::journal::JournalEntry;
use crate::domain::practice::{CustomStep, PlannedStep};
use crate::domain::reframe::Reframe;
use crate::domain::backup::AnyRecord;
use crate::domain::records::{self, Record};
use crate::lock::session::{self, lock_is_on, lock_this_page, LOCK_NOW_KEY};
use crate::storage::local::LocalKv;
use crate::storage::sealed::{Sealed, LOCK_KEY};
use crate::storage::{
    json_of, parse_record_key, Expect, Kv, Prefs, Removed, SaveError, SaveFailure, Stale, Store, META_KEY, PREFIX, PREFS_KEY,
    QUARANTINE_PREFIX, SCHEMA,
};

thread_local! {
    /// Whether this page load found a store written by a newer build.
    static READ_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// How many values the last open found not yet in this build's form.
    static UNSETTLED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// localStorage through the lock: values that hold words are sealed while the
/// key is held (see `storage::sealed`).
pub type LocalStore = Store<Sealed<LocalKv>>;

thread_local! {
    /// Whether a look at every stored value found nothing sealed (`Sealed`):
    /// one look for the page, not one for each save.
    static NONE_SEALED: std::rc::Rc<std::cell::Cell<bool>> = std::rc::Rc::default();
}

fn sealed_kv() -> Sealed<LocalKv> {
    Sealed::sharing(LocalKv, session::cipher(), NONE_SEALED.with(|c| c.clone()))
}

/// The store, as opened by `Db::open` this page load (no rescan).
pub fn store() -> LocalStore {
    Store::reopen(sealed_kv(), READ_ONLY.with(|c| c.get()))
}

/// Whether the store has values to write again in this build's form, and may
/// be written (`Store::settle`).
pub fn needs_settling() -> bool {
    UNSETTLED.with(|c| c.get()) > 0 && !READ_ONLY.with(|c| c.get())
}

/// Space used as stored (sealed values at their sealed size), without opening them.
pub fn usage() -> (usize, usize) {
    Store::reopen(LocalKv, true).usage()
}

/// The app's data as signals, provided as context by the shell.
#[derive(Clone, Copy)]
pub struct Db {
    pub journal: RwSignal<Vec<JournalEntry>>,
    pub checks: RwSignal<Vec<SelfCheck>>,
    pub reframes: RwSignal<Vec<Reframe>>,
    pub steps: RwSignal<Vec<PlannedStep>>,
    pub custom_steps: RwSignal<Vec<CustomStep>>,
    pub prefs: RwSignal<Prefs>,
    /// Values kept aside because they could not be read.
    pub unreadable: RwSignal<usize>,
    /// The data was written by a newer build: nothing can be saved.
    pub newer_schema: RwSignal<Option<u64>>,
    /// A newer build upgraded the store in another tab while this one was open.
    pub upgraded_elsewhere: RwSignal<bool>,
    /// Values kept aside earlier that this build could read and put back.
    pub restored: RwSignal<usize>,
    /// Bumped on every change to stored data, for things derived from all of it.
    pub revision: RwSignal<u64>,
    /// Whether the lock is on (then this page holds the key).
    pub lock_on: RwSignal<bool>,
}

/// A record kind the shell holds in memory.
pub trait Held: Record + Send + Sync {
    fn held(db: &Db) -> RwSignal<Vec<Self>>;
}

/// Which `Db` signal holds each kind.
macro_rules! held {
    ($($kind:ty => $field:ident),* $(,)?) => {
        $(impl Held for $kind {
            fn held(db: &Db) -> RwSignal<Vec<Self>> {
                db.$field
            }
        })*
    };
}

held!(
    JournalEntry => journal,
    SelfCheck => checks,
    Reframe => reframes,
    PlannedStep => steps,
    CustomStep => custom_steps,
);

thread_local! {
    /// The later kinds (`records::LATER_KINDS`) as stored: read fully only by
    /// the pages that show them (`Db::later`), in their own chunks. Changes
    /// reach those pages through `Db::revision`.
    static LATER: std::cell::RefCell<Vec<AnyRecord>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Puts a later kind's record in (or takes it out, with no value) where this tab holds it.
fn later_set(kind: &str, id: &str, record: Option<AnyRecord>) {
    LATER.with(|later| {
        let mut later = later.borrow_mut();
        later.retain(|r| !(r.kind == kind && r.id == id));
        later.extend(record);
    });
}

/// A later kind's value as now stored (`None`: removed), checked by its shape.
fn later_stored(kind: &str, id: &str, value: Option<String>) {
    match value.and_then(|raw| json_of(&raw)).map(|v| (records::check(kind, &v), v)) {
        Some((Ok(c), value)) => later_set(kind, id, Some(AnyRecord { kind: kind.into(), id: c.id, updated_at: c.updated_at, value })),
        // Unreadable: leave it for the next start to keep aside.
        Some(_) => {}
        None => later_set(kind, id, None),
    }
}

fn as_stored<T: Record>(record: &T) -> AnyRecord {
    AnyRecord { kind: T::KIND.into(), id: record.id().into(), updated_at: record.updated_at(), value: records::encode(record) }
}

fn decode_all<T: Record>(records: &[AnyRecord]) -> Vec<T> {
    records.iter().filter(|r| r.kind == T::KIND).filter_map(|r| records::decode(&r.value).ok()).collect()
}

fn upsert<T: Held>(db: &Db, record: T) {
    T::held(db).update(|list| match list.iter_mut().find(|r| r.id() == record.id()) {
        Some(slot) => *slot = record,
        None => list.push(record),
    });
}

impl Db {
    /// Opens the store, and listens for changes made in other tabs.
    pub fn open() -> Db {
        let db = Db {
            journal: RwSignal::new(Vec::new()),
            checks: RwSignal::new(Vec::new()),
            reframes: RwSignal::new(Vec::new()),
            steps: RwSignal::new(Vec::new()),
            custom_steps: RwSignal::new(Vec::new()),
            prefs: RwSignal::new(Prefs::default()),
            unreadable: RwSignal::new(0),
            newer_schema: RwSignal::new(None),
            upgraded_elsewhere: RwSignal::new(false),
            restored: RwSignal::new(0),
            revision: RwSignal::new(0),
            lock_on: RwSignal::new(false),
        };
        db.reload();
        let _ = window_event_listener(leptos::ev::storage, move |ev| db.on_other_tab(ev));
        db
    }

    /// Reads everything from storage: at start-up, after an import, or when another
    /// tab cleared storage.
    pub fn reload(&self) {
        let (store, opened) = Store::open(sealed_kv(), now_ms());
        READ_ONLY.with(|c| c.set(store.is_read_only()));
        UNSETTLED.with(|c| c.set(opened.unsettled));
        self.journal.set(decode_all(&opened.records));
        self.checks.set(decode_all(&opened.records));
        self.reframes.set(decode_all(&opened.records));
        self.steps.set(decode_all(&opened.records));
        self.custom_steps.set(decode_all(&opened.records));
        self.prefs.set(store.prefs());
        self.unreadable.set(opened.unreadable);
        self.newer_schema.set(opened.newer_schema);
        self.restored.update(|n| *n += opened.restored);
        self.revision.update(|r| *r += 1);
        self.lock_on.set(lock_is_on());
        let later = opened.records.into_iter().filter(|r| records::LATER_KINDS.contains(&r.kind.as_str())).collect();
        LATER.with(|held| *held.borrow_mut() = later);
    }

    /// A record saved, edited or deleted in another tab shows up here at once.
    fn on_other_tab(&self, ev: web_sys::StorageEvent) {
        let Some(key) = ev.key() else { return self.reload() };
        if !key.starts_with(PREFIX) {
            return;
        }
        // With the lock on, a value's storage name is a keyed hash: its own
        // name is inside, opened with this page's key (the old value tells,
        // when it was removed).
        let Some(key) = store().kv.name_of(&key, ev.new_value().or_else(|| ev.old_value()).as_deref()) else { return };
        if key == LOCK_NOW_KEY && ev.new_value().is_some() && lock_is_on() {
            return lock_this_page();
        }
        if key == LOCK_KEY && ev.old_value() != ev.new_value() {
            // The lock was turned on or off, or given a new key, in another tab:
            // start again in step (a key this page holds may no longer be the one).
            let _ = window().location().reload();
            return;
        }
        if key == META_KEY {
            // Another tab runs a newer build that changed the layout: stop writing
            // at once (`Store::writable` checks too), and let the shell reload.
            if let Some(schema) = store().stored_schema().filter(|s| *s > SCHEMA) {
                READ_ONLY.with(|c| c.set(true));
                self.newer_schema.set(Some(schema));
                self.upgraded_elsewhere.set(true);
            }
        } else if key.starts_with(QUARANTINE_PREFIX) {
            self.unreadable.set(store().unreadable_count());
        } else if key == PREFS_KEY {
            self.prefs.set(store().prefs());
        } else if let Some((kind, id)) = parse_record_key(&key) {
            // Read through the lock: the event carries the value as stored.
            let value = store().kv.get(&key);
            match kind {
                JournalEntry::KIND => self.apply_remote::<JournalEntry>(id, value),
                SelfCheck::KIND => self.apply_remote::<SelfCheck>(id, value),
                Reframe::KIND => self.apply_remote::<Reframe>(id, value),
                PlannedStep::KIND => self.apply_remote::<PlannedStep>(id, value),
                CustomStep::KIND => self.apply_remote::<CustomStep>(id, value),
                // A later kind: checked by its shape here, read fully by its page.
                later if records::LATER_KINDS.contains(&later) => self.reload(),
                _ => {}
            }
        }
        self.revision.update(|r| *r += 1);
    }

    fn apply_remote<T: Held>(&self, id: &str, value: Option<String>) {
        match value.and_then(|raw| json_of(&raw)).map(|v| records::decode::<T>(&v)) {
            Some(Ok(record)) => upsert(self, record),
            // Unreadable: leave it for the next start to keep aside.
            Some(Err(_)) => {}
            None => T::held(self).update(|list| list.retain(|r| r.id() != id)),
        }
    }

    /// Saves a record if what is stored is what `expect` says, then shows it
    /// everywhere. On the first save ever, asks the browser to keep this site's
    /// storage even when space runs low.
    pub fn save<T: Held>(&self, record: T, expect: Expect) -> Result<(), SaveFailure<T>> {
        if let Err(failure) = store().save_expecting(&record, expect) {
            // Show what is really stored, in case this tab missed an event.
            match &failure {
                SaveFailure::Stale(Stale::Changed(Some(theirs))) => upsert(self, theirs.clone()),
                SaveFailure::Stale(Stale::Deleted) => T::held(self).update(|list| list.retain(|r| r.id() != record.id())),
                _ => {}
            }
            return Err(failure);
        }
        upsert(self, record);
        self.saved();
        Ok(())
    }

    /// After any save: shown everywhere, and on the first save ever, asks the
    /// browser to keep this site's storage even when space runs low.
    fn saved(&self) {
        self.revision.update(|r| *r += 1);
        if self.prefs.get_untracked().persisted.is_none() {
            self.request_persistence();
        }
    }

    /// `save`, for a later kind (`records::LATER_KINDS`).
    pub fn save_later<T: Record>(&self, record: T, expect: Expect) -> Result<(), SaveFailure<T>> {
        if let Err(failure) = store().save_expecting(&record, expect) {
            match &failure {
                SaveFailure::Stale(Stale::Changed(Some(theirs))) => later_set(T::KIND, theirs.id(), Some(as_stored(theirs))),
                SaveFailure::Stale(Stale::Deleted) => later_set(T::KIND, record.id(), None),
                _ => {}
            }
            self.revision.update(|r| *r += 1);
            return Err(failure);
        }
        later_set(T::KIND, record.id(), Some(as_stored(&record)));
        self.saved();
        Ok(())
    }

    /// `delete`, for a later kind.
    pub fn delete_later(&self, kind: &str, id: &str) -> Result<Option<Removed>, SaveError> {
        let removed = store().delete(kind, id)?;
        later_set(kind, id, None);
        self.revision.update(|r| *r += 1);
        Ok(removed)
    }

    /// `restore`, for a later kind: Undo of `delete_later`.
    pub fn restore_later(&self, removed: &Removed) -> Result<(), SaveFailure<()>> {
        store().restore(removed)?;
        // What is stored now: the restored copy, or a newer one saved meanwhile.
        if let Some((kind, id)) = removed.values.first().and_then(|(key, _)| parse_record_key(key)) {
            later_stored(kind, id, store().kv.get(&removed.values[0].0));
        }
        self.revision.update(|r| *r += 1);
        Ok(())
    }

    /// The records of a later kind this tab holds, read fully (tracked).
    /// Those that fail its rules stay stored as they are (`later_unreadable`).
    pub fn later<T: Record>(&self) -> Vec<T> {
        self.revision.track();
        self.later_untracked()
    }

    /// The same, untracked.
    pub fn later_untracked<T: Record>(&self) -> Vec<T> {
        LATER.with(|later| decode_all(&later.borrow()))
    }

    /// How many stored records of a later kind fail its rules (tracked): kept
    /// as they are, and counted so the page can say so.
    pub fn later_unreadable<T: Record>(&self) -> usize {
        self.revision.track();
        LATER.with(|later| later.borrow().iter().filter(|r| r.kind == T::KIND && records::decode::<T>(&r.value).is_err()).count())
    }

    /// Whether any record of a later kind is stored, without reading it.
    pub fn has_later(&self, kind: &str) -> bool {
        LATER.with(|later| later.borrow().iter().any(|r| r.kind == kind))
    }

    /// Deletes a record and its unsaved edits; what was removed is returned for Undo.
    pub fn delete<T: Held>(&self, id: &str) -> Result<Option<Removed>, SaveError> {
        let removed = store().delete(T::KIND, id)?;
        T::held(self).update(|list| list.retain(|r| r.id() != id));
        self.revision.update(|r| *r += 1);
        Ok(removed)
    }

    /// Undo of a delete: puts back exactly what was removed, unless the record
    /// was saved again meanwhile (then that newer copy stays).
    pub fn restore<T: Held>(&self, removed: &Removed) -> Result<(), SaveFailure<()>> {
        store().restore(removed)?;
        if let Some((key, value)) = removed.values.first() {
            if let Some((_, id)) = parse_record_key(key) {
                self.apply_remote::<T>(id, Some(value.clone()));
            }
        }
        self.revision.update(|r| *r += 1);
        Ok(())
    }

    /// When each record was last changed, across every kind (tracked).
    pub fn change_times(&self) -> Vec<i64> {
        let mut times: Vec<i64> = self.journal.with(|all| all.iter().map(|e| e.updated).collect());
        self.checks.with(|all| times.extend(all.iter().map(|c| c.at)));
        self.reframes.with(|all| times.extend(all.iter().map(|r| r.updated)));
        self.steps.with(|all| times.extend(all.iter().map(|s| s.updated)));
        self.custom_steps.with(|all| times.extend(all.iter().map(|s| s.created)));
        self.revision.track();
        LATER.with(|later| times.extend(later.borrow().iter().map(|r| r.updated_at)));
        times
    }

    /// A gentle backup reminder is due: changes older than 14 days not yet backed up.
    pub fn backup_reminder_due(&self) -> bool {
        crate::domain::backup::reminder_due(
            self.prefs.with(|p| p.last_backup_at),
            self.change_times(),
            crate::clock::now_ms(),
        )
    }

    pub fn update_prefs(&self, change: impl FnOnce(&mut Prefs)) {
        if let Ok(prefs) = store().update_prefs(change) {
            self.prefs.set(prefs);
        }
    }

    fn request_persistence(&self) {
        let Ok(manager) = window().navigator().storage().dyn_into::<web_sys::StorageManager>() else { return };
        let Ok(promise) = manager.persist() else { return };
        let db = *self;
        spawn_local(async move {
            let granted = wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|v| v.as_bool());
            db.update_prefs(|p| p.persisted = Some(granted.unwrap_or(false)));
        });
    }
}

pub fn use_db() -> Db {
    expect_context::<Db>()
}
