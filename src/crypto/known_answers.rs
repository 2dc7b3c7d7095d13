//! Published known answers for the primitives, as checks both test layers run:
//! natively (`crypto::tests`) and compiled to wasm in the browser
//! (`tests/browser.rs`), so neither build can get a primitive wrong unnoticed.
//! Nothing in the app calls these; they are left out of its wasm.

use zeroize::Zeroizing;

use super::SecretKey;

pub fn hex(s: &str) -> Vec<u8> {
    let s: String = s.split_whitespace().collect();
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex")).collect()
}

/// RFC 9106, section 5.3: Argon2id, version 0x13, t=3, m=32 KiB, p=4, with a
/// secret and associated data.
pub fn check_argon2id_rfc_9106() {
    let params = argon2::ParamsBuilder::new()
        .m_cost(32)
        .t_cost(3)
        .p_cost(4)
        .output_len(32)
        .data(argon2::AssociatedData::new(&[4; 12]).expect("12 bytes"))
        .build()
        .expect("valid parameters");
    let argon = argon2::Argon2::new_with_secret(&[3; 8], argon2::Algorithm::Argon2id, argon2::Version::V0x13, params).expect("valid secret");
    let mut tag = [0u8; 32];
    argon.hash_password_into(&[1; 32], &[2; 16], &mut tag).expect("hashes");
    assert_eq!(tag.to_vec(), hex("0d 64 0d f5 8d 78 76 6c 08 c0 37 a3 4a 8b 53 c9 d0 1e f0 45 2d 75 b6 5e b5 25 20 e9 6b 01 e6 59"));
}

/// McGrew and Viega, "The Galois/Counter Mode of Operation", test case 16
/// (AES-256, 96-bit IV, with associated data), the vectors NIST's GCM
/// validation builds on. Returns the key, for further checks.
pub fn check_aes_256_gcm_case_16() -> SecretKey {
    let key: [u8; 32] = hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308").try_into().expect("32 bytes");
    let key = SecretKey::from_bytes(Zeroizing::new(key));
    let plain = hex(
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72
         1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
    );
    let aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    let iv: [u8; 12] = hex("cafebabefacedbaddecaf888").try_into().expect("12 bytes");
    let sealed = key.seal(&aad, &plain, iv);
    let expected = hex(
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa
         8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662
         76fc6ece0f4e1768cddf8853bb2d551b",
    );
    assert_eq!(sealed[..12], iv);
    assert_eq!(sealed[12..].to_vec(), expected, "case 16: ciphertext and tag");
    assert_eq!(key.open(&aad, &sealed).expect("opens"), plain);
    key
}

/// RFC 4231 test case 2 (HMAC-SHA-256, key "Jefe") and RFC 5869 test cases 1
/// and 3 (HKDF-SHA-256, with and without salt and info): the two primitives
/// storage names are made with.
pub fn check_hmac_and_hkdf_sha_256() {
    use hmac::{Hmac, Mac};
    let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(b"Jefe").expect("any key length");
    mac.update(b"what do ya want for nothing?");
    assert_eq!(mac.finalize().into_bytes().to_vec(), hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"), "RFC 4231 case 2");

    let ikm = [0x0b; 22];
    let mut okm = [0u8; 42];
    hkdf::Hkdf::<sha2::Sha256>::new(Some(&hex("000102030405060708090a0b0c")), &ikm).expand(&hex("f0f1f2f3f4f5f6f7f8f9"), &mut okm).expect("42 bytes");
    assert_eq!(okm.to_vec(), hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"), "RFC 5869 case 1");
    hkdf::Hkdf::<sha2::Sha256>::new(None, &ikm).expand(&[], &mut okm).expect("42 bytes");
    assert_eq!(okm.to_vec(), hex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"), "RFC 5869 case 3");
}
