//! What every saved record has in common, and the one place that knows every kind
//! of record. Records are stored one per key, as JSON with a format version `v`.

use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

use super::card::Card;
use super::check::SelfCheck;
use super::helped::Helped;
use super::journal::JournalEntry;
use super::moment::Moment;
use super::practice::{CustomStep, PlannedStep};
use super::reframe::Reframe;
use super::time::in_calendar_range;
use crate::i18n::{k::backup as b, t, t_with};

/// The record format this build writes. A stored record with a higher `v` was
/// written by a newer build: it is kept aside, never read or overwritten.
pub const RECORD_VERSION: u64 = 1;

/// Something the person saved: a journal entry, a self-check, a reframe, a step.
pub trait Record: Serialize + DeserializeOwned + Clone + PartialEq + 'static {
    /// The record's kind in storage keys and backups: "journal", "check"…
    const KIND: &'static str;
    fn id(&self) -> &str;
    /// When it was last changed (ms since 1970). When a backup is merged, the more
    /// recently changed copy of a record wins.
    fn updated_at(&self) -> i64;
    /// Every moment the record holds. Each must lie in years 1 to 9999, so it can
    /// be shown, edited and saved back unchanged.
    fn moments(&self) -> Vec<i64> {
        vec![self.updated_at()]
    }
    /// Rules beyond the JSON shape and a valid id (required text, ranges). `Err`
    /// says what is wrong.
    fn validate(&self) -> Result<(), String> {
        Ok(())
    }
}

/// Why a stored or imported value could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    NotJson,
    WrongShape(String),
    NewerVersion(u64),
    UnknownKind(String),
}

impl Unreadable {
    /// A short, plain description, kept beside a quarantined value.
    pub fn describe(&self) -> String {
        match self {
            Unreadable::NotJson => t(b::UNREADABLE_NOT_JSON).into(),
            Unreadable::WrongShape(why) => t_with(b::UNREADABLE_SHAPE, &[("why", why)]),
            Unreadable::NewerVersion(v) => t_with(b::UNREADABLE_NEWER, &[("version", &v.to_string())]),
            Unreadable::UnknownKind(kind) => t_with(b::UNREADABLE_KIND, &[("kind", kind)]),
        }
    }
}

/// The id and times of a record that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub id: String,
    pub updated_at: i64,
    /// The latest moment it holds (see `Record::moments`).
    pub latest: i64,
}

/// A record as stored: its JSON plus `"v"`.
pub fn encode<T: Record>(record: &T) -> Value {
    let mut value = serde_json::to_value(record).expect("records always serialise");
    if let Value::Object(map) = &mut value {
        map.insert("v".into(), RECORD_VERSION.into());
    }
    value
}

/// Reads a typed record back, checking its version, shape and rules.
pub fn decode<T: Record>(value: &Value) -> Result<T, Unreadable> {
    let obj = value.as_object().ok_or_else(|| Unreadable::WrongShape(t(b::NOT_AN_OBJECT).into()))?;
    match obj.get("v").and_then(Value::as_u64) {
        Some(v) if v > RECORD_VERSION => return Err(Unreadable::NewerVersion(v)),
        Some(_) => {}
        None => return Err(Unreadable::WrongShape(t(b::NO_VERSION).into())),
    }
    // Deserialised from the borrowed value: no copy of the person's text.
    let record = T::deserialize(value).map_err(|e| Unreadable::WrongShape(e.to_string()))?;
    // Ids become part of storage keys: every kind must keep to the safe alphabet.
    if !is_valid_id(record.id()) {
        return Err(Unreadable::WrongShape(t(b::BAD_ID).into()));
    }
    if !record.moments().into_iter().all(in_calendar_range) {
        return Err(Unreadable::WrongShape(t(b::DATE_RANGE).into()));
    }
    record.validate().map_err(Unreadable::WrongShape)?;
    Ok(record)
}

fn check_as<T: Record>(value: &Value) -> Result<Checked, Unreadable> {
    decode::<T>(value).map(|r| {
        let latest = r.moments().into_iter().max().unwrap_or(i64::MIN);
        Checked { id: r.id().to_string(), updated_at: r.updated_at(), latest }
    })
}

