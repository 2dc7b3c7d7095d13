//! A card for the person one pulls away from: five prompts answered in the
//! person's own words, for a partner, friend or family member. It is written
//! here, then previewed, printed, shared or copied as plain text.

use serde::{Deserialize, Serialize};

use super::records::Record;
use crate::i18n::{k::card as c, Key};

/// Its kind in storage keys and backups.
pub const KIND: &str = "card";

/// The card's prompts, in order. A card holds one answer for each.
pub const PROMPTS: [Key; 5] = [c::PROMPT_QUIET, c::PROMPT_NOT_MEAN, c::PROMPT_HELPS, c::PROMPT_COME_BACK, c::PROMPT_TRY];

/// Example answers to start from, three for each prompt (same order).
pub const EXAMPLES: [[Key; 3]; 5] = [
    [c::EXAMPLE_QUIET_1, c::EXAMPLE_QUIET_2, c::EXAMPLE_QUIET_3],
    [c::EXAMPLE_NOT_MEAN_1, c::EXAMPLE_NOT_MEAN_2, c::EXAMPLE_NOT_MEAN_3],
    [c::EXAMPLE_HELPS_1, c::EXAMPLE_HELPS_2, c::EXAMPLE_HELPS_3],
    [c::EXAMPLE_COME_BACK_1, c::EXAMPLE_COME_BACK_2, c::EXAMPLE_COME_BACK_3],
    [c::EXAMPLE_TRY_1, c::EXAMPLE_TRY_2, c::EXAMPLE_TRY_3],
];

/// Longer than a card's answer needs to be; keeps a damaged backup from filling the page.
pub const MAX_ANSWER_CHARS: usize = 1_000;
/// A first name or a few words ("my sister").
pub const MAX_NAME_CHARS: usize = 80;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub id: String,
    pub created: i64,
    pub updated: i64,
    /// Who it is for, as the person names them; may be blank.
    #[serde(default)]
    pub for_whom: String,
    /// One answer per prompt (`PROMPTS`), blank when skipped.
    pub answers: Vec<String>,
}

/// Why a card cannot be saved or imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalid {
    /// Every answer is blank.
    NoWords,
    TooLong,
    /// Not one answer for each prompt.
    WrongShape,
}

pub fn check(card: &Card) -> Result<(), Invalid> {
    if card.answers.len() != PROMPTS.len() {
        return Err(Invalid::WrongShape);
    }
    if card.answers.iter().all(|a| a.trim().is_empty()) {
        return Err(Invalid::NoWords);
    }
    let too_long = |s: &str, max| s.chars().count() > max;
    if too_long(&card.for_whom, MAX_NAME_CHARS) || card.answers.iter().any(|a| too_long(a, MAX_ANSWER_CHARS)) {
        return Err(Invalid::TooLong);
    }
    Ok(())
}

impl Record for Card {
    const KIND: &'static str = KIND;
    fn id(&self) -> &str {
        &self.id
    }
    fn updated_at(&self) -> i64 {
        self.updated
    }
    fn moments(&self) -> Vec<i64> {
        vec![self.created, self.updated]
    }
    fn validate(&self) -> Result<(), String> {
        use crate::i18n::{k::backup as b, t};
        check(self).map_err(|why| {
            t(match why {
                Invalid::NoWords => b::CARD_NEEDS_WORDS,
                Invalid::TooLong => b::CARD_TOO_LONG,
                Invalid::WrongShape => b::CARD_SHAPE,
            })
            .to_string()
        })
    }
}

/// The answered prompts, in order, as (prompt, answer).
pub fn answered<'a>(card: &'a Card, prompts: &[&'a str; 5]) -> Vec<(&'a str, &'a str)> {
    prompts.iter().zip(&card.answers).map(|(p, a)| (*p, a.trim())).filter(|(_, a)| !a.is_empty()).collect()
}

/// The card as plain text, to share or copy: its heading, then each answered
/// prompt with the answer below it.
pub fn card_text(card: &Card, heading: &str, prompts: &[&str; 5]) -> String {
    let mut out = String::from(heading.trim());
    for (prompt, answer) in answered(card, prompts) {
        out.push_str("\n\n");
        out.push_str(prompt);
        out.push('\n');
        out.push_str(answer);
    }
    out.push('\n');
    out
}

/// What a started answer becomes when an example is chosen: the example alone
/// in an empty field, or added on a new line after the person's own words.
pub fn with_example(current: &str, example: &str) -> String {
    let current = current.trim_end();
    if current.is_empty() { example.to_string() } else { format!("{current}\n{example}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn card(answers: [&str; 5]) -> Card {
        Card { id: "c1".into(), created: 1, updated: 2, for_whom: "Sam".into(), answers: answers.map(String::from).to_vec() }
    }

    const PROMPTS_EN: [&str; 5] = ["When I go quiet…", "It does not mean…", "What helps me is…", "I will come back by…", "One thing…"];

    #[test]
    fn a_card_needs_one_answer_for_each_prompt_and_some_words() {
        assert_eq!(check(&card(["", " ", "", "\n", ""])), Err(Invalid::NoWords));
        assert_eq!(check(&card(["", "", "a walk", "", ""])), Ok(()));
        let mut short = card(["x", "", "", "", ""]);
        short.answers.pop();
        assert_eq!(check(&short), Err(Invalid::WrongShape));
    }

    #[test]
    fn long_answers_and_names_are_refused() {
        assert_eq!(check(&card(["x", "", "", "", &"a".repeat(MAX_ANSWER_CHARS)])), Ok(()));
        assert_eq!(check(&card(["x", "", "", "", &"a".repeat(MAX_ANSWER_CHARS + 1)])), Err(Invalid::TooLong));
        let mut named = card(["x", "", "", "", ""]);
        named.for_whom = "é".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(check(&named), Err(Invalid::TooLong));
    }

    #[test]
    fn the_text_holds_the_heading_and_only_answered_prompts_in_order() {
        let text = card_text(&card(["  I need time.  ", "", "A quiet word.", "", "Saying 'an hour'."]), "For Sam", &PROMPTS_EN);
        assert_eq!(
            text,
            "For Sam\n\nWhen I go quiet…\nI need time.\n\nWhat helps me is…\nA quiet word.\n\nOne thing…\nSaying 'an hour'.\n"
        );
    }

    #[test]
    fn an_example_fills_an_empty_field_or_follows_the_persons_words() {
        assert_eq!(with_example("", "that I don't care."), "that I don't care.");
        assert_eq!(with_example("  \n", "x"), "x");
        assert_eq!(with_example("I'm tired.\n", "x"), "I'm tired.\nx");
    }
}
