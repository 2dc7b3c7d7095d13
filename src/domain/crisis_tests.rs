use super::*;
use crate::domain::time::civil_from_days;

const SHIPPED: &str = include_str!("../../data/crisis-lines.json");

fn today() -> Date {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    civil_from_days(secs / 86_400)
}

fn shipped() -> CrisisData {
    CrisisData::parse(SHIPPED).expect("data/crisis-lines.json parses")
}

#[test]
fn every_shipped_line_has_a_known_source_and_a_check_within_a_year_of_this_build() {
    let problems = shipped().problems(today());
    assert!(problems.is_empty(), "crisis lines that must not ship:\n{}", problems.join("\n"));
}

#[test]
fn the_shipped_data_covers_the_first_languages_countries_and_the_english_speaking_ones() {
    let data = shipped();
    for code in ["ES", "DE", "AT", "FR", "BR", "NL", "US", "CA", "GB", "IE", "AU", "NZ"] {
        let region = data.region(code).unwrap_or_else(|| panic!("{code} has no crisis lines"));
        assert!(!region.lines.is_empty(), "{code} lists no line");
    }
}

#[test]
fn lines_known_to_be_unverified_are_not_shipped() {
    // From ../shared/reference/crisis-lines.md: marked unverified, or ended.
    for number in ["741741", "800 70 2222", "0800 143 000", "5275-1135"] {
        assert!(!SHIPPED.contains(number), "{number} is unverified and must not ship");
    }
}

fn one_line(line: &str) -> CrisisData {
    let json = format!(
        r#"{{"sources": {{"S1": {{"url": "the page the line was checked against"}}}},
            "regions": [{{"region": "GB", "emergency": "999", "emergency_sources": ["S1"], "lines": [{line}]}}]}}"#
    );
    CrisisData::parse(&json).unwrap()
}

#[test]
fn a_line_without_a_source_an_unknown_source_or_a_stale_check_is_refused() {
    let day = Date { year: 2026, month: 12, day: 2 };
    let good = r#"{"service": "Samaritans", "call": "116 123", "always_open": true, "sources": ["S1"], "checked": "2026-12-02"}"#;
    assert_eq!(one_line(good).problems(day), Vec::<String>::new());
    let no_source = good.replace(r#""sources": ["S1"]"#, r#""sources": []"#);
    assert!(one_line(&no_source).problems(day).iter().any(|p| p.contains("no source")));
    let unknown = good.replace(r#"["S1"]"#, r#"["S9"]"#);
    assert!(one_line(&unknown).problems(day).iter().any(|p| p.contains("unknown source S9")));
    let a_year_later = Date { year: 2027, month: 12, day: 3 };
    assert!(one_line(good).problems(a_year_later).iter().any(|p| p.contains("more than a year ago")));
    assert_eq!(one_line(good).problems(Date { year: 2027, month: 12, day: 2 }), Vec::<String>::new());
    let undated = good.replace("2026-12-02", "December 2026");
    assert!(one_line(&undated).problems(day).iter().any(|p| p.contains("unreadable")));
    let no_hours = good.replace(r#""always_open": true"#, r#""always_open": false"#);
    assert!(one_line(&no_hours).problems(day).iter().any(|p| p.contains("hours")));
    let missing_date = good.replace(r#", "checked": "2026-12-02""#, "");
    let json = format!(r#"{{"sources": {{}}, "regions": [{{"region": "GB", "emergency": "999", "emergency_sources": [], "lines": [{missing_date}]}}]}}"#);
    assert!(CrisisData::parse(&json).is_err(), "a line without a check date does not even parse");
}

#[test]
fn the_region_comes_from_the_region_part_of_a_language() {
    let data = shipped();
    let pick = |langs: &[&str]| data.region_for_languages(langs.iter().copied()).map(|r| r.region.clone());
    assert_eq!(pick(&["de-AT", "de"]).as_deref(), Some("AT"));
    assert_eq!(pick(&["pt-BR"]).as_deref(), Some("BR"));
    assert_eq!(pick(&["en", "en-GB"]).as_deref(), Some("GB"));
    assert_eq!(pick(&["zh-Hant-TW", "fr-CA"]).as_deref(), Some("CA"), "a region without lines is passed over");
    assert_eq!(pick(&["de", "es-419"]), None, "no region part: the person chooses");
}

#[test]
fn numbers_dial_as_digits_and_hours_read_as_two_times() {
    assert_eq!(dial("0800 111 0 111"), "08001110111");
    assert_eq!(dial("+61 477 13 11 14"), "+61477131114");
    assert_eq!(dial("1 866 277 3553"), "18662773553");
    assert_eq!(dial("none"), "");
    assert_eq!(opening_hours("09:00-24:00"), Some(("09:00", "24:00")));
    assert_eq!(opening_hours("9-5"), None);
}
