//! The reframe: treating avoidance as a protector. Thank it, reassure yourself,
//! and choose, at the moment the pull to withdraw is there.

use serde::{Deserialize, Serialize};

use super::records::Record;
use crate::i18n::{k::reframe as r, t, Key};

/// One step of the guided flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub title: Key,
    /// The question the field answers.
    pub question: Key,
    /// One line on why this step helps.
    pub why: Key,
    pub example: Key,
}

pub const STEPS: [Step; 7] = [
    Step {
        title: r::STEP1_TITLE,
        question: r::STEP1_QUESTION,
        why: r::STEP1_WHY,
        example: r::STEP1_EXAMPLE,
    },
    Step {
        title: r::STEP2_TITLE,
        question: r::STEP2_QUESTION,
        why: r::STEP2_WHY,
        example: r::STEP2_EXAMPLE,
    },
    Step {
        title: r::STEP3_TITLE,
        question: r::STEP3_QUESTION,
        why: r::STEP3_WHY,
        example: r::STEP3_EXAMPLE,
    },
    Step {
        title: r::STEP4_TITLE,
        question: r::STEP4_QUESTION,
        why: r::STEP4_WHY,
        example: r::STEP4_EXAMPLE,
    },
    Step {
        title: r::STEP5_TITLE,
        question: r::STEP5_QUESTION,
        why: r::STEP5_WHY,
        example: r::STEP5_EXAMPLE,
    },
    Step {
        title: r::STEP6_TITLE,
        question: r::STEP6_QUESTION,
        why: r::STEP6_WHY,
        example: r::STEP6_EXAMPLE,
    },
    Step {
        title: r::STEP7_TITLE,
        question: r::STEP7_QUESTION,
        why: r::STEP7_WHY,
        example: r::STEP7_EXAMPLE,
    },
];

/// A saved reframe. Text fields may be empty: every step can be skipped.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reframe {
    pub id: String,
    pub created: i64,
    pub updated: i64,
    /// The journal entry it started from, if any.
    pub from_entry: Option<String>,
    /// The answers to `STEPS`, in order.
    pub answers: Vec<String>,
    /// "How safe does closeness feel right now?", 0–10, before and after.
    pub safe_before: Option<u8>,
    pub safe_after: Option<u8>,
}

impl Reframe {
    pub fn answer(&self, step: usize) -> &str {
        self.answers.get(step).map_or("", |s| s.trim())
    }
    pub fn situation(&self) -> &str {
        self.answer(0)
    }
    /// The change in how safe closeness felt, after minus before.
    pub fn shift(&self) -> Option<i8> {
        Some(self.safe_after? as i8 - self.safe_before? as i8)
    }
}

/// Indices of the thank / reassure / choose steps.
pub const PROTECTOR_STEPS: [usize; 3] = [3, 4, 5];
pub const SMALL_STEP: usize = 6;

/// Whether a reframe may be saved, and if not, why, in plain words. It needs the
/// situation and at least one of thank / reassure / choose; all else is optional.
pub fn can_save(answers: &[String], safe_before: Option<u8>, safe_after: Option<u8>) -> Result<(), String> {
    let filled = |i: usize| answers.get(i).is_some_and(|a| !a.trim().is_empty());
    if answers.len() > STEPS.len() {
        return Err(crate::i18n::t(crate::i18n::k::backup::TOO_MANY_ANSWERS).into());
    }
    if !filled(0) {
        return Err(t(r::NEED_SITUATION).into());
    }
    if !PROTECTOR_STEPS.iter().any(|&i| filled(i)) {
        return Err(t(r::NEED_HEART).into());
    }
    if safe_before.is_some_and(|v| v > 10) || safe_after.is_some_and(|v| v > 10) {
        return Err(t(r::SAFETY_RANGE).into());
    }
    Ok(())
}

impl Record for Reframe {
    const KIND: &'static str = "reframe";
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
        can_save(&self.answers, self.safe_before, self.safe_after)
    }
}

/// "+3", "0", "−2": how a shift is shown.
pub fn shift_label(shift: i8) -> String {
    match shift {
        s if s > 0 => format!("+{s}"),
        s if s < 0 => format!("\u{2212}{}", -s),
        _ => "0".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(filled: &[usize]) -> Vec<String> {
        (0..STEPS.len()).map(|i| if filled.contains(&i) { format!("answer {i}") } else { String::new() }).collect()
    }

    #[test]
    fn the_situation_and_one_protector_step_are_enough() {
        assert_eq!(can_save(&answers(&[0, 3]), None, None), Ok(()));
        assert_eq!(can_save(&answers(&[0, 5]), Some(2), Some(6)), Ok(()));
        assert_eq!(can_save(&answers(&[0, 1, 2, 3, 4, 5, 6]), Some(0), Some(10)), Ok(()));
    }

    #[test]
    fn what_may_not_be_saved_says_why() {
        assert!(can_save(&answers(&[3, 4, 5]), None, None).unwrap_err().contains("situation"));
        assert!(can_save(&answers(&[0, 1, 2, 6]), None, None).unwrap_err().contains("thank-you"));
        let mut blank = answers(&[3]);
        blank[0] = "   ".into();
        assert!(can_save(&blank, None, None).is_err());
        assert!(can_save(&answers(&[0, 3]), Some(11), None).is_err());
        assert!(can_save(&vec!["x".to_string(); 8], None, None).is_err());
    }

    #[test]
    fn the_shift_is_after_minus_before() {
        let r = Reframe { safe_before: Some(3), safe_after: Some(7), ..Reframe::default() };
        assert_eq!(r.shift(), Some(4));
        assert_eq!(shift_label(4), "+4");
        let r = Reframe { safe_before: Some(6), safe_after: Some(4), ..Reframe::default() };
        assert_eq!(shift_label(r.shift().unwrap()), "\u{2212}2");
        assert_eq!(Reframe { safe_before: Some(6), ..Reframe::default() }.shift(), None);
        assert_eq!(shift_label(0), "0");
    }

    #[test]
    fn the_articles_three_moves_are_steps_four_to_six() {
        assert_eq!(t(STEPS[3].title), "Thank it");
        assert_eq!(t(STEPS[4].title), "Reassure");
        assert_eq!(t(STEPS[5].title), "Remind");
        assert!(t(STEPS[5].question).contains("choice"));
    }
}
