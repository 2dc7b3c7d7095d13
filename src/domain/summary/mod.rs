//! "Prepare a summary": the gist of a period, to bring to therapy, built from the
//! records and the person's choices by one pure function. It describes and never
//! judges; where there is too little to say, it says so ("Only 2 entries in this
//! period") instead of drawing a chart of two points. Nothing the person wrote is
//! quoted unless they ticked it.
//!
//! The page (`src/summary/`) renders a `Summary` as the preview and the print
//! page; `markdown.rs` writes the same structure as Markdown.

mod markdown;

pub use markdown::to_markdown;

use std::collections::BTreeMap;

use super::check::{score_of, SelfCheck, SCALE, STATEMENTS};
use super::journal::{Action, JournalEntry, Who, EMOTIONS};
use super::practice::{library_step, progress, PlannedStep};
use super::reframe::{shift_label, Reframe, STEPS};
use super::time::{civil_from_days, day_in, days_from_civil, format_day, Date, Zone};
use super::words::plural;

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
    Note,
}

impl Part {
    pub const ALL: [Part; 7] = [Part::Checks, Part::PullingAway, Part::Urge, Part::Reframes, Part::Steps, Part::Chosen, Part::Note];

    /// The section's heading, in the person's own voice: the summary is theirs to hand over.
    pub fn title(self) -> &'static str {
        match self {
            Part::Checks => "Self-check over time",
            Part::PullingAway => "When I pull away",
            Part::Urge => "The urge to withdraw, and what I did",
            Part::Reframes => "Reframes",
            Part::Steps => "Small steps",
            Part::Chosen => "In my own words",
            Part::Note => "What I\u{2019}d like to talk about",
        }
    }

    /// A stable name, for drafts and test ids.
    pub fn key(self) -> &'static str {
        ["checks", "pulling-away", "urge", "reframes", "steps", "chosen", "note"][self as usize]
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

/// The summary for these choices: a pure function of the records, the choices,
/// and today.
pub fn summarise(records: &Records, choices: &Choices, now_ms: i64, zone: Zone) -> Summary {
    let today = day_in(now_ms, zone);
    let (first, last) = period_days(choices.period, today, records, zone);
    let within = |ms: i64| (first..=last).contains(&day_in(ms, zone));
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
            Part::Note => note_section(&choices.note),
        };
        sections.extend(section);
    }
    let name = Some(choices.first_name.trim().to_string()).filter(|n| !n.is_empty());
    let period = format!("{} to {}", format_day(civil_from_days(first)), format_day(civil_from_days(last)));
    Summary { name, period, prepared_on: date(now_ms), sections }
}

/// A mean of small whole numbers in tenths, rounded half away from zero.
fn mean_tenths(values: impl Iterator<Item = i32>) -> i32 {
    let (sum, n) = values.fold((0i32, 0i32), |(s, n), v| (s + v, n + 1));
    if n == 0 {
        return 0;
    }
    let t = sum * 10;
    (t + t.signum() * n / 2) / n
}

/// Tenths as "6.5", or "−0.5".
fn tenths(t: i32) -> String {
    let sign = if t < 0 { "\u{2212}" } else { "" };
    format!("{sign}{}.{}", t.abs() / 10, t.abs() % 10)
}

/// "6.5": the mean of ratings, to one decimal.
fn mean(values: impl Iterator<Item = u8>) -> String {
    tenths(mean_tenths(values.map(i32::from)))
}

fn only(n: usize, one: &str, many: &str) -> String {
    format!("Only {} in this period.", plural(n, one, many))
}

