//! Journal entries: the moments a person pulls away, and what was underneath.

use serde::{Deserialize, Serialize};

use crate::i18n::{k::journal as j, t, Key};

use super::records::Record;
use super::time::{day_in, Zone};

/// A prompt to start writing from. The first three are the article's own words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub id: &'static str,
    pub text: Key,
}

pub const PROMPTS: [Prompt; 6] = [
    Prompt { id: "withdraw", text: j::PROMPT_WITHDRAW },
    Prompt { id: "shut-out", text: j::PROMPT_SHUT_OUT },
    Prompt { id: "support", text: j::PROMPT_SUPPORT },
    Prompt { id: "safe", text: j::PROMPT_SAFE },
    Prompt { id: "unsaid", text: j::PROMPT_UNSAID },
    Prompt { id: "let-in", text: j::PROMPT_LET_IN },
];

pub fn prompt(id: &str) -> Option<&'static Prompt> {
    PROMPTS.iter().find(|p| p.id == id)
}

/// The built-in emotion chips. People can add their own words too.
/// A feeling's name in the language in use (stored by its English id, which is
/// shown as is if it is not one of `EMOTIONS`).
pub fn emotion_label(id: &str) -> &str {
    const LABELS: [Key; 14] = [
        j::EMOTION_ANXIOUS, j::EMOTION_OVERWHELMED, j::EMOTION_IRRITATED, j::EMOTION_TRAPPED, j::EMOTION_NUMB, j::EMOTION_ASHAMED, j::EMOTION_SAD,
        j::EMOTION_LONELY, j::EMOTION_AFRAID, j::EMOTION_RELIEVED, j::EMOTION_CALM, j::EMOTION_GRATEFUL, j::EMOTION_HOPEFUL, j::EMOTION_TENDER,
    ];
    EMOTIONS.iter().position(|e| *e == id).map_or(id, |i| t(LABELS[i]))
}

pub const EMOTIONS: [&str; 14] = [
    "anxious", "overwhelmed", "irritated", "trapped", "numb", "ashamed", "sad", "lonely",
    "afraid", "relieved", "calm", "grateful", "hopeful", "tender",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Who {
    Partner,
    Friend,
    Family,
    Work,
    Other,
}

impl Who {
    pub const ALL: [Who; 5] = [Who::Partner, Who::Friend, Who::Family, Who::Work, Who::Other];
    /// The stored name ("partner"), used in forms.
    pub fn key(self) -> &'static str {
        match self {
            Who::Partner => "partner",
            Who::Friend => "friend",
            Who::Family => "family",
            Who::Work => "work",
            Who::Other => "other",
        }
    }
    pub fn from_key(key: &str) -> Option<Who> {
        Who::ALL.into_iter().find(|w| w.key() == key)
    }
    pub fn label(self) -> &'static str {
        match self {
            Who::Partner => t(j::WHO_PARTNER),
            Who::Friend => t(j::WHO_FRIEND),
            Who::Family => t(j::WHO_FAMILY),
            Who::Work => t(j::WHO_WORK),
            Who::Other => t(j::WHO_ELSE),
        }
    }
}

/// What the person did in the moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    PulledAway,
    Stayed,
    ReachedOut,
    NotSure,
}

impl Action {
    pub const ALL: [Action; 4] = [Action::PulledAway, Action::Stayed, Action::ReachedOut, Action::NotSure];
    pub fn label(self) -> &'static str {
        match self {
            Action::PulledAway => t(j::ACTION_PULLED_AWAY),
            Action::Stayed => t(j::ACTION_STAYED),
            Action::ReachedOut => t(j::ACTION_REACHED_OUT),
            Action::NotSure => t(j::ACTION_NOT_SURE),
        }
    }
}

/// One journal entry. Only `text` is required; everything else helps patterns show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    pub id: String,
    /// When it happened (ms). Defaults to now; can be back-dated.
    pub at: i64,
    pub created: i64,
    pub updated: i64,
    /// The id of the prompt it was written from, if any.
    #[serde(default)]
    pub prompt: Option<String>,
    pub text: String,
    #[serde(default)]
    pub who: Vec<Who>,
    /// Chosen from `EMOTIONS`.
    #[serde(default)]
    pub emotions: Vec<String>,
    /// The person's own words for what they felt.
    #[serde(default)]
    pub own_words: String,
    /// Urge to withdraw, 0–10.
    #[serde(default)]
    pub urge: Option<u8>,
    #[serde(default)]
    pub action: Option<Action>,
}

