//! The key derivation against published known answers, natively. The same
//! vectors run against the worker's own build (`kdf.wasm`) in the end-to-end
//! tests (tests/e2e/kdf-worker.spec.mjs).

use leaning_in_kdf::{check, derive, KdfError, MAX_MEMORY_KIB};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The Argon2 reference implementation's test vectors (phc-winner-argon2,
/// src/test.c, version 0x13, Argon2id): "password" with "somesalt".
#[test]
fn argon2id_matches_the_reference_implementations_vectors() {
    let cases = [
        (1 << 16, 2, "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7"),
        (1 << 8, 2, "9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe"),
    ];
    for (m, t, expected) in cases {
        let key = derive("password", b"somesalt", m, t, 1).unwrap();
        assert_eq!(hex(key.as_ref()), expected, "m={m} t={t}");
    }
}

#[test]
fn settings_outside_the_caps_run_nothing() {
    for (m, t, p) in [(MAX_MEMORY_KIB + 1, 2, 1), (7, 1, 1), (64, 0, 1), (64, 11, 1), (64, 1, 0), (64, 1, 5)] {
        assert_eq!(check(m, t, p), Err(KdfError::OutOfRange), "{m} {t} {p}");
        assert!(derive("x", b"somesalt", m, t, p).is_err());
    }
    assert_eq!(check(MAX_MEMORY_KIB, 10, 4), Ok(()));
}

#[test]
fn an_accent_typed_either_way_gives_the_same_key() {
    let composed = derive("caf\u{e9}", b"somesalt", 64, 1, 1).unwrap();
    let decomposed = derive("cafe\u{301}", b"somesalt", 64, 1, 1).unwrap();
    assert_eq!(*composed, *decomposed);
}

/// The same value the worker's build must give (tests/e2e/kdf-worker.spec.mjs),
/// for "café au lait" typed either way: the app and its worker agree.
const CAFE_KEY: &str = "c13ff38cd3f27b82404dc7efdbe2312c1f4a56d7f38ecaf56b3fc9d0654c5b6c";

#[test]
fn the_worker_and_the_app_agree_on_a_passphrase_with_an_accent() {
    let key = derive("caf\u{e9} au lait", b"somesalt", 64, 1, 1).unwrap();
    assert_eq!(hex(key.as_ref()), CAFE_KEY);
}
