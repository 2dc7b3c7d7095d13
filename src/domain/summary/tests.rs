use super::*;
use crate::domain::check::STATEMENTS;
use crate::domain::journal::{Action, Who};
use crate::domain::journal::tests::entry;
use crate::domain::practice::Outcome;
use crate::domain::time::MS_PER_DAY;

const UTC: Zone = &|_| 0;
/// 2026-11-24, 12:00 UTC.
const NOW: i64 = 20_781 * MS_PER_DAY + 12 * 3_600_000;

fn days_ago(n: i64) -> i64 {
    NOW - n * MS_PER_DAY
}

fn journal(id: &str, ago: i64, text: &str, who: Vec<Who>, emotions: &[&str], urge: Option<u8>, action: Option<Action>) -> JournalEntry {
    let mut e = entry(id, text);
    (e.at, e.created, e.updated) = (days_ago(ago), days_ago(ago), days_ago(ago));
    e.who = who;
    e.emotions = emotions.iter().map(|s| s.to_string()).collect();
    e.urge = urge;
    e.action = action;
    e
}

fn check(id: &str, ago: i64, answers: [u8; 7]) -> SelfCheck {
    SelfCheck { id: id.into(), at: days_ago(ago), answers: answers.to_vec() }
}

fn reframe(id: &str, ago: i64, before: u8, after: u8) -> Reframe {
    let answers = ["Jo asked how I was and I said fine.", "", "", "Thank you for protecting me.", "", "", ""];
    Reframe {
        id: id.into(),
        created: days_ago(ago),
        updated: days_ago(ago),
        from_entry: None,
        answers: answers.iter().map(|s| s.to_string()).collect(),
        safe_before: Some(before),
        safe_after: Some(after),
    }
}

fn step(id: &str, ago: i64, library_id: Option<&str>, text: &str, expected: u8, done: Option<(bool, u8)>) -> PlannedStep {
    PlannedStep {
        id: id.into(),
        created: days_ago(ago),
        updated: days_ago(ago),
        library_id: library_id.map(str::to_string),
        text: text.into(),
        with_whom: String::new(),
        expected,
        outcome: done.map(|(done, actual)| Outcome { logged_at: days_ago(ago - 1), done, actual: done.then_some(actual), note: String::new() }),
        when: None,
    }
}

struct Fixture {
    journal: Vec<JournalEntry>,
    checks: Vec<SelfCheck>,
    reframes: Vec<Reframe>,
    steps: Vec<PlannedStep>,
}

impl Fixture {
    fn records(&self) -> Records<'_> {
        Records { journal: &self.journal, checks: &self.checks, reframes: &self.reframes, steps: &self.steps, helped: &[], moments: &[] }
    }
}

/// A month of use, and one old entry from last year.
fn fixture() -> Fixture {
    use Action::*;
    let mut journal = vec![
        journal("j1", 20, "Priya asked about moving in and I went quiet.", vec![Who::Partner], &["anxious", "trapped"], Some(8), Some(PulledAway)),
        journal("j2", 15, "Said no to help with the move.", vec![Who::Family], &["irritated"], Some(6), Some(PulledAway)),
        journal("j3", 10, "Stayed in the conversation.", vec![Who::Partner], &["anxious", "hopeful"], Some(5), Some(Stayed)),
        journal("j4", 6, "Texted Sam back after a day.", vec![Who::Friend, Who::Partner], &["anxious"], Some(4), Some(ReachedOut)),
        journal("j5", 2, "Quiet evening, wanted space.", vec![Who::Partner], &[], None, Some(NotSure)),
        journal("old", 400, "An entry from last year.", vec![Who::Work], &["numb"], Some(9), Some(PulledAway)),
    ];
    journal[4].own_words = "unseen by Priya".into();
    Fixture {
        journal,
        checks: vec![check("c1", 25, [4, 3, 3, 4, 3, 4, 3]), check("c2", 12, [3, 3, 2, 3, 2, 4, 2]), check("c3", 1, [2, 3, 1, 2, 2, 1, 2])],
        reframes: vec![reframe("r1", 9, 3, 6), reframe("r2", 3, 4, 5)],
        steps: vec![
            step("s1", 18, Some("accept-compliment"), "Accept a compliment without deflecting.", 7, Some((true, 3))),
            step("s2", 8, None, "Tell Priya about the call from Mum", 8, Some((true, 4))),
            step("s3", 4, Some("ask-help"), "Ask someone for help, even with something small.", 6, Some((false, 0))),
            step("s4", 1, Some("share-worry"), "Let a friend in on a worry.", 5, None),
        ],
    }
}

