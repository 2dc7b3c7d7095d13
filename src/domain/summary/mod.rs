//! "Prepare a summary": the gist of a period, to bring to therapy, built from the
//! records and the person's choices by one pure function. It describes and never
//! judges; where there is too little to say, it says so ("Only 2 entries in this
//! period") instead of drawing a chart of two points. Nothing the person wrote is
//! quoted unless they ticked it.
//!
//! The page (`src/summary/`) renders a `Summary` as the preview and the print
//! page; `markdown.rs` writes the same structure as Markdown.

mod between;
mod markdown;
mod parts;

pub use markdown::to_markdown;
use crate::i18n::{k::summary as sm, t, t_with};
use between::{helped_section, moments_section};
use parts::{checks_section, chosen_section, note_section, pulling_away_section, reframes_section, steps_section, urge_section};

use super::check::SelfCheck;
use super::helped::Helped;
use super::moment::Moment;
use super::journal::JournalEntry;
use super::practice::PlannedStep;
use super::reframe::Reframe;
use super::time::{civil_from_days, day_in, days_from_civil, format_day, Date, Zone};

/// Fewer points than this are told in words, not drawn.
pub const CHART_FROM: usize = 3;

/// Which stretch of time the summary covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    FourWeeks,
    ThreeMonths,
    Year,
    Everything,
    /// Two dates, both included (in either order).
    Between(Date, Date),
}

/// The parts a person can include, in the order they appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    Checks,
    PullingAway,
    Urge,
    Reframes,
    Steps,
    Chosen,
    /// What has helped, in the person's words and order (chosen, not by default).
    Helped,
    /// How safe closeness felt before and after secure-base moments (chosen, not by default).
    Moments,
    Note,
}

impl Part {
    pub const ALL: [Part; 9] =
        [Part::Checks, Part::PullingAway, Part::Urge, Part::Reframes, Part::Steps, Part::Chosen, Part::Helped, Part::Moments, Part::Note];

    /// Whether a new summary includes it before the person chooses: the later
    /// parts are theirs to add.
    pub fn by_default(self) -> bool {
        !matches!(self, Part::Helped | Part::Moments)
    }

    /// The section's heading, in the person's own voice: the summary is theirs to hand over.
    pub fn title(self) -> &'static str {
        match self {
            Part::Checks => t(sm::SELF_CHECK_OVER_TIME),
            Part::PullingAway => t(sm::WHEN_PULL_AWAY),
            Part::Urge => t(sm::URGE_WITHDRAW_WHAT_DID),
            Part::Reframes => t(sm::REFRAMES),
            Part::Steps => t(sm::SMALL_STEPS),
            Part::Chosen => t(sm::OWN_WORDS),
            Part::Helped => t(sm::HELPED),
            Part::Moments => t(sm::MOMENTS),
            Part::Note => t(sm::WHAT_D_LIKE_TALK_2),
        }
    }

    /// A stable name, for drafts and test ids.
    pub fn key(self) -> &'static str {
        ["checks", "pulling-away", "urge", "reframes", "steps", "chosen", "helped", "moments", "note"][self as usize]
    }
}

/// What the person chose.
#[derive(Clone, Debug, PartialEq)]
pub struct Choices {
    pub period: Period,
    pub parts: Vec<Part>,
    /// Ids of journal entries and reframes to include word for word. None by default.
    pub chosen: Vec<String>,
    /// "What I'd like to talk about", written on the spot.
    pub note: String,
    /// Optional; no name by default.
    pub first_name: String,
}

/// Everything the summary may draw on.
pub struct Records<'a> {
    pub journal: &'a [JournalEntry],
    pub checks: &'a [SelfCheck],
    pub reframes: &'a [Reframe],
    pub steps: &'a [PlannedStep],
    pub helped: &'a [Helped],
    pub moments: &'a [Moment],
}

/// A chart's points, always shown with the same numbers as a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Chart {
    /// (date, value) from 0 to `max`, oldest first.
    Line { title: &'static str, value_label: &'static str, max: u8, points: Vec<(String, u8)> },
    /// (date, first, second), 0–10, oldest first.
    Pair { title: &'static str, names: (&'static str, &'static str), items: Vec<(String, u8, u8)> },
}

/// A short list, most first: ("Partner", "6"), or a statement and how often.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub heading: &'static str,
    pub rows: Vec<(String, String)>,
}

