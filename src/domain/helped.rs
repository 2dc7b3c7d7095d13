//! "What has helped me": the person's own collection of what has helped, in
//! their words, each with where it came from and when. They put it in their
//! own order, edit it and remove from it. Things are added from where help
//! shows up (a step that went better than feared, a reframe's choice, a
//! journal entry) or typed directly; the words offered are only a start.

use serde::{Deserialize, Serialize};

use super::journal::{preview, JournalEntry};
use super::practice::PlannedStep;
use super::records::Record;
use super::reframe::Reframe;

/// Its kind in storage keys and backups.
pub const KIND: &str = "helped";

/// Where an item came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Typed,
    Step,
    Reframe,
    Journal,
}

/// One thing that has helped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Helped {
    pub id: String,
    pub created: i64,
    pub updated: i64,
    pub text: String,
    pub source: Source,
    /// The step, reframe or entry it came from (none when typed). It may since
    /// have been deleted: the item stays, and only the link back goes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    /// Its place in the person's order, lowest first.
    pub order: i64,
}

/// Longer than anyone writes about one thing; a limit keeps a damaged or
/// hostile backup from filling the page.
pub const MAX_CHARS: usize = 2_000;

/// The words first offered when keeping a journal entry: its opening, to cut down to what helped.
const FROM_ENTRY_CHARS: usize = 280;

/// Why an item cannot be saved or imported, in the app's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalid {
    NoWords,
    TooLong,
    /// A kept item without the record it came from, or a typed one with one.
    UnclearSource,
}

pub fn check(item: &Helped) -> Result<(), Invalid> {
    let words = item.text.trim();
    if words.is_empty() {
        return Err(Invalid::NoWords);
    }
    if words.chars().count() > MAX_CHARS {
        return Err(Invalid::TooLong);
    }
    let linked = item.source_id.as_deref().is_some_and(|id| !id.is_empty());
    if (item.source == Source::Typed) == linked {
        return Err(Invalid::UnclearSource);
    }
    Ok(())
}

impl Record for Helped {
    const KIND: &'static str = KIND;
    fn id(&self) -> &str {
        &self.id
    }
    fn updated_at(&self) -> i64 {
        self.updated
    }
    fn moments(&self) -> Vec<i64> {
        vec![self.created, self.updated]
    }
    fn validate(&self) -> Result<(), String> {
        use crate::i18n::{k::backup as b, t, t_with};
        check(self).map_err(|why| match why {
            Invalid::NoWords => t(b::HELPED_NEEDS_WORDS).to_string(),
            // Plain digits: validation runs in the first load, and number
            // formatting would bring float printing into it.
            Invalid::TooLong => t_with(b::HELPED_TOO_LONG, &[("max", &MAX_CHARS.to_string())]),
            Invalid::UnclearSource => t(b::HELPED_SOURCE).to_string(),
        })
    }
}

/// The items in the person's order (ties: the older first).
pub fn in_order(items: &[Helped]) -> Vec<&Helped> {
    let mut all: Vec<&Helped> = items.iter().collect();
    all.sort_by_key(|h| (h.order, h.created, h.id.clone()));
    all
}

/// The place for a new item: after all the others.
pub fn next_order(items: &[Helped]) -> i64 {
    items.iter().map(|h| h.order).max().map_or(0, |o| o.saturating_add(1))
}

/// Moving one item a place up or down: the two items that trade places, as
/// they are to be saved. `None` at either end, or for an unknown id.
pub fn moved(items: &[Helped], id: &str, up: bool, now_ms: i64) -> Option<(Helped, Helped)> {
    let order = in_order(items);
    let at = order.iter().position(|h| h.id == id)?;
    let other = if up { at.checked_sub(1)? } else { at + 1 };
    let (a, b) = (order[at], order.get(other)?);
    // Equal orders (from two devices) would not move: give each its own place.
    let (low, high) = if a.order == b.order { (a.order.min(b.order), a.order.min(b.order) + 1) } else { (a.order.min(b.order), a.order.max(b.order)) };
    let (a_order, b_order) = if up { (low, high) } else { (high, low) };
    Some((
        Helped { order: a_order, updated: now_ms, ..a.clone() },
        Helped { order: b_order, updated: now_ms, ..(*b).clone() },
    ))
}

