//! Known-answer tests for each primitive, from their published sources, and
//! the rules built on them.

use super::*;

use crate::test_support::{counter, quick_kdf};
use super::known_answers::{check_aes_256_gcm_case_16, check_argon2id_rfc_9106, hex};

#[test]
fn argon2id_matches_rfc_9106_section_5_3() {
    check_argon2id_rfc_9106();
}

#[test]
fn aes_256_gcm_matches_the_gcm_specification_test_cases() {
    // McGrew and Viega, "The Galois/Counter Mode of Operation", test cases 13, 14
    // and 16 (AES-256, 96-bit IV), the vectors NIST's GCM validation builds on.
    let zero_key = SecretKey::from_bytes(Zeroizing::new([0; 32]));
    let sealed = zero_key.seal(b"", b"", [0; 12]);
    assert_eq!(sealed[12..].to_vec(), hex("530f8afbc74536b9a963b4f1c4cb738b"), "case 13: tag of nothing");
    let sealed = zero_key.seal(b"", &[0; 16], [0; 12]);
    assert_eq!(sealed[12..].to_vec(), hex("cea7403d4d606b6e074ec5d3baf39d18 d0d1c8a799996bf0265b98b5d48ab919"), "case 14");

    let key = check_aes_256_gcm_case_16();
    let aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    let sealed = key.seal(&aad, b"some words", [9; 12]);
    let mut altered = sealed.clone();
    altered[20] ^= 1;
    assert_eq!(key.open(&aad, &altered), Err(CryptoError::Damaged));
    assert_eq!(key.open(b"other aad", &sealed), Err(CryptoError::Damaged));
}

#[test]
fn a_sealed_value_opens_only_at_its_own_place() {
    let mut random = counter(1);
    let key = DataKey::random(&mut random);
    let text = r#"{"text":"I went quiet when Sam asked about Sunday"}"#;
    let sealed = key.seal_text("leaning-in.rec.journal.a", text, &mut random);
    assert!(is_sealed(&sealed));
    assert!(!sealed.contains("Sam"), "nothing of the text shows");
    assert_eq!(key.open_text("leaning-in.rec.journal.a", &sealed).unwrap(), text);
    assert_eq!(key.open_text("leaning-in.rec.journal.b", &sealed), Err(CryptoError::Damaged), "copied to another key");
    let again = key.seal_text("leaning-in.rec.journal.a", text, &mut random);
    assert_ne!(again, sealed, "a fresh nonce every write");
    let mut tampered = sealed.into_bytes();
    let last = tampered.len() - 3;
    tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
    assert_eq!(key.open_text("leaning-in.rec.journal.a", &String::from_utf8(tampered).unwrap()), Err(CryptoError::Damaged));
    assert_eq!(key.open_text("x", "{\"plain\":1}"), Err(CryptoError::Damaged));
    assert_eq!(key.open_text("x", "sealed:1:!!!"), Err(CryptoError::Damaged));
}

#[test]
fn the_data_key_is_unwrapped_only_by_its_passphrase() {
    let mut random = counter(1);
    let key = DataKey::random(&mut random);
    let lock = LockRecord::wrap(&key, "quiet river morning light", quick_kdf(), &mut random).unwrap();
    let sealed = key.seal_text("k", "words", &mut random);
    let back = lock.unwrap("quiet river morning light").unwrap();
    assert_eq!(back.open_text("k", &sealed).unwrap(), "words");
    assert!(matches!(lock.unwrap("quiet river morning lights"), Err(CryptoError::WrongPassphrase)));
    assert!(matches!(lock.unwrap(""), Err(CryptoError::WrongPassphrase)));

    // Rewrapping under a new passphrase keeps the same data key.
    let rewrapped = LockRecord::wrap(&back, "a new phrase of words", quick_kdf(), &mut random).unwrap();
    assert_ne!(rewrapped.salt, lock.salt);
    assert_eq!(rewrapped.unwrap("a new phrase of words").unwrap().open_text("k", &sealed).unwrap(), "words");
    assert!(rewrapped.unwrap("quiet river morning light").is_err());

    let unknown = LockRecord { kdf: Kdf { name: "scrypt".into(), ..quick_kdf() }, ..lock.clone() };
    assert!(matches!(unknown.unwrap("quiet river morning light"), Err(CryptoError::UnknownKdf)));
    let round: LockRecord = serde_json::from_str(&serde_json::to_string(&lock).unwrap()).unwrap();
    assert_eq!(round, lock);
}

#[test]
fn the_recommended_kdf_is_at_least_owasps_minimum() {
    let kdf = Kdf::recommended();
    assert_eq!(kdf.name, "argon2id");
    assert!(kdf.m >= 19 * 1024 && kdf.t >= 2 && kdf.p >= 1);
}

