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
fn an_encrypted_backup_opens_only_with_its_passphrase() {
    let mut random = counter(1);
    let key = DataKey::random(&mut random);
    let lock = LockRecord::wrap(&key, "quiet river morning light", quick_kdf(), &mut random).unwrap();
    let plain = r#"{"format":"leaning-in-backup","version":1,"exported_at":1,"records":{"journal":[{"text":"Sam"}]}}"#;
    let file = EncryptedBackup::new(lock, key.seal_text(BACKUP_PLACE, plain, &mut random), 5).to_json();
    assert!(!file.contains("Sam"));
    let parsed = EncryptedBackup::parse(&file).expect("it is an encrypted backup");
    assert_eq!(parsed.open("quiet river morning light").unwrap(), plain);
    assert_eq!(parsed.open("quiet river morning"), Err(CryptoError::WrongPassphrase));
    let mut damaged = parsed.clone();
    damaged.data.replace_range(20..21, if &damaged.data[20..21] == "A" { "B" } else { "A" });
    assert_eq!(damaged.open("quiet river morning light"), Err(CryptoError::Damaged));
    assert!(EncryptedBackup::parse(plain).is_none(), "a plain backup is not an encrypted one");
}

#[test]
fn the_frozen_encrypted_backup_opens_with_its_passphrase() {
    let text = std::fs::read_to_string(format!("{}/tests/fixtures/backup-v2-encrypted.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let backup = EncryptedBackup::parse(&text).expect("the fixture is an encrypted backup");
    assert_eq!(backup.lock.kdf, Kdf::recommended());
    let plain = backup.open("correct horse battery staple").unwrap();
    let value: serde_json::Value = serde_json::from_str(&plain).unwrap();
    assert_eq!(value["version"], 1);
    assert_eq!(value["records"]["journal"].as_array().unwrap().len(), 2);
    assert!(plain.contains("Told Sam I was having a rough day."));
    assert!(backup.open("wrong horse battery staple").is_err());
}
