//! Ten years of daily writing fit in the strictest engine's allowance (WebKit's
//! 5 MiB, counted as it counts), with the lock on and off; and with the lock on,
//! storage shows nothing but how many values there are and their padded sizes.

use std::collections::HashSet;

use super::sealed::*;
use super::sealed_tests::{cipher, new_lock};
use super::*;
use crate::domain::backup::{export, plan_import};
use crate::domain::quota::QUOTA_BYTES;
use crate::sample_history::ten_years;
use crate::test_support::counter;

const END: i64 = 2_080_000_000_000;

/// The history imported into `kv` through `store`; what it costs, as WebKit counts.
fn import_all<K: Kv>(store: &Store<K>) -> usize {
    let records = ten_years(END);
    let plan = plan_import(&export(&records, END), &[], END).unwrap();
    assert_eq!(store.apply_import(&plan), Ok(records.len()));
    store.usage().0
}

#[test]
fn ten_years_of_daily_writing_fit_in_five_mib_with_the_lock_off() {
    let kv = MemoryKv::default();
    let used = import_all(&Store::reopen(&kv, false));
    println!("ten years, lock off: {used} bytes ({:.0}% of 5 MiB)", used as f64 * 100.0 / QUOTA_BYTES as f64);
    assert!(used < QUOTA_BYTES, "{used}");
    assert_eq!(Store::open(&kv, END).1.records.len(), ten_years(END).len());
}

#[test]
fn ten_years_fit_with_the_lock_on_and_storage_shows_nothing_but_a_count() {
    let kv = MemoryKv::default();
    let (key, lock) = new_lock(&mut counter(7));
    turn_on(&kv, &lock, cipher(key.clone(), &lock)).unwrap();
    let store = Store::reopen(Sealed::with(&kv, cipher(key, &lock)), false);
    store.save_draft("journal-new.lx2k9p3-4k", r#"{"text":"half a thought about Sunday"}"#).unwrap();
    let used = import_all(&store);
    println!("ten years, lock on: {used} bytes ({:.0}% of 5 MiB)", used as f64 * 100.0 / QUOTA_BYTES as f64);
    assert!(used < QUOTA_BYTES, "{used}");

    let records = ten_years(END);
    // Kinds, ids, times as the records hold them, and words the person wrote.
    let mut telling: HashSet<String> = ["journal", "check", "step", "draft", "rec.", "lx2k9p3", "Sunday", "Priya", "burden", "気持ち"].map(String::from).into();
    telling.extend(records.iter().map(|r| r.id.clone()));
    telling.extend(records.iter().map(|r| r.updated_at.to_string()[..9].to_string()));
    let telling: HashSet<&[u8]> = telling.iter().map(|t| t.as_bytes()).collect();
    let lengths: HashSet<usize> = telling.iter().map(|t| t.len()).collect();
    let mut names = 0;
    for (k, v) in kv.map.borrow().iter() {
        if [LOCK_KEY, META_KEY, PREFS_KEY].contains(&k.as_str()) {
            continue;
        }
        names += 1;
        assert!(is_hidden(k) && crate::crypto::is_sealed(v), "{k}");
        for text in [k, v] {
            for len in &lengths {
                if let Some(found) = text.as_bytes().windows(*len).find(|w| telling.contains(w)) {
                    panic!("{k} shows {:?}", String::from_utf8_lossy(found));
                }
            }
        }
    }
    assert_eq!(names, records.len() + 1, "one value for each record and the draft: a count, and nothing else");
    let (_, opened) = Store::open(&store.kv, END);
    assert_eq!((opened.records.len(), opened.unreadable), (records.len(), 0));
}

/// The same ten years as schema 2 stored them (JSON; with the lock on, base64
/// of the sealed JSON under readable names), for comparison: over the limit.
#[test]
fn the_same_ten_years_did_not_fit_in_schema_2() {
    use crate::domain::quota::cost;
    let records = ten_years(END);
    let (mut units, mut webkit, mut sealed_units) = (0, 0, 0);
    for r in &records {
        let key = record_key(&r.kind, &r.id);
        let json = serde_json::to_string(&r.value).unwrap();
        units += key.encode_utf16().count() + json.encode_utf16().count();
        webkit += cost(&key) + cost(&json);
        // `sealed:1:` and base64 of nonce, ciphertext and tag.
        sealed_units += key.len() + "sealed:1:".len() + (12 + json.len() + 16).div_ceil(3) * 4;
    }
    let n = records.len();
    println!("schema 2, lock off: {} units a record (Chromium, Firefox), {} bytes (WebKit); lock on: {} a record on both", units / n, webkit / n, sealed_units / n);
    assert!(webkit > QUOTA_BYTES && sealed_units > QUOTA_BYTES, "ten years never fitted before");
}

/// Where opening ten years goes, natively (release): `cargo test --release --lib open_profile -- --ignored --nocapture`.
#[test]
#[ignore]
fn open_profile() {
    use std::time::Instant;
    let kv = MemoryKv::default();
    let (key, lock) = new_lock(&mut counter(7));
    turn_on(&kv, &lock, cipher(key.clone(), &lock)).unwrap();
    let store = Store::reopen(Sealed::with(&kv, cipher(key.clone(), &lock)), false);
    import_all(&store);
    let plain = MemoryKv::default();
    import_all(&Store::reopen(&plain, false));
    for (label, run) in [
        ("plain entries()", Box::new(|| { plain.entries(); }) as Box<dyn Fn()>),
        ("plain Store::open", Box::new(|| { Store::open(&plain, END); })),
        ("plain unpack all", Box::new(|| { for e in plain.entries() { super::packed::unpack(&e.value).unwrap(); } })),
        ("plain unpack + parse all", Box::new(|| { for e in plain.entries() { let j = super::packed::unpack(&e.value).unwrap(); let _: serde_json::Value = serde_json::from_str(&j).unwrap(); } })),
        ("sealed entries()", Box::new(|| { Sealed::with(&kv, cipher(key.clone(), &lock)).entries(); })),
        ("sealed Store::open", Box::new(|| { Store::open(Sealed::with(&kv, cipher(key.clone(), &lock)), END); })),
    ] {
        let t0 = Instant::now();
        run();
        println!("{label}: {:?}", t0.elapsed());
    }
}