fn choices(period: Period, parts: &[Part]) -> Choices {
    Choices { period, parts: parts.to_vec(), chosen: Vec::new(), note: String::new(), first_name: String::new() }
}

fn section(summary: &Summary, part: Part) -> &Section {
    summary.sections.iter().find(|s| s.part == part).unwrap_or_else(|| panic!("no {part:?} section"))
}

fn rows(section: &Section, heading: &str) -> Vec<(String, String)> {
    section.lists.iter().find(|l| l.heading == heading).unwrap_or_else(|| panic!("no list {heading}")).rows.clone()
}

fn all_text(summary: &Summary) -> String {
    to_markdown(summary)
}

#[test]
fn periods_cover_whole_local_days_and_clamp_to_short_months() {
    let f = fixture();
    let today = day_in(NOW, UTC);
    let r = f.records();
    assert_eq!(period_days(Period::FourWeeks, today, &r, UTC), (today - 27, today));
    let day = |y, m, d| days_from_civil(Date { year: y, month: m, day: d });
    assert_eq!(period_days(Period::ThreeMonths, today, &r, UTC), (day(2026, 8, 24), today));
    assert_eq!(period_days(Period::Year, today, &r, UTC), (day(2025, 11, 24), today));
    // 31 May, three months back: the end of February.
    assert_eq!(period_days(Period::ThreeMonths, day(2026, 5, 31), &r, UTC).0, day(2026, 2, 28));
    assert_eq!(period_days(Period::Year, day(2024, 2, 29), &r, UTC).0, day(2023, 2, 28));
    // Everything: from the oldest record.
    assert_eq!(period_days(Period::Everything, today, &r, UTC), (today - 400, today));
    let empty = Records { journal: &[], checks: &[], reframes: &[], steps: &[], helped: &[], moments: &[] };
    assert_eq!(period_days(Period::Everything, today, &empty, UTC), (today, today));
    // Two dates, in either order, both included.
    let (a, b) = (Date { year: 2026, month: 11, day: 1 }, Date { year: 2026, month: 11, day: 10 });
    assert_eq!(period_days(Period::Between(b, a), today, &r, UTC), (day(2026, 11, 1), day(2026, 11, 10)));

    let s = summarise(&r, &choices(Period::Between(a, b), &[]), NOW, UTC);
    assert_eq!(s.period, "1 Nov 2026 to 10 Nov 2026");
    assert_eq!(s.prepared_on, "24 Nov 2026");
    assert!(s.sections.is_empty());
}

#[test]
fn only_the_chosen_parts_appear_in_their_fixed_order() {
    let f = fixture();
    let s = summarise(&f.records(), &choices(Period::FourWeeks, &[Part::Steps, Part::Checks]), NOW, UTC);
    assert_eq!(s.sections.iter().map(|s| s.part).collect::<Vec<_>>(), vec![Part::Checks, Part::Steps]);
    let all = summarise(&f.records(), &choices(Period::FourWeeks, &Part::ALL), NOW, UTC);
    // Chosen entries and the note only appear with something in them; what has
    // helped and the moments say when there are none.
    assert_eq!(
        all.sections.iter().map(|s| s.part).collect::<Vec<_>>(),
        [&Part::ALL[..5], &[Part::Helped, Part::Moments]].concat()
    );
    assert!(Part::ALL.iter().all(|p| p.by_default() != matches!(p, Part::Helped | Part::Moments)));
}

