//! Each part of the summary, from the records in the period. Too few points are
//! told in words; the person's own words are only counted, never quoted, unless
//! they ticked the entry.

use crate::i18n::{k::summary as sm, t, t_with};
use std::collections::BTreeMap;

use super::{Chart, Part, Quoted, Ranked, Section, CHART_FROM};
use crate::domain::check::{score_of, SelfCheck, SCALE, STATEMENTS};
use crate::domain::journal::{Action, JournalEntry, Who, EMOTIONS, FEW_ENTRIES};
use crate::domain::practice::{library_step, progress, PlannedStep};
use crate::domain::reframe::{shift_label, Reframe, STEPS};
use crate::domain::time::Zone;
use crate::domain::words::plural;

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

fn only(n: usize, what: crate::i18n::Plural) -> String {
    t_with(sm::ONLY_PLURAL_PERIOD, &[("items", &(plural(n, what)).to_string())])
}

/// Too few points for a chart: says so, with each point in words, and returns
/// true. With enough for a chart, says nothing and returns false.
fn told_in_words(s: &mut Section, points: &[(String, u8)], none: &str, what: crate::i18n::Plural, out_of: u8) -> bool {
    match points.len() {
        0 => s.say(none),
        n if n < CHART_FROM => {
            s.say(only(n, what));
            for (when, value) in points {
                s.say(t_with(sm::WHEN_VALUE_OUT_OUT, &[("when", &(when).to_string()), ("value", &(value).to_string()), ("out_of", &(out_of).to_string())]));
            }
        }
        _ => return false,
    }
    true
}

pub(super) fn checks_section(checks: &[&SelfCheck], date: &dyn Fn(i64) -> String) -> Option<Section> {
    let mut s = Section::new(Part::Checks);
    s.say(t(sm::SELF_CHECK_REFLECTION_TOOL));
    let scores: Vec<(String, u8)> = checks.iter().map(|c| (date(c.at), score_of(c))).collect();
    if !told_in_words(&mut s, &scores, t(sm::NO_SELF_CHECK_WAS), crate::i18n::k::count::SELF_CHECKS, 100) {
        let n = scores.len();
        let (first, last) = (&scores[0], &scores[n - 1]);
        let summary = t_with(sm::N_SELF_CHECKS_FROM, &[("n", &n.to_string()), ("first", &first.1.to_string()), ("first_date", &first.0), ("last", &last.1.to_string()), ("last_date", &last.0)]);
        s.chart = Some((Chart::Line { title: "Self-check scores", value_label: "Score", max: 100, points: scores }, summary));
    }
    if !checks.is_empty() {
        // The statements rated highest on average, when at least "Sometimes".
        let mut averages: Vec<(usize, u32)> = (0..STATEMENTS.len())
            .map(|i| (i, checks.iter().map(|c| u32::from(c.answers[i])).sum::<u32>() * 10 / checks.len() as u32))
            .filter(|(_, tenths)| *tenths >= 20)
            .collect();
        averages.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let rows: Vec<(String, String)> = averages
            .iter()
            .take(3)
            .map(|(i, t)| (format!("\u{201c}{}\u{201d}", STATEMENTS[*i]), SCALE[((*t + 5) / 10) as usize].to_string()))
            .collect();
        match rows.is_empty() {
            true => s.say(t(sm::NO_STATEMENT_WAS_RATED)),
            false => s.lists.push(Ranked { heading: t(sm::RATED_HIGHEST), rows }),
        }
    }
    Some(s)
}

/// Morning, afternoon, evening or night, from a local hour.
fn part_of_day(hour: i64) -> &'static str {
    match hour {
        5..=11 => t(sm::MORNING),
        12..=16 => t(sm::AFTERNOON),
        17..=21 => t(sm::EVENING),
        _ => t(sm::NIGHT),
    }
}

/// Most frequent first (ties in key order), as (name, count).
fn ranked<K: Ord>(map: BTreeMap<K, usize>, name: impl Fn(K) -> String, max: usize) -> Vec<(String, String)> {
    let mut rows: Vec<(K, usize)> = map.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1));
    rows.into_iter().take(max).map(|(k, n)| (name(k), n.to_string())).collect()
}

