//! A readable export of everything, for the person to read, print, or bring to a
//! therapist. Plain Markdown; what the person wrote is quoted as written.

use super::check::{band, newest_first, score_of, SelfCheck, SCALE, STATEMENTS};
use super::journal::{emotion_label, prompt, JournalEntry};
use super::reframe::{shift_label, Reframe, STEPS};
use super::time::{format_date, Zone};
use super::words::plural;
use crate::i18n::{k::export as x, t, t_with};

/// Escapes one line of the person's text so Markdown shows it exactly as written:
/// no heading, list, rule, link, emphasis, code or HTML can come out of it.
pub(crate) fn escape(line: &str) -> String {
    // Leading spaces would start a code block inside a quote; they carry no words.
    let line = line.trim_start();
    let mut out = String::with_capacity(line.len() + 8);
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    for (i, c) in line.char_indices() {
        let block_marker = i == 0 && matches!(c, '#' | '-' | '+' | '=' | '>');
        let list_number = digits > 0 && i == digits && matches!(c, '.' | ')');
        if block_marker || list_number || matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Quotes a block of the person's text, every line escaped.
pub(crate) fn quote(text: &str) -> String {
    text.trim()
        .lines()
        .map(|l| match escape(l) {
            e if e.is_empty() => ">".to_string(),
            e => format!("> {e}"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Everything the person keeps here, for reading.
pub struct Everything<'a> {
    pub journal: &'a [JournalEntry],
    pub checks: &'a [SelfCheck],
    pub reframes: &'a [Reframe],
    pub helped: &'a [crate::domain::helped::Helped],
    pub cards: &'a [crate::domain::card::Card],
    pub moments: &'a [crate::domain::moment::Moment],
}

/// The readable export. Each date is written with its own moment's offset.
pub fn export(all: &Everything, now_ms: i64, zone: Zone) -> String {
    let date = |ms: i64| format_date(ms, zone(ms));
    let (journal, checks) = (all.journal, all.checks);
    let mut out = format!("# {}\n\n{}\n", t(x::TITLE), t_with(x::EXPORTED, &[("date", &date(now_ms))]));
    out.push_str(&format!("\n## {}\n", t_with(x::JOURNAL, &[("entries", &plural(journal.len(), crate::i18n::k::count::ENTRIES))])));
    let mut entries: Vec<&JournalEntry> = journal.iter().collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.at));
    for e in entries {
        out.push_str(&format!("\n### {}\n\n", date(e.at)));
        if let Some(p) = e.prompt.as_deref().and_then(prompt) {
            out.push_str(&format!("*{}*\n\n", p.text));
        }
        out.push_str(&quote(&e.text));
        out.push('\n');
        let mut facts = Vec::new();
        if !e.who.is_empty() {
            facts.push(t_with(x::WITH, &[("who", &e.who.iter().map(|w| w.label()).collect::<Vec<_>>().join(", "))]));
        }
        let mut felt: Vec<String> = e.emotions.iter().map(|m| escape(emotion_label(m))).collect();
        if !e.own_words.trim().is_empty() {
            felt.push(escape(e.own_words.trim()));
        }
        if !felt.is_empty() {
            facts.push(t_with(x::FELT, &[("feelings", &felt.join(", "))]));
        }
        if let Some(u) = e.urge {
            facts.push(t_with(x::URGE, &[("urge", &u.to_string())]));
        }
        if let Some(a) = e.action {
            facts.push(t_with(x::WHAT_I_DID, &[("action", a.label())]));
        }
        if !facts.is_empty() {
            out.push('\n');
            for f in facts {
                out.push_str(&format!("- {f}\n"));
            }
        }
    }
    if !checks.is_empty() {
        out.push_str(&format!("\n## {}\n\n{}\n", t_with(x::SELF_CHECKS, &[("count", &checks.len().to_string())]), t(x::SELF_CHECKS_NOTE)));
        for c in newest_first(checks) {
            let s = score_of(&c);
            out.push_str(&format!("\n### {}\n\n{}.\n\n", t_with(x::CHECK_HEADING, &[("date", &date(c.at)), ("score", &s.to_string())]), band(s).title()));
            for (statement, answer) in STATEMENTS.iter().zip(&c.answers) {
                out.push_str(&format!("- {statement} **{}**\n", SCALE[usize::from(*answer)]));
            }
        }
    }
    if !all.reframes.is_empty() {
        out.push_str(&format!("\n## {}\n", t_with(x::REFRAMES, &[("count", &all.reframes.len().to_string())])));
        let mut reframes: Vec<&Reframe> = all.reframes.iter().collect();
        reframes.sort_by_key(|r| std::cmp::Reverse(r.created));
        for r in reframes {
            out.push_str(&format!("\n### {}\n", date(r.created)));
            for (i, step) in STEPS.iter().enumerate() {
                if !r.answer(i).is_empty() {
                    out.push_str(&format!("\n**{}**\n\n{}\n", step.title, quote(r.answer(i))));
                }
            }
            if let (Some(b), Some(a), Some(s)) = (r.safe_before, r.safe_after, r.shift()) {
                let values = [("before", b.to_string()), ("after", a.to_string()), ("shift", shift_label(s))];
                out.push_str(&format!("\n{}\n", t_with(x::SAFE_CHANGE, &values.each_ref().map(|(k, v)| (*k, v.as_str())))));
            }
        }
    }
    out.push_str(&between(all, &date));
    out
}

/// What has helped (in the person's order), the cards, and the moments' ratings.
fn between(all: &Everything, date: &dyn Fn(i64) -> String) -> String {
    use crate::domain::{card, helped::in_order, moment::latest};
    let mut out = String::new();
    if !all.helped.is_empty() {
        out.push_str(&format!("\n## {}\n", t_with(x::HELPED, &[("count", &all.helped.len().to_string())])));
        for h in in_order(all.helped) {
            out.push_str(&format!("\n{}\n", quote(h.text.trim())));
        }
    }
    if !all.cards.is_empty() {
        out.push_str(&format!("\n## {}\n", t_with(x::CARDS, &[("count", &all.cards.len().to_string())])));
        let prompts = card::PROMPTS.map(t);
        for c in all.cards {
            let heading = match c.for_whom.trim() {
                "" => t(crate::i18n::k::card::HEADING).to_string(),
                name => t_with(crate::i18n::k::card::FOR_HEADING, &[("name", &escape(name))]),
            };
            out.push_str(&format!("\n### {heading}\n"));
            for (prompt, answer) in card::answered(c, &prompts) {
                out.push_str(&format!("\n**{prompt}**\n\n{}\n", quote(answer)));
            }
        }
    }
    if !all.moments.is_empty() {
        out.push_str(&format!("\n## {}\n\n", t_with(x::MOMENTS, &[("count", &all.moments.len().to_string())])));
        out.push_str(&format!("| {} | {} | {} |\n|---|---|---|\n", t(x::MOMENT_DATE), t(crate::i18n::k::moment::BEFORE), t(crate::i18n::k::moment::AFTER)));
        for m in latest(all.moments, usize::MAX) {
            out.push_str(&format!("| {} | {} | {} |\n", date(m.at), m.before, m.after));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journal::tests::entry;

    #[test]
    fn entries_are_listed_newest_first_with_their_details_and_quoted_text() {
        let mut older = entry("a", "# not a heading\n- not a list");
        older.at -= 86_400_000;
        let newer = entry("b", "Stayed in the conversation.");
        let check = SelfCheck { id: "c".into(), at: 1_763_990_000_000, answers: vec![4, 0, 1, 2, 3, 4, 0] };
        let reframe = Reframe {
            id: "r".into(),
            answers: vec!["At dinner.".into(), String::new(), String::new(), "Thank you.".into()],
            safe_before: Some(2),
            safe_after: Some(5),
            ..Reframe::default()
        };
        let everything = Everything { journal: &[older, newer], checks: &[check], reframes: &[reframe], helped: &[], cards: &[], moments: &[] };
        let md = export(&everything, 1_763_990_000_000, &|_| 0);
        assert!(md.starts_with("# Leaning In: my notes"));
        assert!(md.contains("## Journal (2 entries)"));
        assert!(md.find("Stayed in the conversation").unwrap() < md.find("not a heading").unwrap());
        assert!(md.contains("> \\# not a heading\n> \\- not a list"));
        assert!(md.contains("*What situations make me withdraw?*"));
        assert!(md.contains("- With: Partner"));
        assert!(md.contains("- Urge to withdraw: 7/10"));
        assert!(md.contains("- What I did: Pulled away"));
        assert!(md.contains("## Self-checks (1)"));
        assert!(md.contains("- I wish I could open up and share my true feelings. **Almost always**"));
        assert!(md.contains(": 50 out of 100"));
        assert!(md.contains("## Reframes (1)"));
        assert!(md.contains("**Thank it**\n\n> Thank you."));
        assert!(md.contains("2/10 before, 5/10 after (+3)"));
    }

    /// Renders Markdown and returns what a reader sees, failing on anything but
    /// plain text inside quotes and the export's own structure.
    fn rendered_text(md: &str) -> String {
        use pulldown_cmark::{Event, Parser, Tag};
        let mut text = String::new();
        for event in Parser::new(md) {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::SoftBreak | Event::HardBreak => text.push('\n'),
                Event::Start(Tag::BlockQuote(_) | Tag::Paragraph) | Event::End(_) => {}
                other => panic!("the person's text became markup: {other:?} in {md:?}"),
            }
        }
        text
    }

    #[test]
    fn quoted_text_renders_exactly_as_written_and_never_as_markup() {
        let nasty = [
            "# x", "## heading", "- item", "+ item", "* item", "1. first", "12) twelfth", "> nested", "<nothing>",
            "<b>bold</b> & &amp; &copy;", "*emph* _under_ **strong**", "`code` ```fence", "[link](page.html) ![img](y.png)",
            "a | b | c", "~~strike~~", "    indented code", "---", "===", "***", "___", "back\\slash \\# \\*",
            "Text\n===", "ok: 1.5 (fine) - and + more!", "line one\nline two",
        ];
        for input in nasty {
            let shown = rendered_text(&quote(input));
            let expected: Vec<&str> = input.lines().map(str::trim_start).collect();
            assert_eq!(shown, expected.join("\n"), "{input:?}");
        }
    }

    #[test]
    fn feelings_in_own_words_are_escaped_too() {
        let mut e = entry("a", "text");
        e.own_words = "<gone> # lost".into();
        let md = export(&Everything { journal: &[e], checks: &[], reframes: &[], helped: &[], cards: &[], moments: &[] }, 1_763_990_000_000, &|_| 0);
        assert!(md.contains("- Felt: anxious, \\<gone\\> # lost"), "{md}");
    }

    #[test]
    fn entries_are_headed_with_their_own_day_across_summer_time() {
        use crate::domain::time::tests::{at_utc, london};
        let mut e = entry("a", "text");
        e.at = at_utc(2026, 7, 14, 23, 30); // 00:30 BST on 15 Jul
        let md = export(&Everything { journal: &[e], checks: &[], reframes: &[], helped: &[], cards: &[], moments: &[] }, at_utc(2026, 11, 24, 12, 0), &london);
        assert!(md.contains("### 15 Jul 2026"), "{md}");
    }
}
