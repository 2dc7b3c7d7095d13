//! How much room is left for the person's words, counted the way the strictest
//! engine counts it, and how long that lasts at their own pace.
//!
//! Each engine gives an origin's localStorage its own allowance: Chromium 10 MiB
//! at two bytes per UTF-16 unit, Firefox 5,242,880 units, and WebKit (Safari,
//! and every browser on an iPhone) 5 MiB, where a string costs one byte per
//! unit only if every character is at most U+00FF, else two. WebKit's count is
//! therefore exact for Safari and never less than the share the others count.

use crate::domain::time::MS_PER_DAY as DAY_MS;
use crate::i18n::{k::time as k, t, t_with};

/// WebKit's allowance per origin, in bytes.
pub const QUOTA_BYTES: usize = 5 * 1024 * 1024;

/// What a stored key or value costs under WebKit's counting, in bytes.
pub fn cost(s: &str) -> usize {
    let units = s.encode_utf16().count();
    match s.chars().all(|c| (c as u32) <= 0xFF) {
        true => units,
        false => units * 2,
    }
}

/// Less history than this says too little about someone's pace.
pub const MIN_DAYS_FOR_PACE: i64 = 14;

/// About how many days of writing still fit at the pace so far: `used` bytes
/// since `first_at` (the earliest record's time, so the pace is never
/// underestimated), with `quota` bytes in all. `None` until there are
/// `MIN_DAYS_FOR_PACE` days to go by, or nothing was written.
pub fn days_left(used: usize, quota: usize, first_at: i64, now: i64) -> Option<u64> {
    let days = (now - first_at) / DAY_MS;
    if days < MIN_DAYS_FOR_PACE || used == 0 {
        return None;
    }
    let per_day = used.div_ceil(days as usize).max(1);
    Some((quota.saturating_sub(used) / per_day) as u64)
}

/// "about 12 more years", "about 8 more months", in plain words.
pub fn time_left_phrase(days: u64) -> String {
    match days {
        d if d >= 365 * 100 => t(k::CENTURIES).to_string(),
        d if d >= 365 * 2 => t_with(k::YEARS, &[("count", &(d / 365).to_string())]),
        d if d >= 365 => t(k::ONE_YEAR).to_string(),
        d if d >= 60 => t_with(k::MONTHS, &[("count", &(d / 30).to_string())]),
        d if d >= 14 => t_with(k::WEEKS, &[("count", &(d / 7).to_string())]),
        _ => t(k::FEW_DAYS).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_costs_one_byte_a_unit_only_while_every_character_fits_in_latin_1() {
        assert_eq!(cost("plain words"), 11);
        assert_eq!(cost("café"), 4, "é is U+00E9");
        assert_eq!(cost("it’s"), 8, "one curly apostrophe doubles the whole string");
        assert_eq!(cost("🌱"), 4, "two UTF-16 units, two bytes each");
        assert_eq!(cost("日本"), 4);
        assert_eq!(cost(""), 0);
    }

    #[test]
    fn the_time_left_follows_the_persons_own_pace() {
        let now = 1_000 * DAY_MS;
        assert_eq!(days_left(1_000, QUOTA_BYTES, now - 10 * DAY_MS, now), None, "too early to tell");
        assert_eq!(days_left(0, QUOTA_BYTES, now - 100 * DAY_MS, now), None);
        // 100 days at 2,000 bytes a day: (5 MiB - 200,000) / 2,000 = 2,521 days.
        assert_eq!(days_left(200_000, QUOTA_BYTES, now - 100 * DAY_MS, now), Some(2_521));
        assert_eq!(days_left(QUOTA_BYTES + 5, QUOTA_BYTES, now - 100 * DAY_MS, now), Some(0), "full is full");
    }

    #[test]
    fn the_time_left_is_said_in_plain_words() {
        assert_eq!(time_left_phrase(2_521), "about 6 more years");
        assert_eq!(time_left_phrase(400), "about one more year");
        assert_eq!(time_left_phrase(250), "about 8 more months");
        assert_eq!(time_left_phrase(30), "about 4 more weeks");
        assert_eq!(time_left_phrase(3), "only a few more days");
        assert_eq!(time_left_phrase(365 * 300), "well over a hundred more years");
    }
}
