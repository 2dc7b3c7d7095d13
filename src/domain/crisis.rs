//! Crisis lines by region: the shipped data (`data/crisis-lines.json`, fetched
//! by Learn and support), the rules every shipped line must meet, and which
//! region a person's language points to. Never a number without a source.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::time::{days_from_civil, parse_iso_date, Date};

/// How long a check stays good: a line checked longer ago than this fails the build's tests.
pub const CHECK_VALID_DAYS: i64 = 365;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CrisisData {
    pub sources: BTreeMap<String, Source>,
    pub regions: Vec<Region>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Source {
    pub url: String,
    /// The page's own date, where it shows one.
    #[serde(default)]
    pub dated: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Region {
    /// ISO 3166-1 alpha-2, named in the person's language by `Intl.DisplayNames`.
    pub region: String,
    /// The emergency number, as dialled there.
    pub emergency: String,
    pub emergency_sources: Vec<String>,
    pub lines: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Line {
    pub service: String,
    /// Where within the region it answers (a place name), when not everywhere.
    #[serde(default)]
    pub area: Option<String>,
    #[serde(default)]
    pub call: Option<String>,
    /// Other numbers for the same service.
    #[serde(default)]
    pub also: Vec<String>,
    #[serde(default)]
    pub text: Option<String>,
    /// The word to text, where the service asks for one.
    #[serde(default)]
    pub keyword: Option<String>,
    /// A web address without its scheme, for chat.
    #[serde(default)]
    pub chat: Option<String>,
    #[serde(default)]
    pub free: bool,
    /// What a call costs, where it is not free and the source says.
    #[serde(default)]
    pub cost: Option<String>,
    #[serde(default)]
    pub always_open: bool,
    /// Opening hours as "HH:MM-HH:MM", when not always open.
    #[serde(default)]
    pub hours: Option<String>,
    /// The menu option to choose after calling: a number, or "mental-health".
    #[serde(default)]
    pub option: Option<String>,
    pub sources: Vec<String>,
    /// The day the line was last checked against its sources (YYYY-MM-DD).
    pub checked: String,
}

impl CrisisData {
    pub fn parse(json: &str) -> Result<CrisisData, serde_json::Error> {
        serde_json::from_str(json)
    }

    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.region == code)
    }

    /// Everything that keeps a line from being shipped on `today`: a line with no
    /// source or an unknown one, a check date unreadable, in the future or more
    /// than a year old, a line with no way to reach it.
    pub fn problems(&self, today: Date) -> Vec<String> {
        let today = days_from_civil(today);
        let mut problems = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for region in &self.regions {
            let name = &region.region;
            if !seen.insert(name.as_str()) {
                problems.push(format!("{name}: listed twice"));
            }
            if name.len() != 2 || !name.bytes().all(|b| b.is_ascii_uppercase()) {
                problems.push(format!("{name}: not a two-letter region code"));
            }
            if dial(&region.emergency).is_empty() {
                problems.push(format!("{name}: no emergency number"));
            }
            self.check_sources(&format!("{name} emergency"), &region.emergency_sources, &mut problems);
            for line in &region.lines {
                let what = format!("{name} {}", line.service);
                self.check_sources(&what, &line.sources, &mut problems);
                match parse_iso_date(&line.checked).map(days_from_civil) {
                    None => problems.push(format!("{what}: check date {:?} unreadable", line.checked)),
                    Some(day) if day > today => problems.push(format!("{what}: checked in the future")),
                    Some(day) if today - day > CHECK_VALID_DAYS => {
                        problems.push(format!("{what}: checked {}, more than a year ago: check it again", line.checked))
                    }
                    Some(_) => {}
                }
                let numbers = line.call.iter().chain(&line.also).chain(&line.text);
                if numbers.clone().any(|n| dial(n).is_empty()) {
                    problems.push(format!("{what}: a number with no digits"));
                }
                if line.call.is_none() && line.text.is_none() && line.chat.is_none() {
                    problems.push(format!("{what}: no way to reach it"));
                }
                if !line.always_open && line.hours.as_deref().and_then(opening_hours).is_none() {
                    problems.push(format!("{what}: neither always open nor with readable hours"));
                }
            }
        }
        problems
    }

    fn check_sources(&self, what: &str, sources: &[String], problems: &mut Vec<String>) {
        if sources.is_empty() {
            problems.push(format!("{what}: no source"));
        }
        for id in sources {
            if !self.sources.contains_key(id) {
                problems.push(format!("{what}: unknown source {id}"));
            }
        }
    }

    /// The first region among the person's languages (`de-AT` → AT) that has lines.
    pub fn region_for_languages<'a>(&self, languages: impl IntoIterator<Item = &'a str>) -> Option<&Region> {
        languages.into_iter().filter_map(region_of_language).find_map(|code| self.region(&code))
    }
}

/// The region part of a BCP 47 language tag, upper-cased: `pt-BR` → BR, `es-419` → none.
pub fn region_of_language(tag: &str) -> Option<String> {
    tag.split(['-', '_'])
        .skip(1)
        .find(|part| part.len() == 2 && part.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(|part| part.to_ascii_uppercase())
}

/// A number as a `tel:` or `sms:` link dials it: digits, and a leading `+`.
pub fn dial(number: &str) -> String {
    let plus = if number.trim_start().starts_with('+') { "+" } else { "" };
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return String::new();
    }
    format!("{plus}{digits}")
}

/// Opening hours "HH:MM-HH:MM" as their two times, each still "HH:MM".
pub fn opening_hours(hours: &str) -> Option<(&str, &str)> {
    let (from, to) = hours.split_once('-')?;
    let valid = |t: &str| {
        let (h, m) = t.split_once(':')?;
        (h.len() == 2 && m.len() == 2 && h.parse::<u8>().ok()? <= 24 && m.parse::<u8>().ok()? < 60).then_some(())
    };
    valid(from)?;
    valid(to)?;
    Some((from, to))
}

#[cfg(test)]
#[path = "crisis_tests.rs"]
mod tests;