#[test]
fn the_counts_match_the_records_in_the_period() {
    let f = fixture();
    let s = summarise(&f.records(), &choices(Period::FourWeeks, &Part::ALL), NOW, UTC);

    let checks = section(&s, Part::Checks);
    assert!(checks.sentences[0].contains("not a diagnosis"));
    let (chart, said) = checks.chart.as_ref().expect("three checks make a chart");
    assert_eq!(said, "3 self-checks, from 86 out of 100 on 30 Oct 2026 to 46 on 23 Nov 2026.");
    let Chart::Line { points, max, .. } = chart else { panic!("a line chart") };
    assert_eq!((points.len(), *max), (3, 100));
    // Statements 1, 2, 4 and 6 all average 3.0 ("Often"): the first three in the check's order.
    let highest = rows(checks, "Rated highest, on average");
    let expected: Vec<(String, String)> = [0, 1, 3].iter().map(|&i| (format!("\u{201c}{}\u{201d}", STATEMENTS[i]), "Often".to_string())).collect();
    assert_eq!(highest, expected);

    let away = section(&s, Part::PullingAway);
    assert_eq!(away.sentences[0], "5 journal entries in this period.");
    assert_eq!(rows(away, "Who it was with")[0], ("Partner".to_string(), "4".to_string()));
    assert_eq!(rows(away, "Feelings that came up most")[0], ("anxious".to_string(), "3".to_string()));
    assert!(away.sentences.iter().any(|l| l == "1 entry also named feelings in their own words (not shown here)."));
    assert_eq!(rows(away, "When it happened"), vec![("In the afternoon".to_string(), "5".to_string())]);

    let urge = section(&s, Part::Urge);
    assert_eq!(urge.chart.as_ref().unwrap().1, "4 ratings, 5.8 out of 10 on average: 7.0 in the earlier half, 4.5 in the later half.");
    assert_eq!(rows(urge, "What I did"), vec![
        ("Stayed or reached out".to_string(), "2".to_string()),
        ("Pulled away".to_string(), "2".to_string()),
        ("Not sure".to_string(), "1".to_string()),
    ]);

    let reframes = section(&s, Part::Reframes);
    assert_eq!(reframes.sentences, vec![
        "2 reframes in this period.".to_string(),
        "How safe closeness felt, from 0 to 10: 3.5 before a reframe and 5.5 after, on average (+2.0).".to_string(),
        "15 Nov 2026: 3 before, 6 after (+3).".to_string(),
        "21 Nov 2026: 4 before, 5 after (+1).".to_string(),
    ]);
    assert!(reframes.chart.is_none(), "two reframes are told, not drawn");

    let steps = section(&s, Part::Steps);
    assert_eq!(steps.sentences[0], "4 small steps planned, 2 taken, 1 logged as \u{201c}not yet\u{201d}.");
    assert_eq!(steps.sentences[1], "Expected discomfort was 7.5 out of 10 on average; how it really felt, 3.5.");
    assert_eq!(rows(steps, "Steps taken most"), vec![
        ("Accept a compliment without deflecting.".to_string(), "1".to_string()),
        ("Steps of my own".to_string(), "1".to_string()),
    ]);
}

#[test]
fn nothing_the_person_wrote_appears_unless_they_ticked_it() {
    let f = fixture();
    let mut c = choices(Period::FourWeeks, &Part::ALL);
    let text = all_text(&summarise(&f.records(), &c, NOW, UTC));
    for private in ["Priya", "went quiet", "unseen", "Mum", "Jo asked", "Thank you for protecting"] {
        assert!(!text.contains(private), "{private} was not chosen");
    }

    c.chosen = vec!["j1".into(), "r2".into(), "old".into()];
    let s = summarise(&f.records(), &c, NOW, UTC);
    let chosen = section(&s, Part::Chosen);
    assert_eq!(chosen.quoted.len(), 2, "an entry outside the period is not included");
    assert_eq!(chosen.quoted[0].heading, "Journal entry, 4 Nov 2026");
    assert_eq!(chosen.quoted[0].parts[0], (None, "Priya asked about moving in and I went quiet.".to_string()));
    assert!(chosen.quoted[0].parts.contains(&(Some("Felt"), "anxious, trapped".to_string())));
    assert_eq!(chosen.quoted[1].heading, "Reframe, 21 Nov 2026");
    assert!(chosen.quoted[1].parts.contains(&(Some("How safe closeness felt"), "4 before, 5 after".to_string())));
    assert!(!to_markdown(&s).contains("An entry from last year"));
}

#[test]
fn an_empty_period_says_so_plainly_in_every_part() {
    let f = fixture();
    let quiet = Date { year: 2026, month: 1, day: 1 };
    let s = summarise(&f.records(), &choices(Period::Between(quiet, quiet), &Part::ALL), NOW, UTC);
    let said = |p: Part| section(&s, p).sentences.join(" ");
    assert!(said(Part::Checks).contains("No self-check was taken in this period."));
    assert_eq!(said(Part::PullingAway), "No journal entries in this period.");
    assert_eq!(said(Part::Urge), "No entry in this period rated the urge to withdraw. No entry in this period says what I did.");
    assert_eq!(said(Part::Reframes), "No reframes in this period.");
    assert_eq!(said(Part::Steps), "No small steps were planned or taken in this period.");
    assert!(s.sections.iter().all(|s| s.chart.is_none() && s.quoted.is_empty()));
}

