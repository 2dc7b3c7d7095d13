//! The lock's key derivation: Argon2id (RustCrypto) over the passphrase in
//! Unicode normal form C, within caps. The app's native tests call `derive`
//! directly; in the browser it runs only in a dedicated worker (`worker.rs`,
//! built as `kdf.wasm`), so the page stays responsive and the memory Argon2
//! needs lives in a wasm instance of its own that is thrown away after each use.

use zeroize::Zeroizing;

#[cfg(all(target_arch = "wasm32", feature = "worker"))]
mod worker;

pub const KEY_LEN: usize = 32;

/// The most memory a KDF record may ask for: 256 MiB, in KiB. A record from a
/// file or from storage is checked against these caps before anything runs, so
/// a crafted one cannot make a phone hash for minutes or run out of memory.
pub const MAX_MEMORY_KIB: u32 = 256 * 1024;
/// The most passes and lanes a KDF record may ask for.
pub const MAX_PASSES: u32 = 10;
pub const MAX_LANES: u32 = 4;

/// Why no key was derived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KdfError {
    /// Settings outside the caps: nothing was run.
    OutOfRange,
}

/// Whether Argon2id with `m` KiB, `t` passes and `p` lanes is within the caps.
pub fn check(m: u32, t: u32, p: u32) -> Result<(), KdfError> {
    let lanes_ok = (1..=MAX_LANES).contains(&p);
    let memory_ok = m >= 8 * p && m <= MAX_MEMORY_KIB;
    match lanes_ok && memory_ok && (1..=MAX_PASSES).contains(&t) {
        true => Ok(()),
        false => Err(KdfError::OutOfRange),
    }
}

/// The 256-bit key for `passphrase` and `salt` under Argon2id (version 0x13).
/// The passphrase is taken in Unicode normal form C, so "é" typed as one
/// character (a Mac) or as "e" and an accent (some phone keyboards) gives the
/// same key. (The worker normalises with the browser's own
/// `String.prototype.normalize` and calls `derive_normalized`, which keeps
/// Unicode's tables out of kdf.wasm.)
#[cfg(feature = "nfc")]
pub fn derive(passphrase: &str, salt: &[u8], m: u32, t: u32, p: u32) -> Result<Zeroizing<[u8; KEY_LEN]>, KdfError> {
    use unicode_normalization::UnicodeNormalization;
    let normal = Zeroizing::new(passphrase.nfc().collect::<String>());
    derive_normalized(normal.as_bytes(), salt, m, t, p)
}

/// `derive` for a passphrase already in normal form C, as UTF-8. Argon2's
/// memory is allocated once, before any hashing.
pub fn derive_normalized(passphrase: &[u8], salt: &[u8], m: u32, t: u32, p: u32) -> Result<Zeroizing<[u8; KEY_LEN]>, KdfError> {
    check(m, t, p)?;
    let params = argon2::Params::new(m, t, p, Some(KEY_LEN)).map_err(|_| KdfError::OutOfRange)?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    argon.hash_password_into(passphrase, salt, out.as_mut()).map_err(|_| KdfError::OutOfRange)?;
    Ok(out)
}
