//! Native tests of the promise that nothing a person writes is lost: stale
//! edits, undo, drafts per form, all-or-nothing imports, upgrades in another tab.

use std::collections::BTreeMap;

use super::tests::{snapshot, NOW};
use super::*;
use crate::domain::backup::{export, plan_import};
use crate::domain::journal::{tests::entry, JournalEntry};
use crate::test_support::{any, XorShift};

fn stored(kv: &MemoryKv, id: &str) -> Option<JournalEntry> {
    let raw = kv.get(&record_key("journal", id))?;
    records::decode(&json_of(&raw).unwrap()).ok()
}

fn edited(e: &JournalEntry, text: &str, at: i64) -> JournalEntry {
    JournalEntry { text: text.into(), updated: at.max(e.updated + 1), ..e.clone() }
}

#[test]
fn an_edit_started_from_an_older_copy_stops_and_shows_the_newer_one() {
    let kv = MemoryKv::default();
    let (tab_a, _) = Store::open(&kv, NOW);
    let (tab_b, _) = Store::open(&kv, NOW);
    let original = entry("e", "first words");
    tab_a.save_expecting(&original, Expect::Absent).unwrap();
    // Both tabs open the edit form on the same copy.
    let a_edit = edited(&original, "A's edit", NOW + 10);
    let b_edit = edited(&original, "B's edit", NOW + 20);
    tab_a.save_expecting(&a_edit, Expect::Updated(original.updated)).unwrap();
    let refused = tab_b.save_expecting(&b_edit, Expect::Updated(original.updated));
    assert_eq!(refused, Err(SaveFailure::Stale(Stale::Changed(Some(a_edit.clone())))));
    assert_eq!(stored(&kv, "e"), Some(a_edit.clone()), "A's edit is still there");
    // "Keep mine", knowingly: B saves over the copy it was shown.
    tab_b.save_expecting(&b_edit, Expect::Updated(a_edit.updated)).unwrap();
    assert_eq!(stored(&kv, "e"), Some(b_edit));
}

#[test]
fn an_edit_of_an_entry_deleted_meanwhile_stops() {
    let kv = MemoryKv::default();
    let (store, _) = Store::open(&kv, NOW);
    let e = entry("e", "words");
    store.save(&e).unwrap();
    store.delete("journal", "e").unwrap();
    assert_eq!(store.save_expecting(&edited(&e, "edit", NOW), Expect::Updated(e.updated)), Err(SaveFailure::Stale(Stale::Deleted)));
    assert_eq!(stored(&kv, "e"), None);
}

#[test]
fn a_new_record_never_replaces_one_already_under_its_id() {
    let kv = MemoryKv::default();
    let (store, _) = Store::open(&kv, NOW);
    let e = entry("e", "mine");
    store.save(&e).unwrap();
    assert!(matches!(store.save_expecting(&entry("e", "other"), Expect::Absent), Err(SaveFailure::Stale(Stale::Changed(Some(_))))));
    assert_eq!(stored(&kv, "e"), Some(e));
}

#[test]
fn undo_restores_what_was_stored_and_never_replaces_a_newer_save() {
    let kv = MemoryKv::default();
    let (tab_a, _) = Store::open(&kv, NOW);
    let (tab_b, _) = Store::open(&kv, NOW);
    let e = entry("e", "original");
    tab_a.save(&e).unwrap();
    // B saved an edit A's screen never showed; A deletes; Undo brings back B's edit.
    let b_edit = edited(&e, "B's newer words", NOW + 5);
    tab_b.save(&b_edit).unwrap();
    let removed = tab_a.delete("journal", "e").unwrap().unwrap();
    tab_a.restore(&removed).unwrap();
    assert_eq!(stored(&kv, "e"), Some(b_edit.clone()));
    // A deletes again, B saves its edit again ("Keep mine"), A's Undo must not win.
    let removed = tab_a.delete("journal", "e").unwrap().unwrap();
    let b_again = edited(&b_edit, "B saved it again", NOW + 9);
    tab_b.save_expecting(&b_again, Expect::Absent).unwrap();
    assert_eq!(tab_a.restore(&removed), Err(SaveFailure::Stale(Stale::Changed(None))));
    assert_eq!(stored(&kv, "e"), Some(b_again));
}

