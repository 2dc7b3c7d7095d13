//! Known-answer tests for each primitive, from their published sources, and
//! the rules built on them.

use super::*;

fn hex(s: &str) -> Vec<u8> {
    let s: String = s.split_whitespace().collect();
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

/// A deterministic stand-in for `crypto.getRandomValues`: a counter.
fn counter() -> impl FnMut(&mut [u8]) {
    let mut n = 0u8;
    move |buf: &mut [u8]| {
        for b in buf {
            n = n.wrapping_add(1);
            *b = n;
        }
    }
}

/// A weak but fast KDF for tests of the rules (not of Argon2 itself).
fn quick_kdf() -> Kdf {
    Kdf { name: "argon2id".into(), m: 64, t: 1, p: 1 }
}

#[test]
fn argon2id_matches_rfc_9106_section_5_3() {
    // RFC 9106, 5.3: Argon2id, version 0x13, t=3, m=32 KiB, p=4, with secret and
    // associated data.
    let params = argon2::ParamsBuilder::new()
        .m_cost(32)
        .t_cost(3)
        .p_cost(4)
        .output_len(32)
        .data(argon2::AssociatedData::new(&[4; 12]).unwrap())
        .build()
        .unwrap();
    let argon = argon2::Argon2::new_with_secret(&[3; 8], argon2::Algorithm::Argon2id, argon2::Version::V0x13, params).unwrap();
    let mut tag = [0u8; 32];
    argon.hash_password_into(&[1; 32], &[2; 16], &mut tag).unwrap();
    assert_eq!(tag.to_vec(), hex("0d 64 0d f5 8d 78 76 6c 08 c0 37 a3 4a 8b 53 c9 d0 1e f0 45 2d 75 b6 5e b5 25 20 e9 6b 01 e6 59"));
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

    let key: [u8; 32] = hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308").try_into().unwrap();
    let key = SecretKey::from_bytes(Zeroizing::new(key));
    let plain = hex(
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72
         1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
    );
    let aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    let iv: [u8; 12] = hex("cafebabefacedbaddecaf888").try_into().unwrap();
    let sealed = key.seal(&aad, &plain, iv);
    let expected = hex(
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa
         8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662
         76fc6ece0f4e1768cddf8853bb2d551b",
    );
    assert_eq!(sealed[..12], iv);
    assert_eq!(sealed[12..].to_vec(), expected, "case 16: ciphertext and tag");
    assert_eq!(key.open(&aad, &sealed).unwrap(), plain);
    let mut altered = sealed.clone();
    altered[20] ^= 1;
    assert_eq!(key.open(&aad, &altered), Err(CryptoError::Damaged));
    assert_eq!(key.open(b"other aad", &sealed), Err(CryptoError::Damaged));
}

#[test]
fn a_sealed_value_opens_only_at_its_own_place() {
    let mut random = counter();
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
    let mut random = counter();
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
    let mut random = counter();
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