fn checks_section(checks: &[&SelfCheck], date: &dyn Fn(i64) -> String) -> Option<Section> {
    let mut s = Section::new(Part::Checks);
    s.say("The self-check is a reflection tool, not a diagnosis. Scores run from 0 to 100: higher means the seven thoughts came up more often.");
    let scores: Vec<(String, u8)> = checks.iter().map(|c| (date(c.at), score_of(c))).collect();
    match scores.len() {
        0 => s.say("No self-check was taken in this period."),
        n if n < CHART_FROM => {
            s.say(only(n, "self-check", "self-checks"));
            for (when, score) in &scores {
                s.say(format!("{when}: {score} out of 100."));
            }
        }
        n => {
            let (first, last) = (&scores[0], &scores[n - 1]);
            let summary = format!("{n} self-checks, from {} out of 100 on {} to {} on {}.", first.1, first.0, last.1, last.0);
            s.chart = Some((Chart::Line { title: "Self-check scores", value_label: "Score", max: 100, points: scores }, summary));
        }
    }
    if !checks.is_empty() {
        // The statements rated highest on average, when at least "Sometimes".
        let mut averages: Vec<(usize, u32)> = (0..STATEMENTS.len())
            .map(|i| (i, checks.iter().map(|c| u32::from(c.answers[i])).sum::<u32>() * 10 / checks.len() as u32))
            .filter(|(_, tenths)| *tenths >= 20)
            .collect();
        averages.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let rows: Vec<(String, String)> = averages.iter().take(3).map(|(i, t)| (format!("\u{201c}{}\u{201d}", STATEMENTS[*i]), SCALE[((*t + 5) / 10) as usize].to_string())).collect();
        match rows.is_empty() {
            true => s.say("No statement was rated \u{201c}Sometimes\u{201d} or more often, on average."),
            false => s.lists.push(Ranked { heading: "Rated highest, on average", rows }),
        }
    }
    Some(s)
}

/// Morning, afternoon, evening or night, from a local hour.
fn part_of_day(hour: i64) -> &'static str {
    match hour {
        5..=11 => "In the morning",
        12..=16 => "In the afternoon",
        17..=21 => "In the evening",
        _ => "At night",
    }
}

/// Most frequent first (ties in key order), as (name, count).
fn ranked<K: Ord>(map: BTreeMap<K, usize>, name: impl Fn(K) -> String, max: usize) -> Vec<(String, String)> {
    let mut rows: Vec<(K, usize)> = map.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1));
    rows.into_iter().take(max).map(|(k, n)| (name(k), n.to_string())).collect()
}

fn pulling_away_section(journal: &[&JournalEntry], zone: Zone) -> Option<Section> {
    let mut s = Section::new(Part::PullingAway);
    match journal.len() {
        0 => {
            s.say("No journal entries in this period.");
            return Some(s);
        }
        n if n < super::journal::FEW_ENTRIES => s.say(format!("{} These are early glimpses, not a pattern yet.", only(n, "journal entry", "journal entries"))),
        n => s.say(format!("{} in this period.", plural(n, "journal entry", "journal entries"))),
    }
    let (mut who, mut feelings, mut when) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    let mut own_words = 0;
    for e in journal {
        for w in &e.who {
            *who.entry(*w).or_insert(0) += 1;
        }
        // Only the listed feelings are counted by name: a person's own words are theirs to quote.
        for f in e.emotions.iter().filter(|f| EMOTIONS.contains(&f.as_str())) {
            *feelings.entry(f.clone()).or_insert(0) += 1;
        }
        own_words += usize::from(!e.own_words.trim().is_empty());
        let local = e.at + i64::from(zone(e.at)) * 60_000;
        *when.entry(part_of_day(local.rem_euclid(86_400_000) / 3_600_000)).or_insert(0) += 1;
    }
    let who_rows = ranked(who, |w: Who| w.label().to_string(), 5);
    if !who_rows.is_empty() {
        s.lists.push(Ranked { heading: "Who it was with", rows: who_rows });
    }
    let feeling_rows = ranked(feelings, |f: String| f, 5);
    if !feeling_rows.is_empty() {
        s.lists.push(Ranked { heading: "Feelings that came up most", rows: feeling_rows });
    }
    if own_words > 0 {
        s.say(format!("{} also named feelings in their own words (not shown here).", plural(own_words, "entry", "entries")));
    }
    s.lists.push(Ranked { heading: "When it happened", rows: ranked(when, |w: &str| w.to_string(), 4) });
    Some(s)
}