#[test]
fn strength_hints_are_honest() {
    assert_eq!(strength("short"), Strength::TooShort);
    assert_eq!(strength("aaaaaaaaaaaa"), Strength::Weak);
    assert_eq!(strength("password"), Strength::Weak);
    assert_eq!(strength("river morning light"), Strength::Fair);
    assert_eq!(strength("quiet river morning light"), Strength::Strong);
    assert_eq!(strength("Tr0ub4dor&3xyzzy"), Strength::Strong);
    assert_eq!(strength("ünïcödé wörds hère ñow"), Strength::Strong);
}

#[test]
fn an_encrypted_backup_opens_only_with_its_passphrase_and_carries_no_device_key() {
    let mut random = counter(1);
    let device = DataKey::random(&mut random);
    let device_lock = LockRecord::wrap(&device, "quiet river morning light", quick_kdf(), &mut random).unwrap();
    let plain = r#"{"format":"leaning-in-backup","version":1,"exported_at":1,"records":{"journal":[{"text":"Sam"}]}}"#;
    let file = EncryptedBackup::seal(plain, "quiet river morning light", quick_kdf(), 5, &mut random).unwrap().to_json();
    assert!(!file.contains("Sam"));
    let parsed = EncryptedBackup::parse(&file).expect("it is an encrypted backup");
    assert_eq!(parsed.version, 3);
    assert!(!parsed.carries_device_key());
    assert_eq!(parsed.open("quiet river morning light").unwrap(), plain);
    assert_eq!(parsed.open("quiet river morning"), Err(CryptoError::WrongPassphrase));
    // Its key and salt are its own: nothing in it opens what the device seals.
    assert_ne!(parsed.lock.salt, device_lock.salt);
    let backup_key = parsed.key("quiet river morning light").unwrap();
    let on_device = device.seal_text("leaning-in.rec.journal.a", "words", &mut random);
    assert!(backup_key.open_text("leaning-in.rec.journal.a", &on_device).is_err());
    let second = EncryptedBackup::seal(plain, "quiet river morning light", quick_kdf(), 6, &mut random).unwrap();
    assert_ne!(second.lock.key, parsed.lock.key, "every backup has a key of its own");
    let mut damaged = parsed.clone();
    damaged.data.replace_range(20..21, if &damaged.data[20..21] == "A" { "B" } else { "A" });
    assert_eq!(damaged.open("quiet river morning light"), Err(CryptoError::Damaged));
    assert!(EncryptedBackup::parse(plain).is_none(), "a plain backup is not an encrypted one");
    let v4 = file.replace("\"version\":3", "\"version\":4");
    assert!(EncryptedBackup::parse(&v4).is_none(), "a version this build does not know");
}

