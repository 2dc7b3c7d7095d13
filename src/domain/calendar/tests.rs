//! The reminder files, parsed by a maintained iCalendar parser (`icalendar`),
//! as a calendar app would read them.

use icalendar::parser::{read_calendar, unfold, Component};

use super::*;

/// The shell passes the app's full address (origin and base path); the events
/// carry it as given. A stand-in without an origin keeps src free of any other
/// origin's address; e2e checks the real one, at the root and under a sub-path.
const APP: &str = "/leaning-in/";
const NOW: i64 = 1_764_000_000_000; // 2025-11-24T16:00:00Z, a Monday

fn made() -> Made<'static> {
    Made { app_url: APP, now_ms: NOW, today: Date { year: 2025, month: 11, day: 24 }, nonce: "k3y" }
}

fn value<'a>(c: &'a Component<'a>, name: &str) -> Option<&'a str> {
    c.properties.iter().find(|p| p.name == name).map(|p| p.val.as_str())
}

fn events(ics: &str) -> Vec<(String, Option<String>, Option<String>, Option<String>, usize)> {
    let unfolded = unfold(ics);
    let calendar = read_calendar(&unfolded).expect("a calendar app can read it");
    calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|e| {
            let alarms = e.components.iter().filter(|a| a.name == "VALARM" && value(a, "TRIGGER").is_some()).count();
            (
                value(e, "SUMMARY").unwrap().to_string(),
                value(e, "DTSTART").map(str::to_string),
                value(e, "RRULE").map(str::to_string),
                value(e, "URL").map(str::to_string),
                alarms,
            )
        })
        .collect()
}

#[test]
fn each_rhythm_repeats_as_chosen_with_an_alarm_and_the_apps_address() {
    let reminders = [
        Reminder { rhythm: Rhythm::JournalCheckIn { days: vec![] }, hour: 21, minute: 30 },
        Reminder { rhythm: Rhythm::JournalCheckIn { days: vec![Weekday::Tu, Weekday::Th] }, hour: 20, minute: 0 },
        Reminder { rhythm: Rhythm::WeeklyStep { day: Weekday::Sa }, hour: 10, minute: 5 },
        Reminder { rhythm: Rhythm::MonthlyCheck { day_of_month: 1 }, hour: 9, minute: 0 },
    ];
    let ics = reminders_ics(&reminders, &made());
    let found = events(&ics);
    assert_eq!(found.len(), 4);
    assert_eq!(found[0], ("A few quiet minutes for yourself".into(), Some("20251124T213000".into()), Some("FREQ=DAILY".into()), Some(APP.into()), 1));
    assert_eq!(found[1].1.as_deref(), Some("20251125T200000"), "the first Tuesday on or after today");
    assert_eq!(found[1].2.as_deref(), Some("FREQ=WEEKLY;BYDAY=TU,TH"));
    assert_eq!(found[2].1.as_deref(), Some("20251129T100500"));
    assert_eq!(found[2].2.as_deref(), Some("FREQ=WEEKLY;BYDAY=SA"));
    assert_eq!(found[3].1.as_deref(), Some("20251201T090000"));
    assert_eq!(found[3].2.as_deref(), Some("FREQ=MONTHLY;BYMONTHDAY=1"));
    assert!(found.iter().all(|e| e.4 == 1 && e.3.as_deref() == Some(APP)));
}

#[test]
fn the_file_keeps_to_rfc_5545_line_rules_and_has_uid_and_dtstamp() {
    let ics = reminders_ics(&[Reminder { rhythm: Rhythm::WeeklyStep { day: Weekday::Mo }, hour: 8, minute: 0 }], &made());
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is longer than 75 octets");
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    assert!(ics.contains("UID:k3y-0@leaning-in\r\n"));
    assert!(ics.contains("DTSTAMP:20251124T160000Z\r\n"));
    assert!(ics.contains("VERSION:2.0\r\n") && ics.contains("PRODID:"));
}

#[test]
fn long_and_non_ascii_lines_fold_between_characters() {
    let long = "Ünïcödé ".repeat(20);
    let folded = fold(&format!("SUMMARY:{long}"));
    assert!(folded.split("\r\n").all(|l| l.len() <= 75));
    assert_eq!(unfold(&folded), format!("SUMMARY:{long}\r\n"));
}

#[test]
fn a_one_time_event_for_a_planned_step_has_no_repeat() {
    let ics = one_time_ics("Time for one small step", &OneTime { date: Date { year: 2025, month: 12, day: 3 }, hour: 18, minute: 45 }, &made());
    let found = events(&ics);
    assert_eq!(found, [("Time for one small step".into(), Some("20251203T184500".into()), None, Some(APP.into()), 1)]);
}

#[test]
fn text_is_escaped_and_titles_name_no_feelings() {
    assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    for rhythm in [Rhythm::JournalCheckIn { days: vec![] }, Rhythm::WeeklyStep { day: Weekday::Mo }, Rhythm::MonthlyCheck { day_of_month: 3 }] {
        let title = rhythm.title().to_lowercase();
        for word in ["anxious", "avoid", "attachment", "lonely", "sad", "fear", "partner"] {
            assert!(!title.contains(word), "{title}");
        }
    }
}

#[test]
fn weekdays_are_read_from_dates() {
    assert_eq!(Weekday::of(Date { year: 1970, month: 1, day: 1 }), Weekday::Th);
    assert_eq!(Weekday::of(Date { year: 2025, month: 11, day: 24 }), Weekday::Mo);
    assert_eq!(Weekday::of(Date { year: 2024, month: 2, day: 29 }), Weekday::Th);
}

#[test]
fn times_are_read_from_time_fields() {
    assert_eq!(parse_time("21:30"), Some((21, 30)));
    assert_eq!(parse_time("07:05:00"), Some((7, 5)));
    assert_eq!(parse_time("24:00"), None);
    assert_eq!(parse_time("9"), None);
    assert_eq!(parse_time(""), None);
}