impl Record for JournalEntry {
    const KIND: &'static str = "journal";
    fn id(&self) -> &str {
        &self.id
    }
    fn updated_at(&self) -> i64 {
        self.updated
    }
    fn moments(&self) -> Vec<i64> {
        vec![self.at, self.created, self.updated]
    }
    fn validate(&self) -> Result<(), String> {
        if self.text.trim().is_empty() {
            return Err(t(crate::i18n::k::backup::ENTRY_NEEDS_TEXT).into());
        }
        if self.urge.is_some_and(|u| u > 10) {
            return Err(t(crate::i18n::k::backup::URGE_RANGE).into());
        }
        Ok(())
    }
}

/// Search and filters on the journal list. Everything set must match.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Words to find, in any order, ignoring case.
    pub query: String,
    pub prompt: Option<String>,
    pub emotion: Option<String>,
    pub who: Option<Who>,
    /// Inclusive local days (see `time::local_day`).
    pub from_day: Option<i64>,
    pub to_day: Option<i64>,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        *self != Filter { query: self.query.clone(), ..Filter::default() } || !self.query.trim().is_empty()
    }
}

/// The lower-cased words of a query.
pub fn terms(query: &str) -> Vec<String> {
    query.split_whitespace().map(str::to_lowercase).collect()
}

fn searchable(e: &JournalEntry) -> String {
    let mut s = e.text.to_lowercase();
    for part in [e.own_words.as_str(), e.prompt.as_deref().and_then(prompt).map_or("", |p| t(p.text))] {
        s.push('\n');
        s.push_str(&part.to_lowercase());
    }
    for emotion in &e.emotions {
        s.push('\n');
        s.push_str(emotion);
    }
    s
}

/// The entries that match, newest first (by when it happened).
pub fn filter<'a>(entries: &'a [JournalEntry], f: &Filter, zone: Zone) -> Vec<&'a JournalEntry> {
    let terms = terms(&f.query);
    let mut out: Vec<&JournalEntry> = entries
        .iter()
        .filter(|e| f.prompt.as_ref().is_none_or(|p| e.prompt.as_ref() == Some(p)))
        .filter(|e| f.emotion.as_ref().is_none_or(|m| e.emotions.contains(m)))
        .filter(|e| f.who.is_none_or(|w| e.who.contains(&w)))
        .filter(|e| {
            let day = day_in(e.at, zone);
            f.from_day.is_none_or(|d| day >= d) && f.to_day.is_none_or(|d| day <= d)
        })
        .filter(|e| {
            if terms.is_empty() {
                return true;
            }
            let hay = searchable(e);
            terms.iter().all(|t| hay.contains(t.as_str()))
        })
        .collect();
    out.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id)));
    out
}

/// Splits `text` into pieces, marking those that match a search term, so the
/// shell can wrap matches in `<mark>` while rendering everything as text.
pub fn highlight(text: &str, query: &str) -> Vec<(String, bool)> {
    let terms = terms(query);
    let lower = text.to_lowercase();
    // Lower-casing can change byte lengths (rarely); then skip highlighting.
    if terms.is_empty() || lower.len() != text.len() {
        return vec![(text.to_string(), false)];
    }
    let mut marked = vec![false; text.len()];
    for t in &terms {
        let mut from = 0;
        while let Some(pos) = lower[from..].find(t.as_str()) {
            let start = from + pos;
            marked[start..start + t.len()].iter_mut().for_each(|m| *m = true);
            from = start + t.len().max(1);
        }
    }
    let mut pieces: Vec<(String, bool)> = Vec::new();
    for (i, ch) in text.char_indices() {
        let m = marked[i];
        match pieces.last_mut() {
            Some((s, last)) if *last == m => s.push(ch),
            _ => pieces.push((ch.to_string(), m)),
        }
    }
    pieces
}

/// The start of an entry for the list: whole words, about `max` characters.
pub fn preview(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head).trim_end_matches([',', '.', ';', ':']);
    format!("{cut}…")
}

