//! Drafts: what a form holds before it is saved. Every open form has a draft of
//! its own, `leaning-in.draft.<family>.<instance>`, so two tabs writing at once
//! never write over each other's words. A family is one kind of form:
//! `journal-new`, `journal-edit-<id>`, `reframe-new`, `check`…

use std::borrow::Cow;

use super::packed::unpack;
use super::{Kv, SaveError, Store, Stored, DRAFT_PREFIX};

/// Families whose drafts belong to one record (`<family><id>`): deleting the
/// record removes them, and Undo puts them back.
const LINKED: [&str; 3] = ["journal-edit-", "reframe-from-", "practice-log-"];

fn key(form: &str) -> String {
    format!("{DRAFT_PREFIX}{form}")
}

/// The form name of one open form: its family and its own instance id.
pub fn form_name(family: &str, instance: &str) -> String {
    format!("{family}.{instance}")
}

/// ("journal-new", "abc") for `leaning-in.draft.journal-new.abc`.
fn split(key: &str) -> Option<(&str, &str)> {
    key.strip_prefix(DRAFT_PREFIX)?.split_once('.')
}

/// Every draft of a record's linked families, as (key, value).
pub(super) fn linked_to(kv: &impl Kv, id: &str) -> Vec<(String, String)> {
    kv.keys()
        .into_iter()
        .filter(|k| split(k).is_some_and(|(family, _)| LINKED.iter().any(|p| family.strip_prefix(p) == Some(id))))
        .filter_map(|k| kv.get(&k).map(|v| (k, v)))
        .collect()
}

/// Drafts written before forms had instances (`leaning-in.draft.journal-new`)
/// get instance "1", so they are offered like any other unfinished draft.
pub(super) fn name_unnamed(kv: &impl Kv, entries: &[Stored]) -> usize {
    let mut renamed = 0;
    for old in entries.iter().filter(|e| e.key.strip_prefix(DRAFT_PREFIX).is_some_and(|form| !form.contains('.'))) {
        let new = format!("{}.1", old.key);
        if kv.get(&new).is_some() {
            continue;
        }
        if kv.set(&new, &old.value).is_ok() {
            kv.remove(&old.key);
            renamed += 1;
        }
    }
    renamed
}

impl<K: Kv> Store<K> {
    /// A draft's JSON (`None` if there is none, or it cannot be unpacked).
    pub fn draft(&self, form: &str) -> Option<String> {
        self.kv.get(&key(form)).and_then(|stored| unpack(&stored).ok().map(Cow::into_owned))
    }

    pub fn save_draft(&self, form: &str, json: &str) -> Result<(), SaveError> {
        self.write_words(&key(form), json)
    }

    pub fn clear_draft(&self, form: &str) {
        if self.writable().is_ok() {
            self.kv.remove(&key(form));
        }
    }

    /// The drafts of one family as (instance, value), oldest first (instances
    /// are record-style ids, which sort by time).
    pub fn drafts_of(&self, family: &str) -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = self
            .kv
            .keys()
            .into_iter()
            .filter_map(|k| {
                let (f, instance) = split(&k)?;
                (f == family).then(|| (instance.to_string(), k.clone()))
            })
            .filter_map(|(instance, k)| self.kv.get(&k).and_then(|v| unpack(&v).ok().map(Cow::into_owned)).map(|v| (instance, v)))
            .collect();
        found.sort();
        found
    }
}