fn urge_section(journal: &[&JournalEntry], date: &dyn Fn(i64) -> String) -> Option<Section> {
    let mut s = Section::new(Part::Urge);
    let urges: Vec<(String, u8)> = journal.iter().filter_map(|e| e.urge.map(|u| (date(e.at), u))).collect();
    match urges.len() {
        0 => s.say("No entry in this period rated the urge to withdraw."),
        n if n < CHART_FROM => {
            s.say(only(n, "rating of the urge to withdraw", "ratings of the urge to withdraw"));
            for (when, u) in &urges {
                s.say(format!("{when}: {u} out of 10."));
            }
        }
        n => {
            let average = mean(urges.iter().map(|(_, u)| *u));
            let half = n / 2;
            let earlier = mean(urges[..half].iter().map(|(_, u)| *u));
            let later = mean(urges[n - half..].iter().map(|(_, u)| *u));
            let summary = format!("{n} ratings, {average} out of 10 on average: {earlier} in the earlier half, {later} in the later half.");
            s.chart = Some((Chart::Line { title: "The urge to withdraw", value_label: "Urge (0\u{2013}10)", max: 10, points: urges }, summary));
        }
    }
    let count = |a: Action| journal.iter().filter(|e| e.action == Some(a)).count();
    let (stayed, reached, pulled, unsure) = (count(Action::Stayed), count(Action::ReachedOut), count(Action::PulledAway), count(Action::NotSure));
    if stayed + reached + pulled + unsure == 0 {
        s.say("No entry in this period says what I did.");
    } else {
        let rows = [("Stayed or reached out", stayed + reached), ("Pulled away", pulled), ("Not sure", unsure)];
        s.lists.push(Ranked { heading: "What I did", rows: rows.into_iter().filter(|(_, n)| *n > 0).map(|(l, n)| (l.to_string(), n.to_string())).collect() });
    }
    Some(s)
}

fn reframes_section(reframes: &[&Reframe], date: &dyn Fn(i64) -> String) -> Option<Section> {
    let mut s = Section::new(Part::Reframes);
    let rated: Vec<(String, u8, u8)> = reframes.iter().filter_map(|r| Some((date(r.created), r.safe_before?, r.safe_after?))).collect();
    match (reframes.len(), rated.len()) {
        (0, _) => s.say("No reframes in this period."),
        (n, 0) => s.say(format!("{} in this period, none with a before and after rating.", plural(n, "reframe", "reframes"))),
        (n, m) => {
            let before = mean(rated.iter().map(|r| r.1));
            let after = mean(rated.iter().map(|r| r.2));
            let shift = mean_tenths(rated.iter().map(|r| i32::from(r.2) - i32::from(r.1)));
            let shift = format!("{}{}", if shift > 0 { "+" } else { "" }, tenths(shift));
            s.say(format!("{} in this period.", plural(n, "reframe", "reframes")));
            let sentence = format!("How safe closeness felt, from 0 to 10: {before} before a reframe and {after} after, on average ({shift}).");
            if m < CHART_FROM {
                s.say(sentence);
                for (when, b, a) in &rated {
                    s.say(format!("{when}: {b} before, {a} after ({}).", shift_label(*a as i8 - *b as i8)));
                }
            } else {
                s.chart = Some((Chart::Pair { title: "How safe closeness felt, before and after each reframe", names: ("Before", "After"), items: rated }, sentence));
            }
        }
    }
    Some(s)
}

