//! What the lock adds to schema 3's stored form: padded sealing, so a sealed
//! value's length shows only a bucket, and storage names that are keyed hashes,
//! so a name shows neither the kind of a value, nor its id, nor when it was
//! written. Both are standard constructions: ISO/IEC 7816-4 padding inside
//! AES-256-GCM, and HMAC-SHA-256 under a key HKDF-SHA-256 derives from the data
//! key (so a new data key, after a new passphrase, gives every value a new name).

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64_URL;
use base64::Engine;
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

use super::{CryptoError, DataKey, Random, KEY_LEN, NONCE_LEN};

/// Sealed lengths are multiples of this many bytes (before the nonce and tag).
pub const BUCKET: usize = 64;

/// HKDF's `info` for the naming key: names the purpose, so the data key never
/// serves two.
const NAMES_INFO: &[u8] = b"leaning-in/storage-names/1";

/// How many bytes of the HMAC a name keeps: 128 bits, so two of a person's
/// values never share a name.
const NAME_BYTES: usize = 16;

/// ISO/IEC 7816-4: one 0x80 byte, then zeros up to the next multiple of `BUCKET`.
pub fn pad(bytes: &[u8]) -> Vec<u8> {
    let mut padded = Vec::with_capacity((bytes.len() / BUCKET + 1) * BUCKET);
    padded.extend_from_slice(bytes);
    padded.push(0x80);
    padded.resize(padded.len().div_ceil(BUCKET) * BUCKET, 0);
    padded
}

/// The bytes `pad` was given, or `None` if the padding is not its own.
pub fn unpad(padded: &[u8]) -> Option<&[u8]> {
    let end = padded.iter().rposition(|&b| b != 0)?;
    (padded[end] == 0x80 && padded.len() % BUCKET == 0).then(|| &padded[..end])
}

impl DataKey {
    /// `plain` padded to its bucket and sealed under `place`:
    /// nonce, ciphertext and tag.
    pub fn seal_padded(&self, place: &str, plain: &[u8], random: Random) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        random(&mut nonce);
        self.0.seal(place.as_bytes(), &Zeroizing::new(pad(plain)), nonce)
    }

    /// What `seal_padded` sealed under `place`.
    pub fn open_padded(&self, place: &str, sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let padded = Zeroizing::new(self.0.open(place.as_bytes(), sealed)?);
        unpad(&padded).map(<[u8]>::to_vec).ok_or(CryptoError::Damaged)
    }

    /// The key storage names are made with, derived from this data key.
    pub fn name_key(&self) -> NameKey {
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        Hkdf::<Sha256>::new(None, self.0.bytes()).expand(NAMES_INFO, key.as_mut()).expect("32 bytes is a valid HKDF length");
        NameKey(key)
    }
}

/// Turns a value's own name into the name it is stored under.
pub struct NameKey(Zeroizing<[u8; KEY_LEN]>);

impl NameKey {
    /// 22 URL-safe characters: the first 128 bits of HMAC-SHA-256 of `name`.
    pub fn name(&self, name: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(self.0.as_ref()).expect("HMAC takes any key length");
        mac.update(name.as_bytes());
        B64_URL.encode(&mac.finalize().into_bytes()[..NAME_BYTES])
    }
}