#[test]
fn the_frozen_version_3_backup_opens_with_its_passphrase() {
    let text = std::fs::read_to_string(format!("{}/tests/fixtures/backup-v3-encrypted.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let backup = EncryptedBackup::parse(&text).expect("the fixture is an encrypted backup");
    assert_eq!(backup.version, 3);
    let plain = backup.open("correct horse battery staple").unwrap();
    let value: serde_json::Value = serde_json::from_str(&plain).unwrap();
    assert_eq!(value["records"]["journal"].as_array().unwrap().len(), 2);
    assert!(plain.contains("Told Sam I was having a rough day."));
    assert!(backup.open("wrong horse battery staple").is_err());
}

#[test]
fn kdf_settings_outside_the_caps_run_nothing() {
    let mut random = counter(1);
    let key = DataKey::random(&mut random);
    let lock = LockRecord::wrap(&key, "quiet river morning light", quick_kdf(), &mut random).unwrap();
    for (m, t, p) in [(MAX_KDF_MEMORY_KIB + 1, 2, 1), (u32::MAX, 1, 1), (19 * 1024, 0, 1), (19 * 1024, MAX_KDF_PASSES + 1, 1), (19 * 1024, 2, 0), (19 * 1024, 2, 16), (7, 1, 1)] {
        let kdf = Kdf { name: "argon2id".into(), m, t, p };
        assert_eq!(kdf.check(), Err(CryptoError::OutOfRange), "{m} KiB, t={t}, p={p}");
        let crafted = LockRecord { kdf, ..lock.clone() };
        assert!(matches!(crafted.unwrap("quiet river morning light"), Err(CryptoError::OutOfRange)));
    }
    assert_eq!(Kdf { m: MAX_KDF_MEMORY_KIB, ..quick_kdf() }.check(), Ok(()));
    assert_eq!(Kdf::recommended().check(), Ok(()));
}

#[test]
fn a_passphrase_opens_the_same_whichever_way_its_accents_were_typed() {
    let composed = "caf\u{e9} au lait le matin";
    let decomposed = "cafe\u{301} au lait le matin";
    assert_ne!(composed, decomposed);
    let mut random = counter(1);
    let key = DataKey::random(&mut random);
    let lock = LockRecord::wrap(&key, decomposed, quick_kdf(), &mut random).unwrap();
    let sealed = key.seal_text("k", "words", &mut random);
    assert_eq!(lock.unwrap(composed).unwrap().open_text("k", &sealed).unwrap(), "words");
    let salt = [5u8; SALT_LEN];
    assert_eq!(*quick_kdf().derive(composed, &salt).unwrap(), *quick_kdf().derive(decomposed, &salt).unwrap());
    assert_ne!(*quick_kdf().derive(composed, &salt).unwrap(), *quick_kdf().derive("cafe au lait le matin", &salt).unwrap());
}

#[test]
fn a_rotating_record_opens_both_keys_with_the_new_passphrase_only() {
    let mut random = counter(1);
    let old = DataKey::random(&mut random);
    let new = DataKey::random(&mut random);
    let under_old = old.seal_text("k", "old words", &mut random);
    let under_new = new.seal_text("k", "new words", &mut random);
    let lock = LockRecord::wrap_rotating(&new, Some(&old), "a new phrase of words", quick_kdf(), &mut random).unwrap();
    let ring = lock.open("a new phrase of words").unwrap();
    assert_eq!(ring.open_text("k", &under_old).unwrap(), "old words");
    assert_eq!(ring.open_text("k", &under_new).unwrap(), "new words");
    assert!(ring.is_current("k", &under_new) && !ring.is_current("k", &under_old));
    assert!(ring.seal_text("k", "x", &mut random).len() > 0 && ring.current.open_text("k", &ring.seal_text("k", "x", &mut random)).is_ok());
    assert!(lock.open("quiet river morning light").is_err());
    let done = lock.without_previous();
    assert!(done.open("a new phrase of words").unwrap().previous.is_none());
    assert!(!serde_json::to_string(&done).unwrap().contains("prev"), "older builds see the record they know");
    let mut swapped = lock.clone();
    swapped.prev = Some(lock.key.clone());
    assert!(swapped.open("a new phrase of words").is_err(), "the previous key cannot be swapped for the current one");
}

#[test]
fn the_frozen_encrypted_backup_opens_with_its_passphrase() {
    let text = std::fs::read_to_string(format!("{}/tests/fixtures/backup-v2-encrypted.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let backup = EncryptedBackup::parse(&text).expect("the fixture is an encrypted backup");
    assert_eq!(backup.lock.kdf, Kdf::first());
    let plain = backup.open("correct horse battery staple").unwrap();
    let value: serde_json::Value = serde_json::from_str(&plain).unwrap();
    assert_eq!(value["version"], 1);
    assert_eq!(value["records"]["journal"].as_array().unwrap().len(), 2);
    assert!(plain.contains("Told Sam I was having a rough day."));
    assert!(backup.open("wrong horse battery staple").is_err());
}

#[test]
fn hmac_and_hkdf_match_rfc_4231_and_rfc_5869() {
    super::known_answers::check_hmac_and_hkdf_sha_256();
}

#[test]
fn padding_leaves_only_a_bucket_and_comes_off_exactly() {
    for len in [0, 1, 62, 63, 64, 65, 127, 128, 1000] {
        let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
        let padded = pad(&bytes);
        assert_eq!(padded.len() % BUCKET, 0);
        assert!(padded.len() > len && padded.len() <= len + BUCKET);
        assert_eq!(unpad(&padded), Some(&bytes[..]));
    }
    assert_eq!(pad(&[1; 10]).len(), pad(&[1; 60]).len(), "a short value looks like a slightly longer one");
    assert_eq!(unpad(&[0; 64]), None);
    assert_eq!(unpad(&[0x80; 63]), None);
}

#[test]
fn padded_values_open_only_at_their_place_and_names_follow_the_key() {
    let mut random = counter(3);
    let key = DataKey::random(&mut random);
    let sealed = key.seal_padded("leaning-in.x.a", b"words", &mut random);
    assert_eq!(sealed.len(), NONCE_LEN + BUCKET + 16);
    assert_eq!(key.open_padded("leaning-in.x.a", &sealed).unwrap(), b"words");
    assert_eq!(key.open_padded("leaning-in.x.b", &sealed), Err(CryptoError::Damaged));

    let names = key.name_key();
    let name = names.name("leaning-in.rec.journal.abc");
    assert_eq!(name.len(), 22);
    assert!(name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    assert_eq!(name, key.name_key().name("leaning-in.rec.journal.abc"), "the same name every time");
    assert_ne!(name, names.name("leaning-in.rec.journal.abd"));
    assert_ne!(name, DataKey::random(&mut random).name_key().name("leaning-in.rec.journal.abc"), "a new key, new names");
}
