//! The backup file: one JSON document holding every record, and the importer that
//! validates a whole file before anything is touched. Format (version 1):
//!
//! ```json
//! { "format": "leaning-in-backup", "version": 1, "exported_at": 1763900000000,
//!   "records": { "journal": [ { "v": 1, "id": "…", … } ], "check": [ … ] } }
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use super::records::{self, Unreadable};
use crate::i18n::{k::backup as b, t, t_with};

pub const FORMAT: &str = "leaning-in-backup";
pub const BACKUP_VERSION: u64 = 1;
/// Larger files are refused before parsing. Ten years of daily writing make a
/// backup of about 7 MB, and about 9.5 MB encrypted (base64): room for more.
pub const MAX_IMPORT_BYTES: usize = 24 * 1024 * 1024;

#[derive(Debug, Serialize)]
pub struct BackupFile {
    pub format: String,
    pub version: u64,
    pub exported_at: i64,
    pub records: BTreeMap<String, Vec<Value>>,
}

/// A stored record of any kind, as the store and the importer see it.
#[derive(Clone, Debug, PartialEq)]
pub struct AnyRecord {
    pub kind: String,
    pub id: String,
    pub updated_at: i64,
    pub value: Value,
}

/// The whole backup as pretty JSON, records grouped by kind and sorted by id.
pub fn export(records: &[AnyRecord], now_ms: i64) -> String {
    let mut grouped: BTreeMap<String, Vec<&AnyRecord>> = BTreeMap::new();
    for r in records {
        grouped.entry(r.kind.clone()).or_default().push(r);
    }
    let records = grouped
        .into_iter()
        .map(|(kind, mut list)| {
            list.sort_by(|a, b| a.id.cmp(&b.id));
            (kind, list.into_iter().map(|r| r.value.clone()).collect())
        })
        .collect();
    let file = BackupFile { format: FORMAT.into(), version: BACKUP_VERSION, exported_at: now_ms, records };
    // Compact, one line: the Markdown export is the one meant for reading.
    serde_json::to_string(&file).expect("a backup always serialises")
}

/// "leaning-in-backup-2026-11-23.json"
pub fn file_name(date_iso: &str, extension: &str) -> String {
    format!("leaning-in-backup-{date_iso}.{extension}")
}

/// Why a file cannot be imported. Each says what happened and that nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge(usize),
    Truncated,
    NotJson,
    NotABackup,
    NewerVersion(u64),
    BadRecord { kind: String, index: usize, why: String },
}

impl ImportError {
    pub fn message(&self) -> String {
        let what = match self {
            ImportError::Empty => t(b::EMPTY).to_string(),
            ImportError::TooLarge(bytes) => t_with(
                b::TOO_LARGE,
                &[("size", &bytes.div_ceil(1_048_576).to_string()), ("limit", &(MAX_IMPORT_BYTES / 1_048_576).to_string())],
            ),
            ImportError::Truncated => t(b::TRUNCATED).into(),
            ImportError::NotJson => t(b::NOT_JSON).into(),
            ImportError::NotABackup => t(b::NOT_A_BACKUP).into(),
            ImportError::NewerVersion(v) => t_with(b::NEWER_VERSION, &[("version", &v.to_string())]),
            ImportError::BadRecord { kind, index, why } => {
                t_with(b::BAD_RECORD, &[("number", &(index + 1).to_string()), ("section", kind), ("why", why)])
            }
        };
        t_with(b::NOTHING_CHANGED, &[("problem", &what)])
    }
}

/// What an import would do, shown to the person before anything is written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPlan {
    /// Records this device does not have yet.
    pub new: Vec<AnyRecord>,
    /// Records identical to what is already here.
    pub already_present: usize,
    /// Records with the same id but different content.
    pub differ: usize,
    /// Of `differ`, those whose imported copy is newer and will replace this device's.
    pub replace: Vec<AnyRecord>,
}

impl ImportPlan {
    pub fn to_write(&self) -> impl Iterator<Item = &AnyRecord> {
        self.new.iter().chain(self.replace.iter())
    }
    pub fn summary(&self) -> String {
        let count = |n: usize| crate::i18n::decimal(n as i64, 0);
        let mut s = t_with(b::PLAN, &[("new", &count(self.new.len())), ("here", &count(self.already_present)), ("differ", &count(self.differ))]);
        if self.differ > 0 {
            s.push_str(&t_with(b::PLAN_NEWER, &[("from_file", &count(self.replace.len()))]));
        }
        t_with(b::PLAN_END, &[("plan", &s)])
    }
}

/// How far ahead of this device's clock an imported date may be: another device's
/// clock can run a little fast, but an entry a day in the future is a damaged file.
pub const FUTURE_TOLERANCE_MS: i64 = super::time::MS_PER_DAY;