/// A step whose real discomfort was lower than the person expected: fear
/// predicted more than there was, which is worth keeping.
pub fn went_better_than_feared(step: &PlannedStep) -> bool {
    step.outcome.as_ref().is_some_and(|o| o.done && o.actual.is_some_and(|actual| actual < step.expected))
}

/// The words first offered when keeping something, and where it came from.
pub fn offered_from_step(step: &PlannedStep) -> (String, Source, String) {
    (step.text.trim().to_string(), Source::Step, step.id.clone())
}

/// From a reframe: its choice (step 6), else its small step (step 7). `None`
/// when it has neither.
pub fn offered_from_reframe(reframe: &Reframe) -> Option<(String, Source, String)> {
    [reframe.answer(5), reframe.answer(6)]
        .into_iter()
        .find(|a| !a.is_empty())
        .map(|words| (words.to_string(), Source::Reframe, reframe.id.clone()))
}

pub fn offered_from_entry(entry: &JournalEntry) -> (String, Source, String) {
    (preview(&entry.text, FROM_ENTRY_CHARS), Source::Journal, entry.id.clone())
}

/// Whether something from this record is already kept (the offer then says so).
pub fn already_kept(items: &[Helped], source: Source, source_id: &str) -> bool {
    items.iter().any(|h| h.source == source && h.source_id.as_deref() == Some(source_id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::practice::Outcome;
    use crate::domain::records::{decode, encode};

    fn item(id: &str, order: i64, created: i64) -> Helped {
        Helped { id: id.into(), created, updated: created, text: format!("What helped {id}"), source: Source::Typed, source_id: None, order }
    }

    fn step(expected: u8, outcome: Option<(bool, Option<u8>)>) -> PlannedStep {
        PlannedStep {
            id: "s1".into(),
            created: 1,
            updated: 1,
            library_id: None,
            text: " Tell Sam I had a rough day. ".into(),
            with_whom: String::new(),
            expected,
            outcome: outcome.map(|(done, actual)| Outcome { logged_at: 2, done, actual, note: String::new() }),
            when: None,
        }
    }

    #[test]
    fn an_item_needs_words_within_the_limit_and_a_clear_source() {
        assert_eq!(check(&item("a", 0, 1)), Ok(()));
        assert_eq!(check(&Helped { text: "  \n".into(), ..item("a", 0, 1) }), Err(Invalid::NoWords));
        assert_eq!(Helped { text: String::new(), ..item("a", 0, 1) }.validate(), Err("what helped needs a few words".into()));
        assert_eq!(check(&Helped { text: "x".repeat(MAX_CHARS + 1), ..item("a", 0, 1) }), Err(Invalid::TooLong));
        assert_eq!(check(&Helped { text: "é".repeat(MAX_CHARS), ..item("a", 0, 1) }), Ok(()), "the limit counts characters, not bytes");
        assert_eq!(check(&Helped { source: Source::Step, ..item("a", 0, 1) }), Err(Invalid::UnclearSource));
        assert_eq!(check(&Helped { source_id: Some("s1".into()), ..item("a", 0, 1) }), Err(Invalid::UnclearSource));
        assert_eq!(check(&Helped { source: Source::Step, source_id: Some(String::new()), ..item("a", 0, 1) }), Err(Invalid::UnclearSource));
        assert_eq!(check(&Helped { source: Source::Reframe, source_id: Some("r1".into()), ..item("a", 0, 1) }), Ok(()));
    }

    #[test]
    fn it_is_stored_and_read_back_as_every_record_is() {
        let kept = Helped { source: Source::Journal, source_id: Some("e1".into()), ..item("h1", 3, 1_763_900_000_000) };
        let stored = encode(&kept);
        assert_eq!(stored["source"], "journal");
        assert_eq!(decode::<Helped>(&stored), Ok(kept));
        let typed = encode(&item("h2", 0, 1));
        assert!(typed.get("source_id").is_none(), "a typed item stores no link");
        let mut empty = encode(&item("h3", 0, 1));
        empty["text"] = " ".into();
        assert!(decode::<Helped>(&empty).is_err());
    }

    #[test]
    fn items_keep_the_persons_order_and_new_ones_go_last() {
        let items = vec![item("late", 2, 5), item("first", 0, 9), item("tie-old", 1, 1), item("tie-new", 1, 2)];
        let ids: Vec<&str> = in_order(&items).iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["first", "tie-old", "tie-new", "late"]);
        assert_eq!(next_order(&items), 3);
        assert_eq!(next_order(&[]), 0);
    }

    #[test]
    fn moving_an_item_trades_places_with_its_neighbour_and_stops_at_the_ends() {
        let items = vec![item("a", 0, 1), item("b", 1, 2), item("c", 2, 3)];
        let (b, a) = moved(&items, "b", true, 99).unwrap();
        assert_eq!((b.id.as_str(), b.order, b.updated), ("b", 0, 99));
        assert_eq!((a.id.as_str(), a.order, a.updated), ("a", 1, 99));
        let (b, c) = moved(&items, "b", false, 99).unwrap();
        assert_eq!((b.order, c.order), (2, 1));
        assert!(moved(&items, "a", true, 99).is_none());
        assert!(moved(&items, "c", false, 99).is_none());
        assert!(moved(&items, "zz", true, 99).is_none());
        // Two items with the same place (written on two devices) still move apart.
        let tied = vec![item("x", 4, 1), item("y", 4, 2)];
        let (y, x) = moved(&tied, "y", true, 99).unwrap();
        assert!(y.order < x.order);
        let mut after = vec![x, y];
        after.sort_by_key(|h| h.order);
        assert_eq!(after[0].id, "y");
    }

    #[test]
    fn a_step_is_offered_when_it_was_taken_and_felt_easier_than_expected() {
        assert!(went_better_than_feared(&step(7, Some((true, Some(3))))));
        assert!(!went_better_than_feared(&step(3, Some((true, Some(3))))), "as hard as feared");
        assert!(!went_better_than_feared(&step(3, Some((true, Some(6))))), "harder than feared");
        assert!(!went_better_than_feared(&step(7, Some((false, None)))), "not yet taken");
        assert!(!went_better_than_feared(&step(7, Some((true, None)))), "no rating");
        assert!(!went_better_than_feared(&step(7, None)), "not logged");
        assert_eq!(offered_from_step(&step(7, None)), ("Tell Sam I had a rough day.".to_string(), Source::Step, "s1".to_string()));
    }

    #[test]
    fn a_reframe_offers_its_choice_else_its_step_and_an_entry_its_opening() {
        let mut reframe = Reframe { id: "r1".into(), answers: vec![String::new(); 7], ..Reframe::default() };
        assert_eq!(offered_from_reframe(&reframe), None);
        reframe.answers[6] = "Text Jo tonight.".into();
        assert_eq!(offered_from_reframe(&reframe).unwrap().0, "Text Jo tonight.");
        reframe.answers[5] = " I choose to tell Jo one true thing. ".into();
        assert_eq!(offered_from_reframe(&reframe), Some(("I choose to tell Jo one true thing.".into(), Source::Reframe, "r1".into())));

        let entry = crate::domain::journal::tests::entry("e1", &format!("Stayed on the phone.\n\n{}", "and more ".repeat(60)));
        let (words, source, id) = offered_from_entry(&entry);
        assert!(words.starts_with("Stayed on the phone. and more"));
        assert!(words.chars().count() <= FROM_ENTRY_CHARS + 1);
        assert_eq!((source, id.as_str()), (Source::Journal, "e1"));
    }

    #[test]
    fn something_already_kept_is_known_by_where_it_came_from() {
        let items = vec![Helped { source: Source::Step, source_id: Some("s1".into()), ..item("h", 0, 1) }];
        assert!(already_kept(&items, Source::Step, "s1"));
        assert!(!already_kept(&items, Source::Step, "s2"));
        assert!(!already_kept(&items, Source::Reframe, "s1"));
    }
}