pub(super) fn pulling_away_section(journal: &[&JournalEntry], zone: Zone) -> Option<Section> {
    let mut s = Section::new(Part::PullingAway);
    match journal.len() {
        0 => {
            s.say(t(sm::NO_JOURNAL_ENTRIES_PERIOD));
            return Some(s);
        }
        n if n < FEW_ENTRIES => s.say(t_with(sm::ONLY_THESE_EARLY_GLIMPSES, &[("only", &(only(n, crate::i18n::k::count::JOURNAL_ENTRIES)).to_string())])),
        n => s.say(t_with(sm::PLURAL_PERIOD, &[("items", &(plural(n, crate::i18n::k::count::JOURNAL_ENTRIES)).to_string())])),
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
        s.lists.push(Ranked { heading: t(sm::WHO_WITH), rows: who_rows });
    }
    let feeling_rows = ranked(feelings, |f: String| crate::domain::journal::emotion_label(&f).to_string(), 5);
    if !feeling_rows.is_empty() {
        s.lists.push(Ranked { heading: t(sm::FEELINGS_CAME_UP), rows: feeling_rows });
    }
    if own_words > 0 {
        s.say(t_with(sm::PLURAL_ALSO_NAMED_FEELINGS, &[("items", &(plural(own_words, crate::i18n::k::count::ENTRIES)).to_string())]));
    }
    s.lists.push(Ranked { heading: t(sm::WHEN_HAPPENED), rows: ranked(when, |w: &str| w.to_string(), 4) });
    Some(s)
}

pub(super) fn urge_section(journal: &[&JournalEntry], date: &dyn Fn(i64) -> String) -> Option<Section> {
    let mut s = Section::new(Part::Urge);
    let urges: Vec<(String, u8)> = journal.iter().filter_map(|e| e.urge.map(|u| (date(e.at), u))).collect();
    if !told_in_words(
        &mut s,
        &urges,
        t(sm::NO_URGE_RATED),
        crate::i18n::k::count::URGE_RATINGS,
        10,
    ) {
        let n = urges.len();
        let average = mean(urges.iter().map(|(_, u)| *u));
        let half = n / 2;
        let earlier = mean(urges[..half].iter().map(|(_, u)| *u));
        let later = mean(urges[n - half..].iter().map(|(_, u)| *u));
        let summary = t_with(sm::N_RATINGS_AVERAGE_OUT, &[("n", &(n).to_string()), ("average", &(average).to_string()), ("earlier", &(earlier).to_string()), ("later", &(later).to_string())]);
        s.chart = Some((Chart::Line { title: t(sm::URGE_CHART_TITLE), value_label: t(sm::URGE_AXIS), max: 10, points: urges }, summary));
    }
    let count = |a: Action| journal.iter().filter(|e| e.action == Some(a)).count();
    let (stayed, reached, pulled, unsure) = (count(Action::Stayed), count(Action::ReachedOut), count(Action::PulledAway), count(Action::NotSure));
    if stayed + reached + pulled + unsure == 0 {
        s.say(t(sm::NO_ENTRY_PERIOD_SAYS));
    } else {
        let rows = [(t(sm::STAYED_REACHED_OUT), stayed + reached), (t(sm::PULLED_AWAY), pulled), (t(sm::NOT_SURE), unsure)];
        s.lists.push(Ranked {
            heading: t(sm::WHAT_DID),
            rows: rows.into_iter().filter(|(_, n)| *n > 0).map(|(l, n)| (l.to_string(), n.to_string())).collect(),
        });
    }
    Some(s)
}

pub(super) fn reframes_section(reframes: &[&Reframe], date: &dyn Fn(i64) -> String) -> Option<Section> {
    let mut s = Section::new(Part::Reframes);
    let rated: Vec<(String, u8, u8)> = reframes.iter().filter_map(|r| Some((date(r.created), r.safe_before?, r.safe_after?))).collect();
    match (reframes.len(), rated.len()) {
        (0, _) => s.say(t(sm::NO_REFRAMES_PERIOD)),
        (n, 0) => s.say(t_with(sm::PLURAL_PERIOD_NONE_BEFORE, &[("items", &(plural(n, crate::i18n::k::count::REFRAMES)).to_string())])),
        (n, m) => {
            let before = mean(rated.iter().map(|r| r.1));
            let after = mean(rated.iter().map(|r| r.2));
            let shift = mean_tenths(rated.iter().map(|r| i32::from(r.2) - i32::from(r.1)));
            let shift = format!("{}{}", if shift > 0 { "+" } else { "" }, tenths(shift));
            s.say(t_with(sm::PLURAL_PERIOD, &[("items", &(plural(n, crate::i18n::k::count::REFRAMES)).to_string())]));
            let sentence = t_with(sm::HOW_SAFE_CLOSENESS_FELT, &[("before", &(before).to_string()), ("after", &(after).to_string()), ("shift", &(shift).to_string())]);
            if m < CHART_FROM {
                s.say(sentence);
                for (when, b, a) in &rated {
                    s.say(t_with(sm::WHEN_B_BEFORE_AFTER, &[("when", &(when).to_string()), ("b", &(b).to_string()), ("a", &(a).to_string()), ("shift", &shift_label(*a as i8 - *b as i8))]));
                }
            } else {
                s.chart = Some((
                    Chart::Pair { title: t(sm::SAFE_CHART_TITLE), names: (t(sm::BEFORE), t(sm::AFTER)), items: rated },
                    sentence,
                ));
            }
        }
    }
    Some(s)
}

