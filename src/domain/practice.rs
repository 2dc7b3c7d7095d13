//! Small steps: the article's acts of interdependence and vulnerability, planned,
//! tried, and looked back on. Progress is counted kindly: no streaks, no guilt.

use crate::i18n::{decimal, k::practice as pr, t, t_with, Key};
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::calendar::OneTime;
use super::records::Record;
use super::time::{local_date, Zone};

/// A step in the built-in library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LibraryStep {
    pub id: &'static str,
    pub group: usize,
    pub text: Key,
    pub why: Key,
}

/// The article's two headings.
pub const GROUPS: [Key; 2] = [pr::GROUP_MYTH, pr::GROUP_VULNERABILITY];

pub const LIBRARY: [LibraryStep; 7] = [
    LibraryStep { id: "ask-help", group: 0, text: pr::STEP_ASK_HELP, why: pr::STEP_ASK_HELP_WHY },
    LibraryStep { id: "share-worry", group: 0, text: pr::STEP_SHARE_WORRY, why: pr::STEP_SHARE_WORRY_WHY },
    LibraryStep { id: "accept-support", group: 0, text: pr::STEP_ACCEPT_SUPPORT, why: pr::STEP_ACCEPT_SUPPORT_WHY },
    LibraryStep { id: "rough-day", group: 0, text: pr::STEP_ROUGH_DAY, why: pr::STEP_ROUGH_DAY_WHY },
    LibraryStep { id: "share-feeling", group: 1, text: pr::STEP_SHARE_FEELING, why: pr::STEP_SHARE_FEELING_WHY },
    LibraryStep { id: "accept-compliment", group: 1, text: pr::STEP_ACCEPT_COMPLIMENT, why: pr::STEP_ACCEPT_COMPLIMENT_WHY },
    LibraryStep { id: "let-comfort", group: 1, text: pr::STEP_LET_COMFORT, why: pr::STEP_LET_COMFORT_WHY },
];

/// The article's closing question.
pub const CLOSING_QUESTION: Key = pr::CLOSING_QUESTION;

pub fn library_step(id: &str) -> Option<&'static LibraryStep> {
    LIBRARY.iter().find(|s| s.id == id)
}

/// A step the person added to their own library.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomStep {
    pub id: String,
    pub created: i64,
    pub text: String,
}

impl Record for CustomStep {
    const KIND: &'static str = "custom_step";
    fn id(&self) -> &str {
        &self.id
    }
    fn updated_at(&self) -> i64 {
        self.created
    }
    fn validate(&self) -> Result<(), String> {
        check_step_text(&self.text)
    }
}

fn check_step_text(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err(crate::i18n::t(crate::i18n::k::backup::STEP_NEEDS_WORDS).into());
    }
    Ok(())
}

/// How a planned step went.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub logged_at: i64,
    pub done: bool,
    /// How uncomfortable it actually was, 0–10 (when done).
    #[serde(default)]
    pub actual: Option<u8>,
    /// What happened, and how it felt.
    #[serde(default)]
    pub note: String,
}

/// A step the person planned, and later, how it went.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlannedStep {
    pub id: String,
    pub created: i64,
    pub updated: i64,
    /// The library step it came from, if any.
    #[serde(default)]
    pub library_id: Option<String>,
    pub text: String,
    #[serde(default)]
    pub with_whom: String,
    /// How uncomfortable they expect it to be, 0–10.
    pub expected: u8,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// When the person means to take it, if they chose: a local wall-clock time,
    /// "2026-11-28T18:30", read wherever the phone is (as a calendar reads it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
}

impl PlannedStep {
    /// The chosen date and time as a calendar event's start. A time that does not
    /// read as one is left as it is and simply not shown: it is no reason to set
    /// the step itself aside.
    pub fn planned_for(&self) -> Option<OneTime> {
        self.when.as_deref().and_then(parse_when)
    }
    pub fn is_open(&self) -> bool {
        self.outcome.is_none()
    }
    pub fn is_done(&self) -> bool {
        self.outcome.as_ref().is_some_and(|o| o.done)
    }
}

impl Record for PlannedStep {
    const KIND: &'static str = "step";
    fn id(&self) -> &str {
        &self.id
    }
    fn updated_at(&self) -> i64 {
        self.updated
    }
    fn moments(&self) -> Vec<i64> {
        let mut all = vec![self.created, self.updated];
        all.extend(self.outcome.as_ref().map(|o| o.logged_at));
        all
    }
    fn validate(&self) -> Result<(), String> {
        check_step_text(&self.text)?;
        if self.expected > 10 || self.outcome.as_ref().and_then(|o| o.actual).is_some_and(|a| a > 10) {
            return Err(crate::i18n::t(crate::i18n::k::backup::DISCOMFORT_RANGE).into());
        }
        Ok(())
    }
}

