//! Calendar arithmetic on plain millisecond timestamps, so dates can be reasoned
//! about (and tested) without the browser. The shell supplies "now" and the local
//! UTC offset; everything here is deterministic.

pub const MS_PER_MINUTE: i64 = 60_000;
pub const MS_PER_DAY: i64 = 86_400_000;

use crate::i18n::{k::calendar as c, k::time as k, t, Key};

const MONTHS: [Key; 12] = [
    c::MONTH_JAN, c::MONTH_FEB, c::MONTH_MAR, c::MONTH_APR, c::MONTH_MAY, c::MONTH_JUN,
    c::MONTH_JUL, c::MONTH_AUG, c::MONTH_SEP, c::MONTH_OCT, c::MONTH_NOV, c::MONTH_DEC,
];

/// Month names in full, for headings and sentences ("November 2026").
pub const MONTH_NAMES: [Key; 12] = [
    c::JANUARY, c::FEBRUARY, c::MARCH, c::APRIL, c::MAY, c::JUNE,
    c::JULY, c::AUGUST, c::SEPTEMBER, c::OCTOBER, c::NOVEMBER, c::DECEMBER,
];

/// "November 2026", in the language in use.
pub fn month_year(year: i32, month: u32) -> String {
    crate::i18n::t_with(c::MONTH_YEAR, &[("month", t(MONTH_NAMES[(month - 1) as usize])), ("year", &year.to_string())])
}

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(d: Date) -> i64 {
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(d.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date for a count of days since 1970-01-01.
pub fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

/// The local UTC offset at a moment, in minutes (local time minus UTC). Every date
/// is read with the offset of its own moment, so an entry written in summer stays
/// on its day when it is looked at in winter. The shell supplies the browser's.
pub type Zone<'a> = &'a dyn Fn(i64) -> i32;

/// The local calendar day of a timestamp. `offset_minutes` is local time minus UTC
/// (the negation of JavaScript's `getTimezoneOffset()`).
pub fn local_day(ms: i64, offset_minutes: i32) -> i64 {
    (ms + i64::from(offset_minutes) * MS_PER_MINUTE).div_euclid(MS_PER_DAY)
}

pub fn local_date(ms: i64, offset_minutes: i32) -> Date {
    civil_from_days(local_day(ms, offset_minutes))
}

/// "23 Nov 2026": unambiguous in every English-speaking country.
pub fn format_date(ms: i64, offset_minutes: i32) -> String {
    format_day(local_date(ms, offset_minutes))
}

/// A calendar date as "23 Nov 2026".
pub fn format_day(d: Date) -> String {
    let month = t(MONTHS[(d.month - 1) as usize]);
    crate::i18n::t_with(crate::i18n::k::calendar::DATE, &[("day", &d.day.to_string()), ("month", month), ("year", &d.year.to_string())])
}

/// "2026-11-23", for file names and `<input type="date">`.
pub fn iso_date(ms: i64, offset_minutes: i32) -> String {
    let d = local_date(ms, offset_minutes);
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// Parses "2026-11-23". Rejects impossible dates such as "2026-02-30".
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let mut parts = s.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    let date = Date { year, month, day };
    (civil_from_days(days_from_civil(date)) == date).then_some(date)
}

/// "2026-11-23T22:15", the value of an `<input type="datetime-local">`.
pub fn to_datetime_local(ms: i64, offset_minutes: i32) -> String {
    let local = ms + i64::from(offset_minutes) * MS_PER_MINUTE;
    let minutes = local.rem_euclid(MS_PER_DAY) / MS_PER_MINUTE;
    format!("{}T{:02}:{:02}", iso_date(ms, offset_minutes), minutes / 60, minutes % 60)
}

/// A datetime-local value, "2026-11-28T18:30", as a date and a time of day: the
/// one reader of that text in the app.
pub fn parse_local_datetime(s: &str) -> Option<(Date, u32, u32)> {
    let (date, clock) = s.trim().split_once('T')?;
    let date = parse_iso_date(date)?;
    let (h, m) = clock.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    (h < 24 && m < 60).then_some((date, h, m))
}

/// The timestamp for a datetime-local value read in a zone `offset_minutes` from UTC.
pub fn parse_datetime_local(s: &str, offset_minutes: i32) -> Option<i64> {
    let (date, h, m) = parse_local_datetime(s)?;
    let local_minutes = days_from_civil(date) * 1440 + i64::from(h) * 60 + i64::from(m);
    Some((local_minutes - i64::from(offset_minutes)) * MS_PER_MINUTE)
}

/// The same, in a zone whose offset changes (summer time): read once with the
/// offset of `near`, then again with the offset that applied at that moment.
pub fn parse_datetime_in(s: &str, zone: Zone, near: i64) -> Option<i64> {
    let guess = parse_datetime_local(s, zone(near))?;
    parse_datetime_local(s, zone(guess))
}

/// The local calendar day of a timestamp, with the offset that applied then.
pub fn day_in(ms: i64, zone: Zone) -> i64 {
    local_day(ms, zone(ms))
}

/// Whole local days from `earlier` to `later` (0 on the same day).
pub fn days_between(earlier_ms: i64, later_ms: i64, zone: Zone) -> i64 {
    day_in(later_ms, zone) - day_in(earlier_ms, zone)
}

/// The earliest and latest moments a record may carry: years 1 to 9999, the
/// range a date field can show and edit.
pub const EARLIEST_MS: i64 = -62_135_596_800_000;
pub const LATEST_MS: i64 = 253_402_300_799_999;

pub fn in_calendar_range(ms: i64) -> bool {
    (EARLIEST_MS..=LATEST_MS).contains(&ms)
}

/// "today", "yesterday", "3 days ago": for gentle reminders.
pub fn days_ago_phrase(days: i64) -> String {
    match days {
        i64::MIN..=0 => t(k::TODAY).to_string(),
        1 => t(k::YESTERDAY).to_string(),
        n => crate::i18n::t_count(k::DAYS_AGO, n),
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_over_four_centuries() {
        for days in (-150_000..150_000).step_by(97) {
            assert_eq!(days_from_civil(civil_from_days(days)), days);
        }
        assert_eq!(days_from_civil(Date { year: 1970, month: 1, day: 1 }), 0);
        assert_eq!(civil_from_days(20_415), Date { year: 2025, month: 11, day: 23 });
    }

    #[test]
    fn leap_days_are_real_and_false_ones_are_rejected() {
        assert_eq!(parse_iso_date("2024-02-29"), Some(Date { year: 2024, month: 2, day: 29 }));
        assert_eq!(parse_iso_date("2026-02-29"), None);
        assert_eq!(parse_iso_date("2026-13-01"), None);
        assert_eq!(parse_iso_date("not a date"), None);
    }

    #[test]
    fn the_local_offset_moves_a_late_evening_into_the_right_day() {
        // 2026-11-23 23:30 in UTC-5 is already 24 Nov in UTC.
        let ms = days_from_civil(Date { year: 2026, month: 11, day: 24 }) * MS_PER_DAY + 4 * 3_600_000 + 30 * 60_000;
        assert_eq!(iso_date(ms, -300), "2026-11-23");
        assert_eq!(iso_date(ms, 0), "2026-11-24");
        assert_eq!(format_date(ms, -300), "23 Nov 2026");
    }

    #[test]
    fn one_reader_for_datetime_local_text() {
        let d = Date { year: 2026, month: 11, day: 28 };
        assert_eq!(parse_local_datetime("2026-11-28T18:30"), Some((d, 18, 30)));
        assert_eq!(parse_local_datetime("2026-11-28T18:30:15"), Some((d, 18, 30)));
        assert_eq!(parse_local_datetime("2026-02-30T10:00"), None);
        assert_eq!(parse_local_datetime("2026-11-28T24:00"), None);
        // A zone that is +60 before a moment and +120 from it: read with the offset then.
        let switch = parse_datetime_local("2026-03-29T01:00", 0).unwrap();
        let zone = move |ms: i64| if ms < switch { 60 } else { 120 };
        let noon = parse_datetime_in("2026-03-29T12:00", &zone, 0).unwrap();
        assert_eq!(noon, parse_datetime_local("2026-03-29T10:00", 0).unwrap());
    }

    #[test]
    fn datetime_local_values_round_trip_in_any_zone() {
        let ms = 1_763_937_300_000; // 2025-11-23 22:35 UTC
        for offset in [-300, 0, 60, 330] {
            let s = to_datetime_local(ms, offset);
            assert_eq!(parse_datetime_local(&s, offset), Some(ms), "{s} at {offset}");
        }
        assert_eq!(to_datetime_local(ms, 0), "2025-11-23T22:35");
        assert_eq!(to_datetime_local(ms, 120), "2025-11-24T00:35");
        assert_eq!(parse_datetime_local("2025-11-23T25:00", 0), None);
        assert_eq!(parse_datetime_local("yesterday", 0), None);
    }

    #[test]
    fn days_between_counts_calendar_days_not_24_hour_spans() {
        let evening = days_from_civil(Date { year: 2026, month: 1, day: 1 }) * MS_PER_DAY + 23 * 3_600_000;
        let next_morning = evening + 2 * 3_600_000;
        assert_eq!(days_between(evening, next_morning, &|_| 0), 1);
        assert_eq!(days_between(evening, evening, &|_| 0), 0);
        assert_eq!(days_ago_phrase(0), "today");
        assert_eq!(days_ago_phrase(1), "yesterday");
        assert_eq!(days_ago_phrase(15), "15 days ago");
    }

    /// Europe/London: GMT, and BST (+60) from 01:00 UTC on the last Sunday of March
    /// to 01:00 UTC on the last Sunday of October. For tests of summer time.
    pub fn london(ms: i64) -> i32 {
        let year = local_date(ms, 0).year;
        let last_sunday = |month: u32| {
            let end = days_from_civil(Date { year, month, day: 31 });
            // 1970-01-01 was a Thursday: day 3 is a Sunday.
            end - (end - 3).rem_euclid(7)
        };
        let start = last_sunday(3) * MS_PER_DAY + 3_600_000;
        let end = last_sunday(10) * MS_PER_DAY + 3_600_000;
        if (start..end).contains(&ms) { 60 } else { 0 }
    }

    pub fn at_utc(year: i32, month: u32, day: u32, hour: i64, minute: i64) -> i64 {
        days_from_civil(Date { year, month, day }) * MS_PER_DAY + hour * 3_600_000 + minute * MS_PER_MINUTE
    }

    #[test]
    fn the_london_test_zone_switches_on_the_right_sundays() {
        assert_eq!(london(at_utc(2026, 3, 29, 0, 59)), 0);
        assert_eq!(london(at_utc(2026, 3, 29, 1, 0)), 60);
        assert_eq!(london(at_utc(2026, 10, 25, 0, 59)), 60);
        assert_eq!(london(at_utc(2026, 10, 25, 1, 0)), 0);
    }

    #[test]
    fn each_date_is_read_with_its_own_offset() {
        // 15 Jul 2026 00:30 BST is 14 Jul 23:30 UTC.
        let summer_night = at_utc(2026, 7, 14, 23, 30);
        assert_eq!(civil_from_days(day_in(summer_night, &london)), Date { year: 2026, month: 7, day: 15 });
        let winter_noon = at_utc(2026, 11, 24, 12, 0);
        assert_eq!(days_between(summer_night, winter_noon, &london), 132);
    }

    #[test]
    fn the_calendar_range_is_years_one_to_9999() {
        assert_eq!(to_datetime_local(EARLIEST_MS, 0), "0001-01-01T00:00");
        assert_eq!(to_datetime_local(LATEST_MS, 0), "9999-12-31T23:59");
        assert!(in_calendar_range(0) && !in_calendar_range(EARLIEST_MS - 1) && !in_calendar_range(LATEST_MS + 1));
    }
}