pub(super) fn steps_section(steps: &[PlannedStep], within: &dyn Fn(i64) -> bool, zone: Zone, date: &dyn Fn(i64) -> String) -> Option<Section> {
    let mut s = Section::new(Part::Steps);
    let planned = steps.iter().filter(|st| within(st.created)).count();
    let logged: Vec<PlannedStep> = steps.iter().filter(|st| st.outcome.as_ref().is_some_and(|o| within(o.logged_at))).cloned().collect();
    let taken = logged.iter().filter(|st| st.is_done()).count();
    let not_yet = logged.len() - taken;
    if planned == 0 && logged.is_empty() {
        s.say(t(sm::NO_SMALL_STEPS_WERE));
        return Some(s);
    }
    let mut line = t_with(sm::PLURAL_PLANNED_TAKEN_TAKEN, &[("items", &(plural(planned, crate::i18n::k::count::SMALL_STEPS)).to_string()), ("taken", &(taken).to_string())]);
    if not_yet > 0 {
        line.push_str(&t_with(sm::NOT_YET_LOGGED_NOT, &[("not_yet", &(not_yet).to_string())]));
    }
    s.say(format!("{line}."));
    let p = progress(&logged, zone);
    if let Some((expected, actual)) = p.averages {
        let sentence =
            t_with(sm::EXPECTED_DISCOMFORT_WAS_TENTHS, &[("expected", &tenths(expected as i32)), ("actual", &tenths(actual as i32))]);
        if p.discomfort.len() < CHART_FROM {
            s.say(sentence);
        } else {
            let items = p.discomfort.iter().map(|(at, e, a)| (date(*at), *e, *a)).collect();
            s.chart = Some((Chart::Pair { title: t(sm::DISCOMFORT_CHART_TITLE), names: (t(sm::EXPECTED), t(sm::ACTUAL)), items }, sentence));
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
        *named.entry(t(sm::STEPS_OWN).to_string()).or_insert(0) += own;
    }
    if !named.is_empty() {
        s.lists.push(Ranked { heading: t(sm::STEPS_TAKEN_MOST), rows: ranked(named, |t| t, 5) });
    }
    Some(s)
}

pub(super) fn chosen_section(journal: &[&JournalEntry], reframes: &[&Reframe], chosen: &[String], date: &dyn Fn(i64) -> String) -> Option<Section> {
    let mut s = Section::new(Part::Chosen);
    for e in journal.iter().filter(|e| chosen.contains(&e.id)) {
        let mut parts = vec![(None, e.text.trim().to_string())];
        if !e.who.is_empty() {
            parts.push((Some(t(sm::WITH)), e.who.iter().map(|w| w.label()).collect::<Vec<_>>().join(", ")));
        }
        let felt: Vec<&str> = e.emotions.iter().map(String::as_str).chain(Some(e.own_words.trim()).filter(|w| !w.is_empty())).collect();
        if !felt.is_empty() {
            parts.push((Some(t(sm::FELT)), felt.join(", ")));
        }
        if let Some(u) = e.urge {
            parts.push((Some(t(sm::URGE_WITHDRAW)), t_with(sm::U_OUT_10, &[("u", &(u).to_string())])));
        }
        if let Some(a) = e.action {
            parts.push((Some(t(sm::WHAT_DID)), a.label().to_string()));
        }
        s.quoted.push(Quoted { heading: t_with(sm::JOURNAL_ENTRY_DATE, &[("date", &(date(e.at)).to_string())]), parts });
    }
    for r in reframes.iter().filter(|r| chosen.contains(&r.id)) {
        let mut parts: Vec<(Option<&'static str>, String)> =
            STEPS.iter().enumerate().filter(|(i, _)| !r.answer(*i).is_empty()).map(|(i, step)| (Some(crate::i18n::t(step.title)), r.answer(i).to_string())).collect();
        if let (Some(b), Some(a)) = (r.safe_before, r.safe_after) {
            parts.push((Some(t(sm::HOW_SAFE_CLOSENESS_FELT_2)), t_with(sm::B_BEFORE_AFTER, &[("b", &(b).to_string()), ("a", &(a).to_string())])));
        }
        s.quoted.push(Quoted { heading: t_with(sm::REFRAME_DATE, &[("date", &(date(r.created)).to_string())]), parts });
    }
    (!s.quoted.is_empty()).then_some(s)
}

pub(super) fn note_section(note: &str) -> Option<Section> {
    let note = note.trim();
    (!note.is_empty()).then(|| {
        let mut s = Section::new(Part::Note);
        s.quoted.push(Quoted { heading: String::new(), parts: vec![(None, note.to_string())] });
        s
    })
}