/// Validates the whole file, then compares it with what is stored. Never panics;
/// any problem is an `ImportError` and the caller changes nothing.
pub fn plan_import(text: &str, existing: &[AnyRecord], now_ms: i64) -> Result<ImportPlan, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() { ImportError::Truncated } else { ImportError::NotJson }
    })?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotABackup);
    }
    let version = value.get("version").and_then(Value::as_u64).ok_or(ImportError::NotABackup)?;
    if version > BACKUP_VERSION {
        return Err(ImportError::NewerVersion(version));
    }
    let sections = value.get("records").and_then(Value::as_object).ok_or(ImportError::NotABackup)?;

    let here: BTreeMap<(&str, &str), &AnyRecord> =
        existing.iter().map(|r| ((r.kind.as_str(), r.id.as_str()), r)).collect();
    let mut seen = BTreeSet::new();
    let mut plan = ImportPlan::default();
    for (kind, list) in sections {
        let list = list.as_array().ok_or(ImportError::NotABackup)?;
        for (index, value) in list.iter().enumerate() {
            let checked = records::check_fully(kind, value).map_err(|why| ImportError::BadRecord {
                kind: kind.clone(),
                index,
                why: match why {
                    Unreadable::UnknownKind(_) => t(b::UNKNOWN_KIND).into(),
                    other => other.describe(),
                },
            })?;
            if checked.latest > now_ms + FUTURE_TOLERANCE_MS {
                return Err(ImportError::BadRecord { kind: kind.clone(), index, why: t(b::DATE_IN_FUTURE).into() });
            }
            if !seen.insert((kind.clone(), checked.id.clone())) {
                return Err(ImportError::BadRecord { kind: kind.clone(), index, why: t(b::APPEARS_TWICE).into() });
            }
            let incoming = AnyRecord { kind: kind.clone(), id: checked.id, updated_at: checked.updated_at, value: value.clone() };
            match here.get(&(kind.as_str(), incoming.id.as_str())) {
                None => plan.new.push(incoming),
                Some(current) if current.value == incoming.value => plan.already_present += 1,
                Some(current) => {
                    plan.differ += 1;
                    if incoming.updated_at > current.updated_at {
                        plan.replace.push(incoming);
                    }
                }
            }
        }
    }
    Ok(plan)
}

/// Days of unbacked-up changes after which a gentle reminder appears.
pub const REMIND_AFTER_DAYS: i64 = 14;

