//! What the native tests share: deterministic stand-ins for the browser's
//! randomness, a fast KDF, and records as the store lists them.

use crate::crypto::Kdf;
use crate::domain::backup::AnyRecord;
use crate::domain::journal::JournalEntry;
use crate::domain::records::{encode, Record};

/// A deterministic stand-in for `crypto.getRandomValues`: a counter that moves
/// by `step` each byte.
pub fn counter(step: u8) -> Box<dyn FnMut(&mut [u8])> {
    let mut n = 0u8;
    Box::new(move |buf: &mut [u8]| {
        for b in buf {
            n = n.wrapping_add(step);
            *b = n;
        }
    })
}

/// A weak but fast KDF for tests of the rules (not of Argon2 itself).
pub fn quick_kdf() -> Kdf {
    Kdf { name: "argon2id".into(), m: 64, t: 1, p: 1 }
}

/// A journal entry as the store and backups list it.
pub fn any(e: &JournalEntry) -> AnyRecord {
    AnyRecord { kind: JournalEntry::KIND.into(), id: e.id.clone(), updated_at: e.updated_at(), value: encode(e) }
}

/// Marsaglia's xorshift64: the same sequence from the same seed, for tests that
/// explore at random but must fail the same way twice.
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> Self {
        XorShift(seed | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}