#[test]
fn deleting_a_record_removes_its_unsaved_edits_and_undo_brings_them_back() {
    let kv = MemoryKv::default();
    let (store, _) = Store::open(&kv, NOW);
    store.save(&entry("e1", "one")).unwrap();
    store.save_draft("journal-edit-e1.x", r#"{"text":"edit in progress"}"#).unwrap();
    store.save_draft("reframe-from-e1.y", r#"{"answers":["one"]}"#).unwrap();
    store.save_draft("journal-edit-e10.z", r#"{"text":"another entry's edit"}"#).unwrap();
    store.save_draft("journal-new.w", r#"{"text":"a new entry"}"#).unwrap();
    let before = snapshot(&kv);
    let removed = store.delete("journal", "e1").unwrap().unwrap();
    assert_eq!(removed.values.len(), 3);
    assert_eq!(store.draft("journal-edit-e1.x"), None);
    assert_eq!(store.draft("reframe-from-e1.y"), None);
    assert!(store.draft("journal-edit-e10.z").is_some(), "only this entry's drafts");
    assert!(store.draft("journal-new.w").is_some());
    store.restore(&removed).unwrap();
    assert_eq!(snapshot(&kv), before);
    assert_eq!(store.delete("journal", "missing"), Ok(None));

    // Another tab kept typing in its edit after the delete: Undo keeps those newer words.
    let removed = store.delete("journal", "e1").unwrap().unwrap();
    store.save_draft("journal-edit-e1.x", r#"{"text":"typed after the delete"}"#).unwrap();
    store.restore(&removed).unwrap();
    assert_eq!(store.draft("journal-edit-e1.x").as_deref(), Some(r#"{"text":"typed after the delete"}"#));
    assert_eq!(store.draft("reframe-from-e1.y").as_deref(), Some(r#"{"answers":["one"]}"#));
}

#[test]
fn every_open_form_has_its_own_draft() {
    let kv = MemoryKv::default();
    let (tab_a, _) = Store::open(&kv, NOW);
    let (tab_b, _) = Store::open(&kv, NOW);
    tab_a.save_draft(&drafts::form_name("journal-new", "a1"), "ALPHA").unwrap();
    tab_b.save_draft(&drafts::form_name("journal-new", "b2"), "BETA").unwrap();
    assert_eq!(tab_a.draft("journal-new.a1").as_deref(), Some("ALPHA"));
    tab_a.clear_draft("journal-new.a1");
    assert_eq!(tab_b.draft("journal-new.b2").as_deref(), Some("BETA"), "A saving leaves B's words alone");
    assert_eq!(tab_b.drafts_of("journal-new"), [("b2".to_string(), "BETA".to_string())]);
    assert!(tab_b.drafts_of("journal").is_empty(), "families match whole names");
}

#[test]
fn a_draft_without_an_instance_from_an_older_build_is_kept_and_named() {
    let kv = MemoryKv::with(&[("leaning-in.meta", r#"{"schema":1}"#), ("leaning-in.draft.journal-new", "OLD")]);
    let (store, _) = Store::open(&kv, NOW);
    assert_eq!(store.drafts_of("journal-new"), [("1".to_string(), "OLD".to_string())]);
    assert_eq!(kv.get("leaning-in.draft.journal-new"), None);
}

#[test]
fn a_tab_opened_before_another_tab_upgraded_the_store_stops_writing_at_once() {
    let kv = MemoryKv::default();
    let (old_tab, _) = Store::open(&kv, NOW);
    old_tab.save(&entry("e", "words")).unwrap();
    old_tab.save_draft("journal-new.a", "draft").unwrap();
    // A newer build in another tab raises the schema (it may encrypt everything).
    kv.set(META_KEY, &format!(r#"{{"schema":{}}}"#, SCHEMA + 1)).unwrap();
    let before = snapshot(&kv);
    assert!(old_tab.is_read_only());
    assert_eq!(old_tab.save(&entry("f", "plain text")), Err(SaveError::ReadOnly));
    assert_eq!(old_tab.save_draft("journal-new.a", "more"), Err(SaveError::ReadOnly));
    assert_eq!(old_tab.delete("journal", "e"), Err(SaveError::ReadOnly));
    old_tab.clear_draft("journal-new.a");
    assert_eq!(old_tab.update_prefs(|p| p.welcome_dismissed = true), Err(SaveError::ReadOnly));
    let plan = plan_import(&export(&[any(&entry("g", "x"))], NOW), &[], NOW).unwrap();
    assert_eq!(old_tab.apply_import(&plan).map_err(|f| f.error), Err(SaveError::ReadOnly));
    assert_eq!(snapshot(&kv), before, "nothing written, nothing removed");
}

#[test]
fn values_kept_aside_are_restored_once_this_build_can_read_them() {
    let readable = serde_json::to_string(&encode(&entry("r", "kept aside by an older build"))).unwrap();
    let kept = |raw: &str, key: &str| {
        serde_json::to_string(&Quarantined { key: key.into(), reason: "newer version".into(), found_at: 1, raw: raw.into() }).unwrap()
    };
    let taken = serde_json::to_string(&encode(&entry("t", "saved since"))).unwrap();
    let kv = MemoryKv::with(&[
        ("leaning-in.meta", r#"{"schema":1}"#),
        ("leaning-in.quarantine.rec.journal.r", &kept(&readable, "leaning-in.rec.journal.r")),
        ("leaning-in.quarantine.rec.journal.u", &kept("{still broken", "leaning-in.rec.journal.u")),
        ("leaning-in.quarantine.rec.journal.t", &kept(&readable.replace("\"r\"", "\"t\""), "leaning-in.rec.journal.t")),
        ("leaning-in.rec.journal.t", &taken),
    ]);
    let (_, opened) = Store::open(&kv, NOW);
    assert_eq!(opened.restored, 1);
    assert_eq!(opened.unreadable, 2, "the unreadable one and the one whose place is taken stay aside");
    assert_eq!(opened.records.len(), 2);
    assert_eq!(stored(&kv, "r").unwrap().text, "kept aside by an older build");
    assert_eq!(kv.get("leaning-in.quarantine.rec.journal.r"), None);
    assert_eq!(stored(&kv, "t").unwrap().text, "saved since", "a copy saved since is never replaced");
}

/// A store with some records, and a backup that adds some and replaces one.
fn import_case() -> (MemoryKv, String) {
    let kv = MemoryKv::default();
    let (store, _) = Store::open(&kv, NOW);
    let old = entry("keep", "here before");
    store.save(&old).unwrap();
    store.save(&entry("stay", "untouched")).unwrap();
    let newer = edited(&old, &"a newer copy ".repeat(40), NOW + 1000);
    let file: Vec<AnyRecord> = (0..6).map(|i| any(&entry(&format!("n{i}"), &"new words ".repeat(30)))).chain([any(&newer)]).collect();
    (kv, export(&file, NOW))
}

#[test]
fn an_import_that_fails_at_any_write_leaves_the_store_exactly_as_it_was() {
    let (kv, file) = import_case();
    let (store, opened) = Store::open(&kv, NOW);
    let plan = plan_import(&file, &opened.records, NOW).unwrap();
    assert_eq!((plan.new.len(), plan.replace.len()), (6, 1));
    let before = snapshot(&kv);
    for n in 0..7 {
        kv.fail_after.set(Some(n));
        let failed = store.apply_import(&plan).unwrap_err();
        assert_eq!(failed.error, SaveError::Full);
        assert_eq!(snapshot(&kv), before, "failing write {n}");
        assert!(failed.message().starts_with("Nothing was imported"));
        assert!(failed.short_by > 0);
    }
    kv.fail_after.set(None);
    assert_eq!(store.apply_import(&plan), Ok(7));
}

#[test]
fn an_import_too_large_for_the_quota_is_undone_and_says_how_much_room_it_needs() {
    let (mut kv, file) = import_case();
    kv.capacity = Some(kv.used_without("") + 150);
    let (store, opened) = Store::open(&kv, NOW);
    let before = snapshot(&kv);
    let plan = plan_import(&file, &opened.records, NOW).unwrap();
    let failed = store.apply_import(&plan).unwrap_err();
    assert_eq!(snapshot(&kv), before);
    let kb = failed.message();
    assert!(kb.contains("Free about ") && kb.contains(" KB"), "{kb}");
}

#[test]
fn a_confirmed_import_is_planned_again_and_never_replaces_a_newer_edit() {
    let (kv, file) = import_case();
    let (tab_a, opened) = Store::open(&kv, NOW);
    let shown = plan_import(&file, &opened.records, NOW).unwrap();
    assert_eq!(shown.replace.len(), 1, "the file's copy of 'keep' is newer right now");
    // Meanwhile another tab saves an even newer edit of that entry.
    let (tab_b, _) = Store::open(&kv, NOW);
    let latest = edited(&stored(&kv, "keep").unwrap(), "edited in tab B just now", NOW + 5000);
    tab_b.save(&latest).unwrap();
    let Err(NotImported::Changed(fresh)) = tab_a.import_confirmed(&file, &shown, NOW) else { panic!("must ask again") };
    assert_eq!(fresh.replace.len(), 0);
    assert_eq!(stored(&kv, "keep"), Some(latest.clone()), "nothing written before asking again");
    assert_eq!(tab_a.import_confirmed(&file, &fresh, NOW), Ok(6));
    assert_eq!(stored(&kv, "keep"), Some(latest));
}

/// Two tabs over one store, driven at random: saves, edits from stale copies,
/// deletes, undos and imports. Every stored record must always be the version
/// the person was last told was saved: no update is lost without asking.
#[test]
fn two_tabs_interleaving_at_random_never_lose_an_acknowledged_update() {
    for seed in 1..=300u64 {
        let mut rng = XorShift::new(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let mut next = move |n: u64| rng.next() % n;
        let kv = MemoryKv::default();
        let tabs = [Store::open(&kv, NOW).0, Store::open(&kv, NOW).0];
        // What each tab's form started from, and each tab's undo stack.
        let mut views: [BTreeMap<String, JournalEntry>; 2] = Default::default();
        let mut undos: [Vec<Removed>; 2] = Default::default();
        // The version the person was last told is saved (None: told it was deleted).
        let mut told: BTreeMap<String, Option<JournalEntry>> = BTreeMap::new();
        let ids = ["a", "b", "c"];
        for step in 0..60i64 {
            let clock = NOW + step * 10;
            let t = next(2) as usize;
            let id = ids[next(3) as usize].to_string();
            match next(6) {
                0 => {
                    // Open a form on what is stored now.
                    if let Some(e) = stored(&kv, &id) {
                        views[t].insert(id.clone(), e);
                    }
                }
                1 => {
                    // Save an edit from this tab's (maybe stale) copy, or a new entry.
                    let (mine, expect) = match views[t].get(&id) {
                        Some(base) => (edited(base, &format!("tab {t} at {step}"), clock), Expect::Updated(base.updated)),
                        None => (JournalEntry { updated: clock, ..entry(&id, &format!("new in tab {t}")) }, Expect::Absent),
                    };
                    match tabs[t].save_expecting(&mine, expect) {
                        Ok(()) => {
                            let before = told.get(&id).cloned().flatten();
                            match expect {
                                Expect::Updated(at) => assert_eq!(before.map(|b| b.updated), Some(at), "seed {seed} step {step}"),
                                Expect::Absent => assert_eq!(before, None, "seed {seed} step {step}"),
                            }
                            told.insert(id.clone(), Some(mine.clone()));
                            views[t].insert(id.clone(), mine);
                        }
                        // The person is shown both versions and chooses.
                        Err(SaveFailure::Stale(stale)) => {
                            let theirs = match stale {
                                Stale::Changed(theirs) => theirs,
                                Stale::Deleted => None,
                            };
                            match (next(2), theirs) {
                                (0, Some(theirs)) => {
                                    let keep_mine = JournalEntry { updated: clock.max(theirs.updated + 1), ..mine };
                                    tabs[t].save_expecting(&keep_mine, Expect::Updated(theirs.updated)).unwrap();
                                    told.insert(id.clone(), Some(keep_mine.clone()));
                                    views[t].insert(id.clone(), keep_mine);
                                }
                                (_, Some(theirs)) => {
                                    views[t].insert(id.clone(), theirs);
                                }
                                (_, None) => {
                                    views[t].remove(&id);
                                }
                            }
                        }
                        Err(SaveFailure::Store(e)) => panic!("{e:?}"),
                    }
                }
                2 => {
                    if let Some(removed) = tabs[t].delete("journal", &id).unwrap() {
                        undos[t].push(removed);
                        told.insert(id.clone(), None);
                    }
                }
                3 => {
                    if let Some(removed) = undos[t].pop() {
                        let key = removed.values[0].0.clone();
                        let rid = parse_record_key(&key).unwrap().1.to_string();
                        let before = snapshot(&kv);
                        match tabs[t].restore(&removed) {
                            Ok(()) => {
                                assert_eq!(told.get(&rid).cloned().flatten(), None, "seed {seed}: undo only where it is gone");
                                told.insert(rid.clone(), stored(&kv, &rid));
                            }
                            Err(_) => assert_eq!(snapshot(&kv), before, "a refused undo writes nothing"),
                        }
                    }
                }
                4 => {
                    // Import a file holding an older or a newer copy of one record.
                    let base = told.get(&id).cloned().flatten().unwrap_or_else(|| entry(&id, "from a backup"));
                    let copy = JournalEntry { text: format!("backup {step}"), updated: base.updated + next(40) as i64 - 20, ..base };
                    let file = export(&[any(&copy)], clock);
                    let shown = plan_import(&file, &tabs[1 - t].all_records(), clock).unwrap();
                    // The other tab may save in between; the import must notice.
                    if next(2) == 0 {
                        if let Some(Some(current)) = told.get(&id).cloned() {
                            let newer = edited(&current, "saved while the summary was open", clock + 5);
                            tabs[1 - t].save_expecting(&newer, Expect::Updated(current.updated)).unwrap();
                            told.insert(id.clone(), Some(newer));
                        }
                    }
                    let result = match tabs[t].import_confirmed(&file, &shown, clock) {
                        Err(NotImported::Changed(fresh)) => tabs[t].import_confirmed(&file, &fresh, clock).map(|_| fresh),
                        other => other.map(|_| shown),
                    };
                    let applied = result.unwrap();
                    for r in applied.to_write() {
                        let previous = told.get(&r.id).cloned().flatten();
                        assert!(previous.as_ref().is_none_or(|p| r.updated_at > p.updated), "seed {seed}: an import replaced a newer copy");
                        told.insert(r.id.clone(), stored(&kv, &r.id));
                    }
                }
                _ => {
                    views[t].remove(&id);
                }
            }
            for id in ids {
                assert_eq!(stored(&kv, id), told.get(id).cloned().flatten(), "seed {seed} step {step}: {id}");
            }
        }
    }
}