/// Whether to remind the person to back up: some change is newer than the last
/// backup, and the oldest such change is at least 14 days old.
pub fn reminder_due(last_backup_at: Option<i64>, changes: impl IntoIterator<Item = i64>, now_ms: i64) -> bool {
    let since = last_backup_at.unwrap_or(i64::MIN);
    changes
        .into_iter()
        .filter(|&t| t > since)
        .min()
        .is_some_and(|oldest| now_ms - oldest >= REMIND_AFTER_DAYS * super::time::MS_PER_DAY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journal::tests::entry;
    use crate::test_support::{any, XorShift};

    const NOW: i64 = 1_800_000_000_000;

    #[test]
    fn export_then_plan_into_an_empty_store_brings_everything_back() {
        let records = vec![any(&entry("b", "second")), any(&entry("a", "first"))];
        let text = export(&records, 42);
        let plan = plan_import(&text, &[], NOW).unwrap();
        assert_eq!(plan.new.len(), 2);
        assert_eq!(plan.new[0].id, "a", "sorted by id");
        assert_eq!(plan.already_present, 0);
        let again = plan_import(&text, &records, NOW).unwrap();
        assert_eq!((again.new.len(), again.already_present, again.differ), (0, 2, 0));
    }

    #[test]
    fn differing_records_keep_the_more_recently_edited_copy() {
        let mine = entry("a", "my edit");
        let mut newer = entry("a", "edited later elsewhere");
        newer.updated += 1000;
        let mut older = entry("a", "an old copy");
        older.updated -= 1000;
        let plan = plan_import(&export(&[any(&newer)], 1), &[any(&mine)], NOW).unwrap();
        assert_eq!((plan.differ, plan.replace.len()), (1, 1));
        let plan = plan_import(&export(&[any(&older)], 1), &[any(&mine)], NOW).unwrap();
        assert_eq!((plan.differ, plan.replace.len()), (1, 0));
        assert!(plan.summary().contains("1 that differ"));
    }

    #[test]
    fn every_kind_of_bad_file_is_refused_with_a_reason() {
        let good = export(&[any(&entry("a", "x"))], 1);
        assert_eq!(plan_import("", &[], NOW), Err(ImportError::Empty));
        assert_eq!(plan_import("   \n", &[], NOW), Err(ImportError::Empty));
        assert_eq!(plan_import("hello", &[], NOW), Err(ImportError::NotJson));
        assert_eq!(plan_import(&good[..good.len() / 2], &[], NOW), Err(ImportError::Truncated));
        assert_eq!(plan_import(r#"{"records":{}}"#, &[], NOW), Err(ImportError::NotABackup));
        assert_eq!(plan_import("[1,2,3]", &[], NOW), Err(ImportError::NotABackup));
        assert_eq!(
            plan_import(r#"{"format":"leaning-in-backup","version":2,"exported_at":1,"records":{}}"#, &[], NOW),
            Err(ImportError::NewerVersion(2))
        );
        let big = " ".repeat(MAX_IMPORT_BYTES + 1);
        assert!(matches!(plan_import(&big, &[], NOW), Err(ImportError::TooLarge(_))));
        let bad = good.replace("\"text\":\"x\"", "\"text\":7");
        assert!(matches!(plan_import(&bad, &[], NOW), Err(ImportError::BadRecord { index: 0, .. })));
        for e in [ImportError::Empty, ImportError::NotJson, ImportError::Truncated] {
            assert!(e.message().ends_with("Nothing has been changed."));
        }
    }

    #[test]
    fn a_record_listed_twice_is_refused_not_duplicated() {
        let e = any(&entry("a", "x"));
        let text = export(&[e.clone(), e], 1);
        assert!(matches!(plan_import(&text, &[], NOW), Err(ImportError::BadRecord { index: 1, .. })));
    }

    #[test]
    fn dates_in_the_future_or_outside_the_calendar_are_refused() {
        let mut future = entry("a", "x");
        future.at = NOW + 2 * crate::domain::time::MS_PER_DAY;
        let err = plan_import(&export(&[any(&future)], 1), &[], NOW).unwrap_err();
        assert!(err.message().contains("in the future"), "{}", err.message());
        let mut slightly_ahead = entry("a", "x");
        slightly_ahead.updated = NOW + 3_600_000;
        assert!(plan_import(&export(&[any(&slightly_ahead)], 1), &[], NOW).is_ok(), "another device's clock may run a little fast");
        for at in ["-62135596800001", "253402300800000", "-99999999999999"] {
            let text = export(&[any(&entry("a", "x"))], 1).replace(&format!("\"at\":{}", entry("a", "x").at), &format!("\"at\":{at}"));
            let err = plan_import(&text, &[], NOW).unwrap_err();
            assert!(err.message().contains("years 1 to 9999"), "{at}: {}", err.message());
        }
    }

    #[test]
    fn unknown_kinds_are_refused() {
        let text = r#"{"format":"leaning-in-backup","version":1,"exported_at":1,"records":{"dream":[{"v":1}]}}"#;
        assert!(matches!(plan_import(text, &[], NOW), Err(ImportError::BadRecord { .. })));
    }

    #[test]
    fn the_backup_reminder_waits_for_fourteen_days_of_unsaved_changes() {
        let day = crate::domain::time::MS_PER_DAY;
        let now = 100 * day;
        assert!(!reminder_due(None, [], now), "nothing to back up");
        assert!(!reminder_due(None, [now - 13 * day], now));
        assert!(reminder_due(None, [now - 14 * day, now - day], now));
        assert!(!reminder_due(Some(now - 20 * day), [now - 30 * day], now), "all backed up");
        assert!(!reminder_due(Some(now - 20 * day), [now - 2 * day], now), "new, but recent");
        assert!(reminder_due(Some(now - 20 * day), [now - 15 * day], now));
    }

    /// A small deterministic fuzzer: mutated backups must never panic the importer.
    #[test]
    fn mutated_files_never_panic() {
        let good = export(&[any(&entry("a", "x é 🌱")), any(&entry("b", "y"))], 1);
        let bytes = good.as_bytes();
        let mut rng = XorShift::new(0x2545_f491_4f6c_dd1d);
        let mut next = || rng.next();
        for _ in 0..3000 {
            let mut m = bytes.to_vec();
            for _ in 0..(next() % 4 + 1) {
                let i = (next() as usize) % m.len();
                match next() % 3 {
                    0 => m[i] = (next() % 128) as u8,
                    1 => { m.remove(i); }
                    _ => m.insert(i, b"{}[]\",:0-e"[(next() % 10) as usize]),
                }
            }
            if let Ok(text) = String::from_utf8(m) {
                let _ = plan_import(&text, &[], NOW);
            }
            let cut = (next() as usize) % bytes.len();
            if let Ok(text) = std::str::from_utf8(&bytes[..cut]) {
                assert!(plan_import(text, &[], NOW).is_err() || cut == bytes.len());
            }
        }
    }
}