/// A journal entry or reframe the person chose to include in full.
#[derive(Clone, Debug, PartialEq)]
pub struct Quoted {
    pub heading: String,
    /// (label, the person's words): a label of `None` is the entry's own text.
    pub parts: Vec<(Option<&'static str>, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub part: Part,
    pub sentences: Vec<String>,
    pub lists: Vec<Ranked>,
    pub chart: Option<(Chart, String)>,
    pub quoted: Vec<Quoted>,
}

impl Section {
    fn new(part: Part) -> Section {
        Section { part, sentences: Vec::new(), lists: Vec::new(), chart: None, quoted: Vec::new() }
    }
    fn say(&mut self, sentence: impl Into<String>) {
        self.sentences.push(sentence.into());
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub name: Option<String>,
    /// "27 Oct 2026 to 24 Nov 2026"
    pub period: String,
    pub prepared_on: String,
    pub sections: Vec<Section>,
}

/// The first and last local day (as day numbers) that a period covers.
pub fn period_days(period: Period, today: i64, records: &Records, zone: Zone) -> (i64, i64) {
    let months_back = |months: i32| {
        let d = civil_from_days(today);
        let total = d.year * 12 + d.month as i32 - 1 - months;
        let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        // The same day of the month, or the month's last day when it has fewer.
        let last = (28..=31).rev().find(|&day| civil_from_days(days_from_civil(Date { year, month, day })).day == day).unwrap_or(28);
        days_from_civil(Date { year, month, day: d.day.min(last) })
    };
    match period {
        Period::FourWeeks => (today - 27, today),
        Period::ThreeMonths => (months_back(3), today),
        Period::Year => (months_back(12), today),
        Period::Everything => {
            let first = records.journal.iter().map(|e| e.at)
                .chain(records.checks.iter().map(|c| c.at))
                .chain(records.reframes.iter().map(|r| r.created))
                .chain(records.steps.iter().map(|s| s.created))
                .map(|ms| day_in(ms, zone))
                .min();
            (first.unwrap_or(today).min(today), today)
        }
        Period::Between(a, b) => {
            let (a, b) = (days_from_civil(a), days_from_civil(b));
            (a.min(b), a.max(b))
        }
    }
}

/// Whether a moment falls on one of the period's local days, as of `now_ms`.
pub fn within_period<'z>(period: Period, records: &Records, now_ms: i64, zone: Zone<'z>) -> impl Fn(i64) -> bool + 'z {
    let (first, last) = period_days(period, day_in(now_ms, zone), records, zone);
    within_days(first, last, zone)
}

fn within_days<'z>(first: i64, last: i64, zone: Zone<'z>) -> impl Fn(i64) -> bool + 'z {
    move |ms| (first..=last).contains(&day_in(ms, zone))
}

/// The summary for these choices: a pure function of the records, the choices,
/// and today.
pub fn summarise(records: &Records, choices: &Choices, now_ms: i64, zone: Zone) -> Summary {
    let (first, last) = period_days(choices.period, day_in(now_ms, zone), records, zone);
    let within = within_days(first, last, zone);
    let date = |ms: i64| format_day(civil_from_days(day_in(ms, zone)));

    let mut journal: Vec<&JournalEntry> = records.journal.iter().filter(|e| within(e.at)).collect();
    journal.sort_by_key(|e| e.at);
    let mut checks: Vec<&SelfCheck> = records.checks.iter().filter(|c| within(c.at)).collect();
    checks.sort_by_key(|c| c.at);
    let mut reframes: Vec<&Reframe> = records.reframes.iter().filter(|r| within(r.created)).collect();
    reframes.sort_by_key(|r| r.created);

    let mut sections = Vec::new();
    for part in Part::ALL.into_iter().filter(|p| choices.parts.contains(p)) {
        let section = match part {
            Part::Checks => checks_section(&checks, &date),
            Part::PullingAway => pulling_away_section(&journal, zone),
            Part::Urge => urge_section(&journal, &date),
            Part::Reframes => reframes_section(&reframes, &date),
            Part::Steps => steps_section(records.steps, &within, zone, &date),
            Part::Chosen => chosen_section(&journal, &reframes, &choices.chosen, &date),
            Part::Helped => helped_section(records.helped),
            Part::Moments => moments_section(records.moments, &within, &date),
            Part::Note => note_section(&choices.note),
        };
        sections.extend(section);
    }
    let name = Some(choices.first_name.trim().to_string()).filter(|n| !n.is_empty());
    let period = t_with(sm::PERIOD_FROM_TO, &[("from", &format_day(civil_from_days(first))), ("to", &format_day(civil_from_days(last)))]);
    Summary { name, period, prepared_on: date(now_ms), sections }
}

#[cfg(test)]
mod tests;
