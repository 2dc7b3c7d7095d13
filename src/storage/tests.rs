//! Native tests of the store against `MemoryKv`.

use std::collections::BTreeMap;

use super::*;
use crate::domain::backup::{export, plan_import};
use crate::domain::journal::{tests::entry, JournalEntry};

pub(super) const NOW: i64 = 1_764_000_000_000;

pub(super) fn snapshot(kv: &MemoryKv) -> BTreeMap<String, String> {
    kv.map.borrow().clone()
}

/// Loads a frozen fixture from tests/fixtures into a MemoryKv.
pub(super) fn fixture(name: &str) -> MemoryKv {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let kv = MemoryKv::default();
    for (k, v) in doc["localStorage"].as_object().unwrap() {
        kv.map.borrow_mut().insert(k.clone(), v.as_str().unwrap().to_string());
    }
    kv
}

#[test]
fn a_fresh_store_writes_nothing_until_its_first_save_which_records_the_schema() {
    let kv = MemoryKv::default();
    let (store, opened) = Store::open(&kv, NOW);
    assert!(opened.records.is_empty());
    assert_eq!((opened.unreadable, opened.newer_schema), (0, None));
    assert!(!store.is_read_only());
    assert!(kv.keys().is_empty(), "opening alone writes nothing");
    store.save(&entry("a", "first")).unwrap();
    assert_eq!(kv.get(META_KEY), Some(format!(r#"{{"schema":{SCHEMA}}}"#)));
}

#[test]
fn after_deleting_everything_reopening_leaves_the_store_empty() {
    let kv = fixture("store-schema-1.json");
    let (store, _) = Store::open(&kv, NOW);
    store.delete_everything();
    let (_, opened) = Store::open(&kv, NOW);
    assert!(opened.records.is_empty());
    assert_eq!(kv.keys(), ["someone-elses-key"]);
}

#[test]
fn every_old_schema_fixture_opens_with_all_its_records() {
    for schema in 1..=SCHEMA {
        let kv = fixture(&format!("store-schema-{schema}.json"));
        let (store, opened) = Store::open(&kv, NOW);
        assert_eq!(opened.unreadable, 0, "schema {schema}");
        assert_eq!(opened.records.len(), 2, "schema {schema}");
        let second: JournalEntry = records::decode(&opened.records[1].value).unwrap();
        assert_eq!(second.text, "Told Sam I was having a rough day. She just listened. 🌱");
        // Drafts from before forms had instances are named, and offered like any other.
        assert_eq!(store.drafts_of("journal"), [("1".to_string(), r#"{"text":"half a thought"}"#.to_string())]);
        assert_eq!(store.prefs().last_backup_at, Some(1_763_000_000_000));
        assert_eq!(kv.get("someone-elses-key").as_deref(), Some("not ours"));
        assert_eq!(kv.get(META_KEY), Some(format!(r#"{{"schema":{SCHEMA}}}"#)), "migrated to the current schema");
        assert_eq!(opened.unsettled > 0, schema < 3, "schema {schema}: values to write again");
        store.settle().unwrap();
        let (_, settled) = Store::open(&kv, NOW);
        assert_eq!((settled.records.len(), settled.unsettled), (2, 0), "schema {schema}, packed");
        for (k, v) in kv.map.borrow().iter().filter(|(k, _)| sealed::holds_words(k)) {
            assert!(packed::is_packed(v), "{k} is packed");
        }
    }
}

#[test]
fn unreadable_records_are_kept_aside_exactly_as_they_were() {
    let good = serde_json::to_string(&encode(&entry("ok", "fine"))).unwrap();
    let mut newer = encode(&entry("nv", "from the future"));
    newer["v"] = 99.into();
    let newer = serde_json::to_string(&newer).unwrap();
    let kv = MemoryKv::with(&[
        ("leaning-in.meta", r#"{"schema":1}"#),
        ("leaning-in.rec.journal.ok", &good),
        ("leaning-in.rec.journal.bad", "{not json"),
        ("leaning-in.rec.journal.shape", r#"{"v":1,"id":"shape","text":42}"#),
        ("leaning-in.rec.journal.nv", &newer),
        ("leaning-in.rec.journal.mismatch", &good),
    ]);
    let (store, opened) = Store::open(&kv, NOW);
    assert_eq!(opened.records.len(), 1);
    assert_eq!(opened.unreadable, 4);
    let kept = store.quarantined();
    assert_eq!(kept.len(), 4);
    let raw_of = |key: &str| kept.iter().find(|q| q.key == key).map(|q| q.raw.clone());
    assert_eq!(raw_of("leaning-in.rec.journal.bad").as_deref(), Some("{not json"));
    assert_eq!(raw_of("leaning-in.rec.journal.nv"), Some(newer));
    assert!(kept.iter().any(|q| q.reason.contains("newer version")));
    // Their original keys are free, the good record is untouched.
    assert_eq!(kv.get("leaning-in.rec.journal.bad"), None);
    assert_eq!(kv.get("leaning-in.rec.journal.ok").and_then(|v| json_of(&v)), serde_json::from_str(&good).ok());

    // A second start finds the same count and does not duplicate anything.
    let (_, again) = Store::open(&kv, NOW + 1);
    assert_eq!(again.unreadable, 4);
    assert_eq!(kv.keys().iter().filter(|k| k.contains("quarantine")).count(), 4);
}

#[test]
fn an_unreadable_record_stays_in_place_when_there_is_no_room_to_move_it() {
    let mut kv = MemoryKv::with(&[("leaning-in.meta", r#"{"schema":1}"#), ("leaning-in.rec.journal.bad", "{oops")]);
    kv.capacity = Some(kv.used_without(""));
    let (_, opened) = Store::open(&kv, NOW);
    assert_eq!(kv.get("leaning-in.rec.journal.bad").as_deref(), Some("{oops"));
    assert_eq!(opened.records.len(), 0);
    assert_eq!(opened.unreadable, 1, "still counted, so the person is told");
}

#[test]
fn a_store_from_a_newer_build_is_read_only_and_untouched() {
    let kv = MemoryKv::with(&[
        ("leaning-in.meta", r#"{"schema":7}"#),
        ("leaning-in.rec.journal.x", r#"{"v":7,"new":"layout"}"#),
    ]);
    let before = snapshot(&kv);
    let (store, opened) = Store::open(&kv, NOW);
    assert_eq!(opened.newer_schema, Some(7));
    assert_eq!(opened.unreadable, 1);
    assert_eq!(store.save(&entry("y", "new")), Err(SaveError::ReadOnly));
    assert_eq!(store.save_draft("journal", "{}"), Err(SaveError::ReadOnly));
    assert_eq!(store.delete("journal", "x"), Err(SaveError::ReadOnly));
    assert_eq!(snapshot(&kv), before);
}

#[test]
fn a_damaged_meta_key_is_kept_aside_and_the_store_still_opens() {
    let kv = MemoryKv::with(&[("leaning-in.meta", "garbage")]);
    let (store, opened) = Store::open(&kv, NOW);
    assert_eq!(opened.unreadable, 1);
    assert_eq!(store.quarantined()[0].raw, "garbage");
    assert!(!store.is_read_only());
}

#[test]
fn saving_writes_exactly_one_key_however_much_is_stored() {
    let kv = MemoryKv::default();
    let (store, _) = Store::open(&kv, NOW);
    for i in 0..300 {
        store.save(&entry(&format!("e{i}"), "a day")).unwrap();
    }
    let before = snapshot(&kv);
    store.save(&entry("new", "one more")).unwrap();
    let after = snapshot(&kv);
    let changed: Vec<_> = after.iter().filter(|(k, v)| before.get(*k) != Some(v)).map(|(k, _)| k).collect();
    assert_eq!(changed, ["leaning-in.rec.journal.new"]);
}

#[test]
fn a_full_store_refuses_the_save_and_damages_nothing() {
    let mut kv = MemoryKv::default();
    {
        let (store, _) = Store::open(&kv, NOW);
        store.save(&entry("old", "kept safe")).unwrap();
        store.save_draft("journal.1", r#"{"text":"typed"}"#).unwrap();
    }
    kv.capacity = Some(kv.used_without("") + 10);
    let before = snapshot(&kv);
    let (store, _) = Store::open(&kv, NOW);
    let big = entry("new", &"words ".repeat(100));
    assert_eq!(store.save(&big), Err(SaveError::Full));
    assert_eq!(snapshot(&kv), before);
    assert_eq!(store.draft("journal.1").as_deref(), Some(r#"{"text":"typed"}"#));
    assert!(SaveError::Full.remedy().contains("Exporting a backup"));
}

#[test]
fn two_tabs_saving_at_once_never_drop_each_others_records() {
    let kv = MemoryKv::default();
    let (tab_a, _) = Store::open(&kv, NOW);
    let (tab_b, _) = Store::open(&kv, NOW);
    for i in 0..20 {
        tab_a.save(&entry(&format!("a{i}"), "from tab a")).unwrap();
        tab_b.save(&entry(&format!("b{i}"), "from tab b")).unwrap();
    }
    let (_, opened) = Store::open(&kv, NOW);
    assert_eq!(opened.records.len(), 40);
}

#[test]
fn prefs_update_one_field_without_undoing_another_tabs_change() {
    let kv = MemoryKv::default();
    let (tab_a, _) = Store::open(&kv, NOW);
    let (tab_b, _) = Store::open(&kv, NOW);
    tab_a.update_prefs(|p| p.welcome_dismissed = true).unwrap();
    tab_b.update_prefs(|p| p.last_backup_at = Some(5)).unwrap();
    let prefs = tab_a.prefs();
    assert!(prefs.welcome_dismissed);
    assert_eq!(prefs.last_backup_at, Some(5));
}

#[test]
fn drafts_are_saved_restored_and_cleared() {
    let kv = MemoryKv::default();
    let (store, _) = Store::open(&kv, NOW);
    assert_eq!(store.draft("journal"), None);
    store.save_draft("journal", "{\"text\":\"a\"}").unwrap();
    assert_eq!(store.draft("journal").as_deref(), Some("{\"text\":\"a\"}"));
    store.clear_draft("journal");
    assert_eq!(store.draft("journal"), None);
}

#[test]
fn export_delete_import_restores_identical_data() {
    let kv = fixture("store-schema-1.json");
    let (store, opened) = Store::open(&kv, NOW);
    let records_before: BTreeMap<_, _> =
        kv.map.borrow().iter().filter(|(k, _)| k.contains(".rec.")).map(|(k, v)| (k.clone(), v.clone())).collect();
    let backup = export(&store.all_records(), NOW);
    assert_eq!(store.delete_everything(), 6 - 1, "every app key, and only app keys");
    assert_eq!(kv.keys(), ["someone-elses-key"]);

    let (store, empty) = Store::open(&kv, NOW);
    assert!(empty.records.is_empty());
    let plan = plan_import(&backup, &empty.records, NOW).unwrap();
    assert_eq!(plan.new.len(), opened.records.len());
    assert_eq!(store.apply_import(&plan), Ok(2));
    let records_after: BTreeMap<_, _> =
        kv.map.borrow().iter().filter(|(k, _)| k.contains(".rec.")).map(|(k, v)| (k.clone(), v.clone())).collect();
    let parse = |m: &BTreeMap<String, String>| -> Vec<(String, Value)> {
        m.iter().map(|(k, v)| (k.clone(), json_of(v).unwrap())).collect()
    };
    assert_eq!(parse(&records_after), parse(&records_before));

    // Importing the same file again changes nothing.
    let (store, opened) = Store::open(&kv, NOW);
    let plan = plan_import(&backup, &opened.records, NOW).unwrap();
    assert_eq!((plan.new.len(), plan.already_present), (0, 2));
    assert_eq!(store.apply_import(&plan), Ok(0));
}

#[test]
fn a_failed_import_changes_nothing() {
    let kv = fixture("store-schema-1.json");
    let (store, opened) = Store::open(&kv, NOW);
    let good = crate::domain::backup::export(&opened.records, NOW);
    let shown = plan_import(&good, &opened.records, NOW).unwrap();
    let before = snapshot(&kv);
    // Through the store, as at confirm: the file is read again and refused whole.
    for bad in ["", "{", "[]", r#"{"format":"leaning-in-backup","version":9,"exported_at":0,"records":{}}"#] {
        assert!(matches!(store.import_confirmed(bad, &shown, NOW), Err(NotImported::Invalid(_))), "{bad:?}");
        assert_eq!(snapshot(&kv), before);
    }
}

#[test]
fn usage_counts_bytes_as_webkit_does_for_the_app_and_the_origin() {
    let kv = MemoryKv::with(&[("leaning-in.x", "🌱"), ("other", "ab’")]);
    let (store, _) = Store::open(&kv, NOW);
    let meta_len = META_KEY.len() + r#"{"schema":1}"#.len();
    // The seedling is two UTF-16 units at two bytes each; "ab’" is three units at two bytes.
    assert_eq!(store.usage(), (12 + 4 + meta_len, 12 + 4 + meta_len + 5 + 6));
}

#[test]
fn the_crisis_region_is_one_plain_setting_kept_only_when_it_is_a_region_code() {
    let kv = MemoryKv::default();
    let (store, _) = Store::open(&kv, NOW);
    assert_eq!(store.region(), None);
    store.set_region(Some("GB")).unwrap();
    assert_eq!((store.region().as_deref(), kv.get(REGION_KEY).as_deref()), (Some("GB"), Some("GB")));
    store.set_region(Some("<b>")).unwrap();
    assert_eq!(store.region().as_deref(), Some("GB"), "anything else is not written");
    kv.set(REGION_KEY, "gb; drop").unwrap();
    assert_eq!(store.region(), None, "a value that is not a code is not used");
    store.set_region(None).unwrap();
    assert_eq!(kv.get(REGION_KEY), None);
    store.set_region(Some("AT")).unwrap();
    store.delete_everything();
    assert_eq!(kv.get(REGION_KEY), None, "deleting everything takes the setting too");
}

#[test]
fn the_language_is_one_plain_setting_kept_only_when_it_is_a_language_tag() {
    let kv = MemoryKv::default();
    let (store, _) = Store::open(&kv, NOW);
    assert_eq!(store.language(), None);
    store.set_language(Some("pt-BR")).unwrap();
    assert_eq!(kv.get(LANGUAGE_KEY).as_deref(), Some("pt-BR"));
    store.set_language(Some("de\"><script>")).unwrap();
    assert_eq!(store.language().as_deref(), Some("pt-BR"), "anything else is not written");
    store.set_language(None).unwrap();
    assert_eq!(store.language(), None);
}