/// A datetime-local value, "2026-11-28T18:30", as a date and time of day.
pub fn parse_when(text: &str) -> Option<OneTime> {
    let (date, hour, minute) = super::time::parse_local_datetime(text)?;
    (1..=9999).contains(&date.year).then_some(OneTime { date, hour, minute })
}

/// "Saturday 28 November at 18:30", for a planned step.
pub fn describe_when(at: &OneTime) -> String {
    use crate::i18n::k::calendar as c;
    let values = [
        ("weekday", super::calendar::Weekday::of(at.date).name().to_string()),
        ("day", at.date.day.to_string()),
        ("month", crate::i18n::t(super::time::MONTH_NAMES[(at.date.month - 1) as usize]).to_string()),
        ("year", at.date.year.to_string()),
        ("time", format!("{:02}:{:02}", at.hour, at.minute)),
    ];
    crate::i18n::t_with(c::PLANNED_AT, &values.each_ref().map(|(k, v)| (*k, v.as_str())))
}

/// The step to show as "today's": the most recently planned one not yet logged.
pub fn current_step(steps: &[PlannedStep]) -> Option<&PlannedStep> {
    steps.iter().filter(|s| s.is_open()).max_by_key(|s| s.created)
}

/// Progress, in numbers a person can take in at a glance.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    pub done: usize,
    /// Steps done per calendar month, oldest first: ((year, month), count).
    pub by_month: Vec<((i32, u32), usize)>,
    /// (logged at, expected, actual) for done steps with both figures, oldest first.
    pub discomfort: Vec<(i64, u8, u8)>,
    /// Average expected and actual discomfort, in tenths (62 = 6.2).
    pub averages: Option<(u32, u32)>,
    /// Step texts done most, most first.
    pub most_done: Vec<(String, usize)>,
}

pub fn progress(steps: &[PlannedStep], zone: Zone) -> Progress {
    let done: Vec<&PlannedStep> = steps.iter().filter(|s| s.is_done()).collect();
    let mut by_month: BTreeMap<(i32, u32), usize> = BTreeMap::new();
    let mut texts: BTreeMap<String, usize> = BTreeMap::new();
    let mut discomfort = Vec::new();
    for s in &done {
        let outcome = s.outcome.as_ref().expect("done steps have an outcome");
        let d = local_date(outcome.logged_at, zone(outcome.logged_at));
        *by_month.entry((d.year, d.month)).or_default() += 1;
        *texts.entry(s.text.trim().to_string()).or_default() += 1;
        if let Some(actual) = outcome.actual {
            discomfort.push((outcome.logged_at, s.expected, actual));
        }
    }
    discomfort.sort();
    let averages = (!discomfort.is_empty()).then(|| {
        let n = discomfort.len() as u32;
        let sum = |f: fn(&(i64, u8, u8)) -> u8| discomfort.iter().map(|d| u32::from(f(d))).sum::<u32>() * 10 / n;
        (sum(|d| d.1), sum(|d| d.2))
    });
    let mut most_done: Vec<(String, usize)> = texts.into_iter().collect();
    most_done.sort_by(|a, b| b.1.cmp(&a.1));
    most_done.truncate(5);
    Progress { done: done.len(), by_month: by_month.into_iter().collect(), discomfort, averages, most_done }
}