/// What the journal shows about a person's own pattern.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Patterns {
    pub entries: usize,
    /// Most frequent first, ties alphabetically. Built-in and own words both count.
    pub emotions: Vec<(String, usize)>,
    pub who: Vec<(Who, usize)>,
    pub actions: Vec<(Action, usize)>,
    /// Of the entries that say what the person did, how many stayed or reached out.
    pub leaned_in: usize,
    pub with_action: usize,
    /// (when, urge) in time order, for the chart.
    pub urge: Vec<(i64, u8)>,
}

/// Fewer than this many entries: patterns are described as early glimpses.
pub const FEW_ENTRIES: usize = 5;

/// Most frequent first; a stable sort keeps ties in key order.
fn ranked<K: Ord>(map: std::collections::BTreeMap<K, usize>) -> Vec<(K, usize)> {
    let mut v: Vec<_> = map.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1));
    v
}

pub fn patterns(entries: &[JournalEntry]) -> Patterns {
    use std::collections::BTreeMap;
    let mut emotions: BTreeMap<String, usize> = BTreeMap::new();
    let mut who: BTreeMap<Who, usize> = BTreeMap::new();
    let mut actions = [0usize; 4];
    let mut urge = Vec::new();
    for e in entries {
        for m in &e.emotions {
            *emotions.entry(m.clone()).or_default() += 1;
        }
        for w in e.own_words.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            *emotions.entry(w.to_lowercase()).or_default() += 1;
        }
        for w in &e.who {
            *who.entry(*w).or_default() += 1;
        }
        if let Some(a) = e.action {
            actions[Action::ALL.iter().position(|x| *x == a).expect("known action")] += 1;
        }
        if let Some(u) = e.urge {
            urge.push((e.at, u));
        }
    }
    urge.sort();
    let with_action = actions.iter().sum();
    Patterns {
        entries: entries.len(),
        emotions: ranked(emotions),
        who: ranked(who),
        actions: Action::ALL.iter().copied().zip(actions).filter(|(_, n)| *n > 0).collect(),
        leaned_in: actions[1] + actions[2],
        with_action,
        urge,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn entry(id: &str, text: &str) -> JournalEntry {
        JournalEntry {
            id: id.into(),
            at: 1_763_900_000_000,
            created: 1_763_900_000_000,
            updated: 1_763_900_000_000,
            prompt: Some("withdraw".into()),
            text: text.into(),
            who: vec![Who::Partner],
            emotions: vec!["anxious".into()],
            own_words: String::new(),
            urge: Some(7),
            action: Some(Action::PulledAway),
        }
    }

    #[test]
    fn the_articles_three_prompts_are_word_for_word() {
        assert_eq!(t(prompt("withdraw").unwrap().text), "What situations make me withdraw?");
        assert_eq!(t(prompt("shut-out").unwrap().text), "When do I feel the urge to shut people out?");
        assert_eq!(t(prompt("support").unwrap().text), "What emotions come up when someone tries to support me?");
    }

    #[test]
    fn only_text_is_required() {
        let mut e = entry("x", "something");
        e.prompt = None;
        e.who.clear();
        e.emotions.clear();
        e.urge = None;
        e.action = None;
        assert_eq!(e.validate(), Ok(()));
        e.text = " \n".into();
        assert!(e.validate().is_err());
    }

    #[test]
    fn urge_is_zero_to_ten() {
        let mut e = entry("x", "t");
        e.urge = Some(10);
        assert!(e.validate().is_ok());
        e.urge = Some(11);
        assert!(e.validate().is_err());
    }

    fn at(id: &str, day: i64, text: &str) -> JournalEntry {
        let mut e = entry(id, text);
        e.at = day * 86_400_000 + 12 * 3_600_000;
        e
    }

    #[test]
    fn search_matches_every_word_in_any_order_ignoring_case() {
        let list = vec![at("a", 1, "Dinner with Sam felt CLOSE"), at("b", 2, "Work was loud"), at("c", 3, "close call at work")];
        let f = |q: &str| Filter { query: q.into(), ..Filter::default() };
        let ids = |f: &Filter| filter(&list, f, &|_| 0).iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&f("close")), ["c", "a"], "newest first");
        assert_eq!(ids(&f("work close")), ["c"]);
        assert_eq!(ids(&f("  ")), ["c", "b", "a"]);
        assert_eq!(ids(&f("withdraw")), ["c", "b", "a"], "the prompt text is searchable");
        assert_eq!(ids(&f("anxious")), ["c", "b", "a"], "emotions are searchable");
        assert!(ids(&f("nothing-like-this")).is_empty());
    }

    #[test]
    fn filters_combine_with_search_and_each_other() {
        let mut a = at("a", 10, "one");
        a.who = vec![Who::Friend];
        a.emotions = vec!["calm".into()];
        let mut b = at("b", 20, "one two");
        b.prompt = Some("safe".into());
        let c = at("c", 30, "two");
        let list = vec![a, b, c];
        let ids = |f: Filter| filter(&list, &f, &|_| 0).iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(Filter { who: Some(Who::Friend), ..Filter::default() }), ["a"]);
        assert_eq!(ids(Filter { emotion: Some("anxious".into()), ..Filter::default() }), ["c", "b"]);
        assert_eq!(ids(Filter { prompt: Some("safe".into()), ..Filter::default() }), ["b"]);
        assert_eq!(ids(Filter { from_day: Some(15), to_day: Some(30), ..Filter::default() }), ["c", "b"]);
        assert_eq!(ids(Filter { from_day: Some(15), query: "one".into(), ..Filter::default() }), ["b"]);
        assert!(Filter { who: Some(Who::Work), ..Filter::default() }.is_active());
        assert!(!Filter::default().is_active());
    }

    #[test]
    fn a_back_dated_entry_sorts_into_its_place() {
        let list = vec![at("new", 30, "x"), at("old-but-written-last", 5, "x"), at("mid", 20, "x")];
        let ids: Vec<_> = filter(&list, &Filter::default(), &|_| 0).iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["new", "mid", "old-but-written-last"]);
    }

    #[test]
    fn highlights_cover_every_match_and_keep_the_text_whole() {
        let pieces = highlight("Close, closer, CLOSEST <b>", "close");
        let joined: String = pieces.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(joined, "Close, closer, CLOSEST <b>");
        let marked: Vec<_> = pieces.iter().filter(|(_, m)| *m).map(|(s, _)| s.as_str()).collect();
        assert_eq!(marked, ["Close", "close", "CLOSE"]);
        assert_eq!(highlight("🌱 café", "café"), vec![("🌱 ".into(), false), ("café".into(), true)]);
        assert_eq!(highlight("abc", ""), vec![("abc".into(), false)]);
    }

    #[test]
    fn previews_cut_at_a_word_and_flatten_lines() {
        assert_eq!(preview("short\ntext", 40), "short text");
        assert_eq!(preview("one two three four five", 12), "one two…");
    }

    #[test]
    fn patterns_count_emotions_situations_and_leaning_in() {
        let mut a = at("a", 1, "x");
        a.emotions = vec!["anxious".into(), "numb".into()];
        a.own_words = "Small, small".into();
        a.action = Some(Action::Stayed);
        a.urge = Some(8);
        let mut b = at("b", 2, "x");
        b.who = vec![Who::Partner, Who::Family];
        b.action = Some(Action::ReachedOut);
        b.urge = Some(3);
        let mut c = at("c", 0, "x");
        c.action = None;
        c.urge = None;
        let p = patterns(&[a, b, c]);
        assert_eq!(p.entries, 3);
        assert_eq!(p.emotions[0], ("anxious".to_string(), 3), "a, and b and c by default");
        assert!(p.emotions.contains(&("small".to_string(), 2)));
        assert_eq!(p.who[0], (Who::Partner, 3));
        assert_eq!((p.leaned_in, p.with_action), (2, 2));
        assert_eq!(p.urge, vec![(86_400_000 + 43_200_000, 8), (2 * 86_400_000 + 43_200_000, 3)]);
        assert_eq!(patterns(&[]), Patterns::default());
    }

    #[test]
    fn older_entries_without_optional_fields_still_read() {
        let json = r#"{"id":"a","at":1,"created":1,"updated":1,"text":"hi"}"#;
        let e: JournalEntry = serde_json::from_str(json).unwrap();
        assert_eq!(e.who, vec![]);
        assert_eq!(e.urge, None);
    }
}