fn steps_section(steps: &[PlannedStep], within: &dyn Fn(i64) -> bool, zone: Zone, date: &dyn Fn(i64) -> String) -> Option<Section> {
    let mut s = Section::new(Part::Steps);
    let planned = steps.iter().filter(|st| within(st.created)).count();
    let logged: Vec<PlannedStep> = steps.iter().filter(|st| st.outcome.as_ref().is_some_and(|o| within(o.logged_at))).cloned().collect();
    let taken = logged.iter().filter(|st| st.is_done()).count();
    let not_yet = logged.len() - taken;
    if planned == 0 && logged.is_empty() {
        s.say("No small steps were planned or taken in this period.");
        return Some(s);
    }
    let mut line = format!("{} planned, {} taken", plural(planned, "small step", "small steps"), taken);
    if not_yet > 0 {
        line.push_str(&format!(", {not_yet} logged as \u{201c}not yet\u{201d}"));
    }
    s.say(format!("{line}."));
    let p = progress(&logged, zone);
    if let Some((expected, actual)) = p.averages {
        let sentence = format!("Expected discomfort was {} out of 10 on average; how it really felt, {}.", tenths(expected as i32), tenths(actual as i32));
        if p.discomfort.len() < CHART_FROM {
            s.say(sentence);
        } else {
            let items = p.discomfort.iter().map(|(at, e, a)| (date(*at), *e, *a)).collect();
            s.chart = Some((Chart::Pair { title: "Expected and actual discomfort", names: ("Expected", "Actual"), items }, sentence));
        }
    }
    // The library's steps by name; a person's own steps are their words, so only counted.
    let mut named: BTreeMap<String, usize> = BTreeMap::new();
    let mut own = 0;
    for st in logged.iter().filter(|st| st.is_done()) {
        match st.library_id.as_deref().and_then(library_step) {
            Some(l) => *named.entry(l.text.to_string()).or_insert(0) += 1,
            None => own += 1,
        }
    }
    if own > 0 {
        *named.entry("Steps of my own".to_string()).or_insert(0) += own;
    }
    if !named.is_empty() {
        s.lists.push(Ranked { heading: "Steps taken most", rows: ranked(named, |t| t, 5) });
    }
    Some(s)
}

fn chosen_section(journal: &[&JournalEntry], reframes: &[&Reframe], chosen: &[String], date: &dyn Fn(i64) -> String) -> Option<Section> {
    let mut s = Section::new(Part::Chosen);
    for e in journal.iter().filter(|e| chosen.contains(&e.id)) {
        let mut parts = vec![(None, e.text.trim().to_string())];
        if !e.who.is_empty() {
            parts.push((Some("With"), e.who.iter().map(|w| w.label()).collect::<Vec<_>>().join(", ")));
        }
        let felt: Vec<&str> = e.emotions.iter().map(String::as_str).chain(Some(e.own_words.trim()).filter(|w| !w.is_empty())).collect();
        if !felt.is_empty() {
            parts.push((Some("Felt"), felt.join(", ")));
        }
        if let Some(u) = e.urge {
            parts.push((Some("Urge to withdraw"), format!("{u} out of 10")));
        }
        if let Some(a) = e.action {
            parts.push((Some("What I did"), a.label().to_string()));
        }
        s.quoted.push(Quoted { heading: format!("Journal entry, {}", date(e.at)), parts });
    }
    for r in reframes.iter().filter(|r| chosen.contains(&r.id)) {
        let mut parts: Vec<(Option<&'static str>, String)> =
            STEPS.iter().enumerate().filter(|(i, _)| !r.answer(*i).is_empty()).map(|(i, step)| (Some(step.title), r.answer(i).to_string())).collect();
        if let (Some(b), Some(a)) = (r.safe_before, r.safe_after) {
            parts.push((Some("How safe closeness felt"), format!("{b} before, {a} after")));
        }
        s.quoted.push(Quoted { heading: format!("Reframe, {}", date(r.created)), parts });
    }
    (!s.quoted.is_empty()).then_some(s)
}

fn note_section(note: &str) -> Option<Section> {
    let note = note.trim();
    (!note.is_empty()).then(|| {
        let mut s = Section::new(Part::Note);
        s.quoted.push(Quoted { heading: String::new(), parts: vec![(None, note.to_string())] });
        s
    })
}

#[cfg(test)]
mod tests;