/// One plain sentence about expected against actual discomfort.
pub fn discomfort_sentence(averages: Option<(u32, u32)>) -> String {
    let tenths = |t: u32| decimal(i64::from(t), 1);
    match averages {
        None => t(pr::COMPARE_NONE).into(),
        Some((e, a)) if a < e => t_with(pr::COMPARE_LESS, &[("expected", &tenths(e)), ("actual", &tenths(a))]),
        Some((e, a)) if a > e => t_with(pr::COMPARE_MORE, &[("expected", &tenths(e)), ("actual", &tenths(a))]),
        Some((e, _)) => t_with(pr::COMPARE_SAME, &[("expected", &tenths(e))]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::MS_PER_DAY;

    fn step(id: &str, created: i64, text: &str, expected: u8, outcome: Option<(bool, Option<u8>)>) -> PlannedStep {
        PlannedStep {
            id: id.into(),
            created,
            updated: created,
            library_id: None,
            text: text.into(),
            with_whom: String::new(),
            expected,
            outcome: outcome.map(|(done, actual)| Outcome { logged_at: created + MS_PER_DAY, done, actual, note: String::new() }),
            when: None,
        }
    }

    #[test]
    fn a_planned_time_is_a_local_date_and_time_and_stays_optional() {
        use crate::domain::records::{decode, encode};
        let mut s = step("a", 1, "Ask for help", 5, None);
        assert_eq!(s.planned_for(), None);
        // A step saved before steps had times reads as before, and writes no field.
        let old = encode(&s);
        assert!(old.get("when").is_none());
        assert_eq!(decode::<PlannedStep>(&old).unwrap(), s);

        s.when = Some("2026-11-28T18:30".into());
        let at = s.planned_for().unwrap();
        assert_eq!((at.date.year, at.date.month, at.date.day, at.hour, at.minute), (2026, 11, 28, 18, 30));
        assert_eq!(describe_when(&at), "Saturday 28 November 2026 at 18:30");
        assert_eq!(decode::<PlannedStep>(&encode(&s)).unwrap(), s);

        for bad in ["2026-02-30T10:00", "2026-11-28", "2026-11-28T25:00", "tomorrow"] {
            s.when = Some(bad.into());
            assert_eq!(s.planned_for(), None, "{bad}");
            assert_eq!(s.validate(), Ok(()), "{bad}: the step is still readable");
        }
    }

    #[test]
    fn the_library_holds_the_articles_seven_acts_under_its_two_headings() {
        assert_eq!(LIBRARY.len(), 7);
        assert_eq!(LIBRARY.iter().filter(|s| s.group == 0).count(), 4);
        assert_eq!(LIBRARY.iter().filter(|s| s.group == 1).count(), 3);
        assert!(t(library_step("accept-compliment").unwrap().text).contains("compliment without deflecting"));
        for id in ["share-feeling", "ask-help", "share-worry"] {
            assert!(library_step(id).is_some(), "self-check links to {id}");
        }
    }

    #[test]
    fn todays_step_is_the_newest_one_not_yet_logged() {
        let steps = [step("a", 1, "x", 5, None), step("b", 3, "y", 5, Some((true, Some(2)))), step("c", 2, "z", 5, None)];
        assert_eq!(current_step(&steps).map(|s| s.id.as_str()), Some("c"));
        assert_eq!(current_step(&steps[1..2]), None);
    }

    #[test]
    fn progress_counts_done_steps_by_month_and_compares_discomfort() {
        let jan = 20_454 * MS_PER_DAY; // 2026-01-01
        let feb = jan + 40 * MS_PER_DAY;
        let steps = [
            step("a", jan, "Ask for help", 8, Some((true, Some(3)))),
            step("b", jan + MS_PER_DAY, "Ask for help", 6, Some((true, Some(4)))),
            step("c", feb, "Rough day", 7, Some((true, None))),
            step("d", feb, "Not yet", 9, Some((false, None))),
            step("e", feb, "Open", 2, None),
        ];
        let p = progress(&steps, &|_| 0);
        assert_eq!(p.done, 3);
        assert_eq!(p.by_month, vec![((2026, 1), 2), ((2026, 2), 1)]);
        assert_eq!(p.discomfort.len(), 2);
        assert_eq!(p.averages, Some((70, 35)));
        assert_eq!(p.most_done[0], ("Ask for help".to_string(), 2));
        assert!(discomfort_sentence(p.averages).contains("expected 7.0 out of 10 and it turned out 3.5"));
        assert_eq!(progress(&[], &|_| 0), Progress::default());
    }

    #[test]
    fn the_discomfort_sentence_is_honest_either_way_and_never_guilts() {
        assert!(discomfort_sentence(Some((40, 60))).contains("choosing smaller ones"));
        assert!(discomfort_sentence(Some((50, 50))).contains("as you expected"));
        for s in [discomfort_sentence(None), discomfort_sentence(Some((40, 60))), discomfort_sentence(Some((60, 40)))] {
            for bad in ["streak", "failed", "should have", "missed"] {
                assert!(!s.to_lowercase().contains(bad), "{s}");
            }
        }
    }

    #[test]
    fn steps_need_text_and_discomfort_within_range() {
        assert!(step("a", 1, "x", 10, Some((true, Some(10)))).validate().is_ok());
        assert!(step("a", 1, " ", 3, None).validate().is_err());
        assert!(step("a", 1, "x", 11, None).validate().is_err());
        assert!(step("a", 1, "x", 3, Some((true, Some(12)))).validate().is_err());
    }
}