/// Every kind this build knows, in the order backups and exports list them.
pub const KINDS: [&str; 8] =
    [JournalEntry::KIND, SelfCheck::KIND, Reframe::KIND, PlannedStep::KIND, CustomStep::KIND, Helped::KIND, Card::KIND, Moment::KIND];

/// Kinds that only pages loaded later show. The store checks them when it
/// opens by the shape every such kind shares (`later_shape`), and the page
/// that shows them reads them fully, so the first load carries no code of
/// theirs. Import checks them fully (`check_fully`).
pub const LATER_KINDS: [&str; 3] = [Helped::KIND, Card::KIND, Moment::KIND];

/// Checks a stored value of any kind as the store opens, without the caller
/// naming a type (later kinds by their shared shape).
pub fn check(kind: &str, value: &Value) -> Result<Checked, Unreadable> {
    match kind {
        JournalEntry::KIND => check_as::<JournalEntry>(value),
        SelfCheck::KIND => check_as::<SelfCheck>(value),
        Reframe::KIND => check_as::<Reframe>(value),
        PlannedStep::KIND => check_as::<PlannedStep>(value),
        CustomStep::KIND => check_as::<CustomStep>(value),
        later if LATER_KINDS.contains(&later) => later_shape(value),
        other => Err(Unreadable::UnknownKind(other.to_string())),
    }
}

/// Checks an imported value of any kind, every rule included.
pub fn check_fully(kind: &str, value: &Value) -> Result<Checked, Unreadable> {
    match kind {
        Helped::KIND => check_as::<Helped>(value),
        Card::KIND => check_as::<Card>(value),
        Moment::KIND => check_as::<Moment>(value),
        _ => check(kind, value),
    }
}

/// What every later kind has: a version this build reads (the rule `decode`
/// applies), a key-safe `id`, and an `updated` time within years 1 to 9999.
/// Written out rather than derived: this runs in the first load.
fn later_shape(value: &Value) -> Result<Checked, Unreadable> {
    let wrong = |why: crate::i18n::Key| Unreadable::WrongShape(t(why).into());
    let obj = value.as_object().ok_or_else(|| wrong(b::NOT_AN_OBJECT))?;
    let version = obj.get("v").and_then(Value::as_u64).ok_or_else(|| wrong(b::NO_VERSION))?;
    if version > RECORD_VERSION {
        return Err(Unreadable::NewerVersion(version));
    }
    let id = obj.get("id").and_then(Value::as_str).filter(|id| is_valid_id(id)).ok_or_else(|| wrong(b::BAD_ID))?;
    let updated = obj.get("updated").and_then(Value::as_i64).filter(|at| in_calendar_range(*at)).ok_or_else(|| wrong(b::DATE_RANGE))?;
    Ok(Checked { id: id.into(), updated_at: updated, latest: updated })
}

/// A new record id: sortable by creation time, with random bits so two tabs (or
/// two devices) never collide. `random` comes from the shell.
pub fn new_id(now_ms: i64, random: u32) -> String {
    format!("{}-{}", to_base36(now_ms.max(0) as u64), to_base36(u64::from(random)))
}

fn to_base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ascii digits")
}

