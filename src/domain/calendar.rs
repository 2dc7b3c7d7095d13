//! Reminders without a server: an iCalendar file (RFC 5545) that the person's
//! own calendar imports, and then reminds. A calendar is often shared or synced,
//! so the events name no feelings and nothing the person wrote: only a calm
//! title and the app's address.
//!
//! Times are floating local times (no time zone): "19:30" means half past seven
//! wherever the phone is, which is what a personal rhythm means, and every
//! calendar accepts it.

use super::time::{civil_from_days, Date, MS_PER_DAY};

/// A day of the week, as iCalendar names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weekday {
    Mo,
    Tu,
    We,
    Th,
    Fr,
    Sa,
    Su,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [Weekday::Mo, Weekday::Tu, Weekday::We, Weekday::Th, Weekday::Fr, Weekday::Sa, Weekday::Su];

    fn code(self) -> &'static str {
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][self as usize]
    }

    pub fn label(self) -> &'static str {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][self as usize]
    }

    /// Its name in the language in use (`label` is its stable English value).
    pub fn name(self) -> &'static str {
        use crate::i18n::k::calendar as c;
        crate::i18n::t([c::MONDAY, c::TUESDAY, c::WEDNESDAY, c::THURSDAY, c::FRIDAY, c::SATURDAY, c::SUNDAY][self as usize])
    }

    /// Its short name in the language in use ("Mon").
    pub fn short_name(self) -> &'static str {
        use crate::i18n::k::calendar as c;
        crate::i18n::t([c::MON, c::TUE, c::WED, c::THU, c::FRI, c::SAT, c::SUN][self as usize])
    }

    /// The weekday of a date (1970-01-01 was a Thursday).
    pub fn of(date: Date) -> Weekday {
        Weekday::ALL[(super::time::days_from_civil(date) + 3).rem_euclid(7) as usize]
    }
}

/// What a reminder is for, and how often it comes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rhythm {
    /// A short evening check-in with the journal: every day when `days` is empty.
    JournalCheckIn { days: Vec<Weekday> },
    /// A small step, once a week.
    WeeklyStep { day: Weekday },
    /// The self-check, once a month on this day (1–28, so every month has it).
    MonthlyCheck { day_of_month: u32 },
}

impl Rhythm {
    /// The event's title: calm, and free of anything personal.
    pub fn title(&self) -> &'static str {
        use crate::i18n::k::calendar as c;
        crate::i18n::t(match self {
            Rhythm::JournalCheckIn { .. } => c::JOURNAL_TITLE,
            Rhythm::WeeklyStep { .. } => c::STEP_TITLE,
            Rhythm::MonthlyCheck { .. } => c::CHECK_TITLE,
        })
    }

    fn rule(&self) -> String {
        match self {
            Rhythm::JournalCheckIn { days } if days.is_empty() || days.len() == 7 => "FREQ=DAILY".into(),
            Rhythm::JournalCheckIn { days } => {
                format!("FREQ=WEEKLY;BYDAY={}", days.iter().map(|d| d.code()).collect::<Vec<_>>().join(","))
            }
            Rhythm::WeeklyStep { day } => format!("FREQ=WEEKLY;BYDAY={}", day.code()),
            Rhythm::MonthlyCheck { day_of_month } => format!("FREQ=MONTHLY;BYMONTHDAY={}", day_of_month.clamp(&1, &28)),
        }
    }

    /// The first day on or after `today` that the rhythm falls on.
    fn first_day(&self, today: Date) -> Date {
        let start = super::time::days_from_civil(today);
        (0..62)
            .map(|n| civil_from_days(start + n))
            .find(|d| match self {
                Rhythm::JournalCheckIn { days } => days.is_empty() || days.contains(&Weekday::of(*d)),
                Rhythm::WeeklyStep { day } => Weekday::of(*d) == *day,
                Rhythm::MonthlyCheck { day_of_month } => d.day == (*day_of_month).clamp(1, 28),
            })
            .unwrap_or(today)
    }
}

/// One reminder: a rhythm at a local time of day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    pub rhythm: Rhythm,
    pub hour: u32,
    pub minute: u32,
}

/// A single event, for a planned small step with a date and time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OneTime {
    pub date: Date,
    pub hour: u32,
    pub minute: u32,
}

/// Where the events point and when the file is made: the app's address (origin
/// and base path), now, and a random part for unique ids.
pub struct Made<'a> {
    pub app_url: &'a str,
    pub now_ms: i64,
    pub today: Date,
    pub nonce: &'a str,
}

/// A calendar file with one repeating event per reminder, each with an alarm.
pub fn reminders_ics(reminders: &[Reminder], made: &Made) -> String {
    let events = reminders.iter().enumerate().map(|(i, r)| {
        let day = r.rhythm.first_day(made.today);
        event(made, i, r.rhythm.title(), day, r.hour, r.minute, Some(&r.rhythm.rule()))
    });
    calendar(events.collect())
}

/// A calendar file with one event at a chosen date and time, with an alarm.
pub fn one_time_ics(title: &str, at: &OneTime, made: &Made) -> String {
    calendar(vec![event(made, 0, title, at.date, at.hour, at.minute, None)])
}

fn calendar(events: Vec<Vec<String>>) -> String {
    let mut lines = vec!["BEGIN:VCALENDAR".to_string(), "VERSION:2.0".into(), "PRODID:-//Leaning In//Reminders//EN".into(), "CALSCALE:GREGORIAN".into()];
    lines.extend(events.into_iter().flatten());
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("")
}

fn event(made: &Made, index: usize, title: &str, day: Date, hour: u32, minute: u32, rule: Option<&str>) -> Vec<String> {
    let start = format!("{:04}{:02}{:02}T{:02}{:02}00", day.year, day.month, day.day, hour.min(23), minute.min(59));
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}-{index}@leaning-in", made.nonce),
        format!("DTSTAMP:{}", utc_stamp(made.now_ms)),
        format!("DTSTART:{start}"),
        "DURATION:PT10M".into(),
        format!("SUMMARY:{}", escape(title)),
        format!("DESCRIPTION:{}", escape(&crate::i18n::t_with(crate::i18n::k::calendar::OPEN_APP, &[("url", &made.app_url)]))),
        format!("URL:{}", made.app_url),
    ];
    if let Some(rule) = rule {
        lines.push(format!("RRULE:{rule}"));
    }
    lines.extend([
        "BEGIN:VALARM".to_string(),
        "ACTION:DISPLAY".into(),
        format!("DESCRIPTION:{}", escape(title)),
        "TRIGGER:PT0M".into(),
        "END:VALARM".into(),
        "END:VEVENT".into(),
    ]);
    lines
}

/// A time field's value, "21:30" (or "21:30:00"), as (21, 30).
pub fn parse_time(text: &str) -> Option<(u32, u32)> {
    let (h, m) = text.split_once(':')?;
    let (h, m) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

/// "20261124T183000Z"
fn utc_stamp(ms: i64) -> String {
    let d = civil_from_days(ms.div_euclid(MS_PER_DAY));
    let secs = ms.rem_euclid(MS_PER_DAY) / 1000;
    format!("{:04}{:02}{:02}T{:02}{:02}{:02}Z", d.year, d.month, d.day, secs / 3600, secs / 60 % 60, secs % 60)
}

/// TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11).
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n")
}

/// A content line, folded at 75 octets (never inside a character) with CRLF and
/// a space, and ended with CRLF (RFC 5545 3.1).
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests;
