//! Values that could not be read are kept aside, never deleted: copied to a
//! quarantine key first, removed from their place only once that copy exists.
//! An update may teach the app to read them, so every start tries them again.

use serde::{Deserialize, Serialize};

use super::packed::unpack;
use super::{parse_record_key, read_record, Kv, Store, Stored, PREFIX, QUARANTINE_PREFIX};

/// A value that could not be read, as kept aside under a quarantine key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quarantined {
    /// Where it was found.
    pub key: String,
    pub reason: String,
    pub found_at: i64,
    /// Exactly what was stored, untouched.
    pub raw: String,
}

/// Moves an unreadable value aside. If storage is full it stays where it is,
/// still unread and still untouched.
pub(super) fn quarantine(kv: &impl Kv, key: &str, raw: &str, reason: &str, now_ms: i64) {
    let suffix = key.strip_prefix(PREFIX).unwrap_or(key);
    let mut qkey = format!("{QUARANTINE_PREFIX}{suffix}");
    let mut n = 1;
    while kv.get(&qkey).is_some() {
        n += 1;
        qkey = format!("{QUARANTINE_PREFIX}{suffix}.{n}");
    }
    let kept = Quarantined { key: key.into(), reason: reason.into(), found_at: now_ms, raw: raw.into() };
    // As JSON: kept aside at start-up, before compression is loaded (`Store::settle` packs it later).
    if kv.set(&qkey, &serde_json::to_string(&kept).expect("quarantine serialises")).is_ok() {
        kv.remove(key);
    }
}

/// A kept-aside value as stored (packed, or as schema 2 wrote it).
fn kept_aside(stored: &str) -> Option<Quarantined> {
    serde_json::from_str(&unpack(stored).ok()?).ok()
}

/// Puts back every kept-aside record this build can read, where its place is
/// still free (a copy saved there since stays). Returns how many; the scan that
/// follows reads them. The quarantine copy goes only after the record is back.
pub(super) fn restore_readable(kv: &impl Kv, entries: &[Stored]) -> usize {
    // Rare (values kept aside): a look through the entries is enough.
    let present = |key: &str| entries.iter().any(|e| e.key == key);
    let mut restored = 0;
    for entry in entries.iter().filter(|e| e.key.starts_with(QUARANTINE_PREFIX)) {
        let Some(kept) = kept_aside(&entry.value) else { continue };
        let Some((kind, id)) = parse_record_key(&kept.key) else { continue };
        if present(&kept.key) || read_record(kind, id, &kept.raw).is_err() {
            continue;
        }
        if kv.set(&kept.key, &kept.raw).is_ok() {
            kv.remove(&entry.key);
            restored += 1;
        }
    }
    restored
}

impl<K: Kv> Store<K> {
    /// Everything kept aside, for the person to download as it was.
    pub fn quarantined(&self) -> Vec<Quarantined> {
        self.kv
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(QUARANTINE_PREFIX))
            .filter_map(|k| {
                let raw = self.kv.get(&k)?;
                Some(kept_aside(&raw).unwrap_or(Quarantined {
                    key: k.clone(),
                    reason: "kept aside".into(),
                    found_at: 0,
                    raw,
                }))
            })
            .collect()
    }
}
