//! A readable export of everything, for the person to read, print, or bring to a
//! therapist. Plain Markdown; what the person wrote is quoted as written.

use super::check::{band, newest_first, score_of, SelfCheck, SCALE, STATEMENTS};
use super::journal::{prompt, JournalEntry};
use super::reframe::{shift_label, Reframe, STEPS};
use super::time::format_date;
use super::words::plural;

/// Quotes a block of the person's text so it cannot turn into headings or lists.
fn quote(text: &str) -> String {
    text.trim().lines().map(|l| if l.is_empty() { ">".to_string() } else { format!("> {l}") }).collect::<Vec<_>>().join("\n")
}

/// Everything the person keeps here, for reading.
pub struct Everything<'a> {
    pub journal: &'a [JournalEntry],
    pub checks: &'a [SelfCheck],
    pub reframes: &'a [Reframe],
}

pub fn export(all: &Everything, now_ms: i64, offset_minutes: i32) -> String {
    let (journal, checks) = (all.journal, all.checks);
    let mut out = format!(
        "# Leaning In: my notes\n\nExported {}. Everything here was written privately on this device.\n",
        format_date(now_ms, offset_minutes)
    );
    out.push_str(&format!("\n## Journal ({})\n", plural(journal.len(), "entry", "entries")));
    let mut entries: Vec<&JournalEntry> = journal.iter().collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.at));
    for e in entries {
        out.push_str(&format!("\n### {}\n\n", format_date(e.at, offset_minutes)));
        if let Some(p) = e.prompt.as_deref().and_then(prompt) {
            out.push_str(&format!("*{}*\n\n", p.text));
        }
        out.push_str(&quote(&e.text));
        out.push('\n');
        let mut facts = Vec::new();
        if !e.who.is_empty() {
            facts.push(format!("With: {}", e.who.iter().map(|w| w.label()).collect::<Vec<_>>().join(", ")));
        }
        let mut felt: Vec<&str> = e.emotions.iter().map(String::as_str).collect();
        if !e.own_words.trim().is_empty() {
            felt.push(e.own_words.trim());
        }
        if !felt.is_empty() {
            facts.push(format!("Felt: {}", felt.join(", ")));
        }
        if let Some(u) = e.urge {
            facts.push(format!("Urge to withdraw: {u}/10"));
        }
        if let Some(a) = e.action {
            facts.push(format!("What I did: {}", a.label()));
        }
        if !facts.is_empty() {
            out.push('\n');
            for f in facts {
                out.push_str(&format!("- {f}\n"));
            }
        }
    }
    if !checks.is_empty() {
        out.push_str(&format!("\n## Self-checks ({})\n\nA reflection tool, not a diagnosis. Scores run from 0 to 100.\n", checks.len()));
        for c in newest_first(checks) {
            let s = score_of(&c);
            out.push_str(&format!("\n### {}: {s} out of 100\n\n{}.\n\n", format_date(c.at, offset_minutes), band(s).title()));
            for (statement, answer) in STATEMENTS.iter().zip(&c.answers) {
                out.push_str(&format!("- {statement} **{}**\n", SCALE[usize::from(*answer)]));
            }
        }
    }
    if !all.reframes.is_empty() {
        out.push_str(&format!("\n## Reframes ({})\n", all.reframes.len()));
        let mut reframes: Vec<&Reframe> = all.reframes.iter().collect();
        reframes.sort_by_key(|r| std::cmp::Reverse(r.created));
        for r in reframes {
            out.push_str(&format!("\n### {}\n", format_date(r.created, offset_minutes)));
            for (i, step) in STEPS.iter().enumerate() {
                if !r.answer(i).is_empty() {
                    out.push_str(&format!("\n**{}**\n\n{}\n", step.title, quote(r.answer(i))));
                }
            }
            if let (Some(b), Some(a), Some(s)) = (r.safe_before, r.safe_after, r.shift()) {
                out.push_str(&format!("\nHow safe closeness felt: {b}/10 before, {a}/10 after ({}).\n", shift_label(s)));
            }
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
        let everything = Everything { journal: &[older, newer], checks: &[check], reframes: &[reframe] };
        let md = export(&everything, 1_763_990_000_000, 0);
        assert!(md.starts_with("# Leaning In: my notes"));
        assert!(md.contains("## Journal (2 entries)"));
        assert!(md.find("Stayed in the conversation").unwrap() < md.find("not a heading").unwrap());
        assert!(md.contains("> # not a heading\n> - not a list"));
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
}