/// Ids are used inside storage keys: keep them to a safe alphabet.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journal::tests::entry;
    use serde_json::json;

    #[test]
    fn encode_then_decode_is_the_identity_and_carries_a_version() {
        let e = entry("a1", "I went quiet at dinner.");
        let stored = encode(&e);
        assert_eq!(stored["v"], json!(RECORD_VERSION));
        assert_eq!(decode::<JournalEntry>(&stored), Ok(e));
    }

    #[test]
    fn newer_versions_missing_versions_and_bad_shapes_are_unreadable() {
        let mut stored = encode(&entry("a1", "text"));
        stored["v"] = json!(RECORD_VERSION + 1);
        assert_eq!(check("journal", &stored), Err(Unreadable::NewerVersion(RECORD_VERSION + 1)));
        stored.as_object_mut().unwrap().remove("v");
        assert!(matches!(check("journal", &stored), Err(Unreadable::WrongShape(_))));
        assert!(matches!(check("journal", &json!([1, 2])), Err(Unreadable::WrongShape(_))));
        assert!(matches!(check("journal", &json!({"v": 1, "id": 5})), Err(Unreadable::WrongShape(_))));
        assert_eq!(check("dream", &json!({"v": 1})), Err(Unreadable::UnknownKind("dream".into())));
    }

    #[test]
    fn rules_beyond_shape_are_enforced_on_read() {
        let mut stored = encode(&entry("a1", "text"));
        stored["text"] = json!("   ");
        assert!(matches!(check("journal", &stored), Err(Unreadable::WrongShape(_))));
    }

    #[test]
    fn an_id_unsafe_for_a_storage_key_is_refused_for_every_kind() {
        let mut stored = encode(&entry("ok", "text"));
        stored["id"] = json!("a.b");
        assert!(matches!(check("journal", &stored), Err(Unreadable::WrongShape(_))));
        for kind in KINDS {
            let bad = json!({"v": 1, "id": "", "at": 1, "created": 1, "updated": 1, "answers": [0,0,0,0,0,0,0], "text": "x", "expected": 1});
            assert!(check(kind, &bad).is_err(), "{kind}");
        }
    }

    #[test]
    fn dates_outside_years_one_to_9999_are_refused() {
        for bad in [crate::domain::time::EARLIEST_MS - 1, crate::domain::time::LATEST_MS + 1] {
            let mut stored = encode(&entry("a1", "text"));
            stored["at"] = json!(bad);
            assert!(matches!(check("journal", &stored), Err(Unreadable::WrongShape(_))), "{bad}");
        }
        let mut stored = encode(&entry("a1", "text"));
        stored["at"] = json!(crate::domain::time::LATEST_MS);
        assert!(check("journal", &stored).is_ok());
    }

    #[test]
    fn later_kinds_open_by_their_shape_and_import_by_every_rule() {
        let helped = json!({"v": 1, "id": "h1", "created": 5, "updated": 6, "text": "  ", "source": "typed", "order": 0});
        // The store opens it (its page reads it fully and says what it cannot read)…
        assert_eq!(check("helped", &helped), Ok(Checked { id: "h1".into(), updated_at: 6, latest: 6 }));
        // …but an import checks every rule.
        assert!(matches!(check_fully("helped", &helped), Err(Unreadable::WrongShape(_))));
        let card = json!({"v": 1, "id": "c1", "created": 5, "updated": 6, "answers": ["a", "", "", "", ""]});
        assert!(check_fully("card", &card).is_ok());
        let moment = json!({"v": 1, "id": "m1", "at": 5, "updated": 6, "way": "memory", "before": 3, "after": 12});
        assert!(check("moment", &moment).is_ok());
        assert!(check_fully("moment", &moment).is_err());
        for kind in LATER_KINDS {
            assert_eq!(check(kind, &json!({"v": 2, "id": "x", "updated": 1})), Err(Unreadable::NewerVersion(2)));
            assert!(matches!(check(kind, &json!({"id": "x", "updated": 1})), Err(Unreadable::WrongShape(_))));
            assert!(matches!(check(kind, &json!({"v": 1, "id": "x"})), Err(Unreadable::WrongShape(_))));
            assert!(matches!(check(kind, &json!({"v": 1, "id": "x", "updated": crate::domain::time::LATEST_MS + 1})), Err(Unreadable::WrongShape(_))));
            assert!(KINDS.contains(&kind));
        }
        assert_eq!(check_fully("dream", &json!({"v": 1})), Err(Unreadable::UnknownKind("dream".into())));
    }

    #[test]
    fn ids_sort_by_time_and_stay_key_safe() {
        let a = new_id(1_700_000_000_000, 7);
        let b = new_id(1_800_000_000_000, 0);
        assert!(a < b, "{a} < {b}");
        assert!(is_valid_id(&a) && is_valid_id(&b));
        assert_ne!(new_id(5, 1), new_id(5, 2));
        assert!(!is_valid_id("a.b"));
        assert!(!is_valid_id(""));
    }
}
