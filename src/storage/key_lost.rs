//! When this device's lock record is missing or damaged and no backup holds its
//! key (backups have keys of their own since format 3), the app starts again
//! from an encrypted backup: a new lock, with the backup's passphrase; every
//! value the lost key sealed kept aside, never deleted; the backup's records
//! imported.

use std::rc::Rc;

use super::sealed::{restore_lock, Sealed, ValueCipher};
use super::{Kv, Store};
use crate::crypto::LockRecord;
use crate::domain::backup::plan_import;

/// Starts again from `plain` (the plain backup inside an encrypted one) under
/// `lock`, whose key `cipher` holds. The file is checked before anything is
/// written; returns how many records came back.
pub fn start_again_from_backup<K: Kv>(kv: &K, lock: &LockRecord, cipher: Rc<dyn ValueCipher>, plain: &str, now_ms: i64) -> Result<usize, String> {
    plan_import(plain, &[], now_ms).map_err(|err| err.message())?;
    restore_lock(kv, lock).map_err(|err| err.message())?;
    // Opening the store under the new key keeps aside every record the lost
    // key sealed: they cannot be read, and are never deleted.
    let (store, _) = Store::open(Sealed::with(kv, cipher), now_ms);
    let plan = plan_import(plain, &store.all_records(), now_ms).map_err(|err| err.message())?;
    store.apply_import(&plan).map_err(|failed| failed.message())
}