#[test]
fn a_single_record_is_told_in_words_not_drawn() {
    let f = fixture();
    let day = Date { year: 2026, month: 11, day: 4 };
    let s = summarise(&f.records(), &choices(Period::Between(day, day), &Part::ALL), NOW, UTC);
    let away = section(&s, Part::PullingAway);
    assert_eq!(away.sentences[0], "Only 1 journal entry in this period. These are early glimpses, not a pattern yet.");
    let urge = section(&s, Part::Urge);
    assert_eq!(urge.sentences, vec!["Only 1 rating of the urge to withdraw in this period.".to_string(), "4 Nov 2026: 8 out of 10.".to_string()]);
    assert!(s.sections.iter().all(|s| s.chart.is_none()));
}

#[test]
fn the_note_and_name_are_the_persons_own_and_markdown_keeps_them_as_text() {
    let f = fixture();
    let mut c = choices(Period::FourWeeks, &[Part::Note]);
    c.note = "  ".into();
    assert!(summarise(&f.records(), &c, NOW, UTC).sections.is_empty(), "an empty note adds nothing");
    c.note = "Why I go quiet when [Priya](priya.html) asks *anything* about the future.\n# Not a heading".into();
    c.first_name = " <Alex> ".into();
    let s = summarise(&f.records(), &c, NOW, UTC);
    assert_eq!(s.name.as_deref(), Some("<Alex>"));
    let md = to_markdown(&s);
    assert!(md.starts_with("# A summary to bring to therapy\n\n\\<Alex\\>  \n28 Oct 2026 to 24 Nov 2026  \nPrepared on 24 Nov 2026"));
    assert!(md.contains("## What I\u{2019}d like to talk about\n"));
    assert!(md.contains("> Why I go quiet when \\[Priya\\](priya.html) asks \\*anything\\* about the future.\n> \\# Not a heading"));
    assert!(!md.contains("[Priya]("), "no link can come out of the person's words");
}

#[test]
fn charts_are_tables_in_markdown() {
    let f = fixture();
    let md = to_markdown(&summarise(&f.records(), &choices(Period::FourWeeks, &[Part::Checks]), NOW, UTC));
    assert!(md.contains("| Date | Score |\n|---|---|\n| 30 Oct 2026 | 86 |\n| 12 Nov 2026 | 68 |\n| 23 Nov 2026 | 46 |\n"), "{md}");
    assert!(md.contains("**Rated highest, on average**\n\n- \u{201c}"));
}

#[test]
fn what_has_helped_is_quoted_in_the_persons_order_and_moments_are_charted_from_three() {
    use crate::domain::helped::{Helped, Source};
    use crate::domain::moment::{Moment, Way};
    let item = |id: &str, order, text: &str| Helped { id: id.into(), created: NOW - 5, updated: NOW - 5, text: text.into(), source: Source::Typed, source_id: None, order };
    let helped = [item("b", 1, "A walk first."), item("a", 0, "Saying \"I need an hour\".")];
    let moment = |id: &str, days: i64, before, after| Moment { id: id.into(), at: NOW - days * 86_400_000, updated: NOW, way: Way::Memory, before, after };
    let moments = [moment("m1", 3, 2, 5), moment("m2", 2, 4, 4), moment("m3", 1, 5, 3), moment("old", 400, 1, 9)];
    let r = Records { journal: &[], checks: &[], reframes: &[], steps: &[], helped: &helped, moments: &moments };
    let s = summarise(&r, &choices(Period::FourWeeks, &[Part::Helped, Part::Moments]), NOW, UTC);
    let quoted: Vec<&str> = s.sections[0].quoted[0].parts.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(quoted, ["Saying \"I need an hour\".", "A walk first."]);
    let (chart, said) = s.sections[1].chart.clone().expect("three moments are charted");
    assert_eq!(said, "3 moments so far: closeness felt safer afterwards in 1, about the same in 1, and less safe in 1.");
    match chart {
        Chart::Pair { items, .. } => assert_eq!(items.iter().map(|(_, b, a)| (*b, *a)).collect::<Vec<_>>(), [(2, 5), (4, 4), (5, 3)]),
        other => panic!("{other:?}"),
    }
    let md = to_markdown(&s);
    assert!(md.contains("## What has helped me"));
    assert!(md.contains("> Saying \"I need an hour\"."));
    let few = summarise(&Records { moments: &moments[..1], ..r }, &choices(Period::FourWeeks, &[Part::Moments]), NOW, UTC);
    assert!(few.sections[0].chart.is_none());
}
