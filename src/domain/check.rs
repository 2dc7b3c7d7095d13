//! The self-check: the article's seven "Sound familiar?" statements, each rated on
//! a five-step frequency scale. A reflection tool, never a diagnosis.

use serde::{Deserialize, Serialize};

use super::records::Record;
use crate::i18n::{k::check as c, t, t_with, Key};
use super::time::MS_PER_DAY;

/// The article's statements, word for word.
pub const STATEMENTS: [Key; 7] = [
    c::STATEMENT_1,
    c::STATEMENT_2,
    c::STATEMENT_3,
    c::STATEMENT_4,
    c::STATEMENT_5,
    c::STATEMENT_6,
    c::STATEMENT_7,
];

/// The frequency scale, from 0 (Never) to 4 (Almost always).
pub const SCALE: [Key; 5] = [c::SCALE_NEVER, c::SCALE_RARELY, c::SCALE_SOMETIMES, c::SCALE_OFTEN, c::SCALE_ALMOST_ALWAYS];
pub const MAX_ANSWER: u8 = 4;

/// One completed self-check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SelfCheck {
    pub id: String,
    pub at: i64,
    /// One answer per statement, 0–4, in the order of `STATEMENTS`.
    pub answers: Vec<u8>,
}

impl Record for SelfCheck {
    const KIND: &'static str = "check";
    fn id(&self) -> &str {
        &self.id
    }
    fn updated_at(&self) -> i64 {
        self.at
    }
    fn validate(&self) -> Result<(), String> {
        if self.answers.len() != STATEMENTS.len() {
            return Err(t_with(crate::i18n::k::backup::CHECK_ANSWERS, &[("count", &STATEMENTS.len().to_string())]));
        }
        if self.answers.iter().any(|a| *a > MAX_ANSWER) {
            return Err(t(crate::i18n::k::backup::ANSWER_RANGE).into());
        }
        Ok(())
    }
}

/// Scores answers from 0 to 100. Any unanswered statement is named instead, by
/// its position (0-based), so the person can be told exactly what is missing.
pub fn score(answers: &[Option<u8>]) -> Result<u8, Vec<usize>> {
    let missing: Vec<usize> = (0..STATEMENTS.len()).filter(|&i| answers.get(i).copied().flatten().is_none()).collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let sum: u32 = answers.iter().map(|a| u32::from(a.unwrap_or(0).min(MAX_ANSWER))).sum();
    let max = u32::from(MAX_ANSWER) * STATEMENTS.len() as u32;
    Ok(((sum * 100 + max / 2) / max) as u8)
}

pub fn score_of(check: &SelfCheck) -> u8 {
    score(&check.answers.iter().map(|a| Some(*a)).collect::<Vec<_>>()).unwrap_or(0)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    Now,
    Often,
    Much,
}

/// 0–33, 34–66, 67–100.
pub fn band(score: u8) -> Band {
    match score {
        0..=33 => Band::Now,
        34..=66 => Band::Often,
        _ => Band::Much,
    }
}

impl Band {
    pub fn title(self) -> &'static str {
        match self {
            Band::Now => t(c::BAND_NOW_TITLE),
            Band::Often => t(c::BAND_OFTEN_TITLE),
            Band::Much => t(c::BAND_MUCH_TITLE),
        }
    }
    pub fn text(self) -> &'static str {
        match self {
            Band::Now => t(c::BAND_NOW_TEXT),
            Band::Often => t(c::BAND_OFTEN_TEXT),
            Band::Much => t(c::BAND_MUCH_TEXT),
        }
    }
}

/// Where a statement leads: the exercise that fits it best.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exercise {
    /// A journal prompt, by id.
    Journal(&'static str),
    Reframe,
    /// A small step from the practice library, by id.
    Step(&'static str),
}

pub fn exercise_for(statement: usize) -> Exercise {
    match statement {
        0 => Exercise::Step("share-feeling"),
        1 => Exercise::Reframe,
        2 => Exercise::Step("ask-help"),
        3 => Exercise::Journal("withdraw"),
        4 => Exercise::Journal("shut-out"),
        5 => Exercise::Step("share-worry"),
        _ => Exercise::Reframe,
    }
}

impl Exercise {
    /// The in-app route and a short invitation.
    pub fn route_and_label(self) -> (String, &'static str) {
        match self {
            Exercise::Journal(p) => (format!("/journal?new&prompt={p}"), t(c::GO_JOURNAL)),
            Exercise::Reframe => ("/reframe".into(), t(c::GO_REFRAME)),
            Exercise::Step(s) => (format!("/practice?step={s}"), t(c::GO_STEP)),
        }
    }
}

/// The statements rated highest (at "Sometimes" or more), strongest first, at most three.
pub fn highest(answers: &[u8]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..answers.len()).filter(|&i| answers[i] >= 2).collect();
    idx.sort_by(|&a, &b| answers[b].cmp(&answers[a]).then(a.cmp(&b)));
    idx.truncate(3);
    idx
}

/// A statement that moved by two or more steps between two checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shift {
    pub statement: usize,
    pub from: u8,
    pub to: u8,
}

pub fn shifts(earlier: &SelfCheck, later: &SelfCheck) -> Vec<Shift> {
    earlier
        .answers
        .iter()
        .zip(&later.answers)
        .enumerate()
        .filter(|(_, (a, b))| a.abs_diff(**b) >= 2)
        .map(|(statement, (a, b))| Shift { statement, from: *a, to: *b })
        .collect()
}

/// Checks, newest first.
pub fn newest_first(checks: &[SelfCheck]) -> Vec<SelfCheck> {
    let mut v = checks.to_vec();
    v.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id)));
    v
}

/// Days between checks that show change best.
pub const RETAKE_AFTER_DAYS: i64 = 30;

/// Whether to suggest a retake: 30 days since the last check.
pub fn retake_due(last_at: Option<i64>, now_ms: i64) -> bool {
    last_at.is_some_and(|at| now_ms - at >= RETAKE_AFTER_DAYS * MS_PER_DAY)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(id: &str, at: i64, answers: [u8; 7]) -> SelfCheck {
        SelfCheck { id: id.into(), at, answers: answers.to_vec() }
    }

    #[test]
    fn statements_are_the_articles_word_for_word() {
        // The seed article sits beside the repository (`../shared/seed/`), as on CI.
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seed/000_34658d06e9766f28.txt");
        let article = std::fs::read_to_string(path).expect("the seed article is beside the repository");
        for s in STATEMENTS {
            assert!(article.contains(&format!("\"{s}\"")), "{s}");
        }
    }

    #[test]
    fn scores_run_from_0_to_100() {
        let all = |v: u8| vec![Some(v); 7];
        assert_eq!(score(&all(0)), Ok(0));
        assert_eq!(score(&all(4)), Ok(100));
        assert_eq!(score(&all(2)), Ok(50));
        // 1 of 28 points is 3.57, rounded to 4.
        let mut one = all(0);
        one[3] = Some(1);
        assert_eq!(score(&one), Ok(4));
    }

    #[test]
    fn partial_answers_name_what_is_missing() {
        let mut partial = vec![Some(3); 7];
        partial[1] = None;
        partial[6] = None;
        assert_eq!(score(&partial), Err(vec![1, 6]));
        assert_eq!(score(&[]), Err((0..7).collect()));
        assert_eq!(score(&[Some(1); 5]), Err(vec![5, 6]));
    }

    #[test]
    fn every_band_boundary() {
        assert_eq!(band(0), Band::Now);
        assert_eq!(band(33), Band::Now);
        assert_eq!(band(34), Band::Often);
        assert_eq!(band(66), Band::Often);
        assert_eq!(band(67), Band::Much);
        assert_eq!(band(100), Band::Much);
        // Real answer sets either side of the boundaries: 9/28 = 32, 10/28 = 36, 18/28 = 64, 19/28 = 68.
        let with_sum = |sum: u8| {
            let mut a = [0u8; 7];
            let mut left = sum;
            for slot in &mut a {
                *slot = left.min(4);
                left -= *slot;
            }
            score(&a.map(Some)).unwrap()
        };
        assert_eq!(band(with_sum(9)), Band::Now);
        assert_eq!(band(with_sum(10)), Band::Often);
        assert_eq!(band(with_sum(18)), Band::Often);
        assert_eq!(band(with_sum(19)), Band::Much);
    }

    #[test]
    fn nothing_is_called_a_diagnosis() {
        for b in [Band::Now, Band::Often, Band::Much] {
            assert!(!b.text().to_lowercase().contains("diagnos"));
            assert!(!b.title().to_lowercase().contains("avoidant"));
        }
    }

    #[test]
    fn highest_rated_statements_come_first_and_only_when_they_ring_true() {
        assert_eq!(highest(&[1, 4, 2, 4, 0, 3, 1]), vec![1, 3, 5]);
        assert_eq!(highest(&[1, 1, 0, 1, 0, 1, 1]), Vec::<usize>::new());
        assert_eq!(highest(&[2, 0, 0, 0, 0, 0, 0]), vec![0]);
    }

    #[test]
    fn every_statement_leads_to_an_exercise() {
        for i in 0..STATEMENTS.len() {
            let (route, label) = exercise_for(i).route_and_label();
            assert!(route.starts_with('/') && !label.is_empty());
        }
    }

    #[test]
    fn shifts_are_moves_of_two_or_more_steps_either_way() {
        let a = check("a", 1, [4, 3, 2, 2, 0, 4, 1]);
        let b = check("b", 2, [2, 2, 4, 2, 1, 0, 1]);
        assert_eq!(
            shifts(&a, &b),
            vec![Shift { statement: 0, from: 4, to: 2 }, Shift { statement: 2, from: 2, to: 4 }, Shift { statement: 5, from: 4, to: 0 }]
        );
        assert!(shifts(&a, &a).is_empty());
    }

    #[test]
    fn a_retake_is_suggested_after_thirty_days() {
        let day = MS_PER_DAY;
        assert!(!retake_due(None, 100 * day), "never taken: nothing to retake");
        assert!(!retake_due(Some(71 * day), 100 * day));
        assert!(retake_due(Some(70 * day), 100 * day));
    }

    #[test]
    fn stored_checks_are_validated() {
        assert_eq!(check("a", 1, [0; 7]).validate(), Ok(()));
        assert!(SelfCheck { id: "a".into(), at: 1, answers: vec![1; 6] }.validate().is_err());
        assert!(check("a", 1, [5, 0, 0, 0, 0, 0, 0]).validate().is_err());
    }

    #[test]
    fn newest_first_orders_by_date() {
        let v = newest_first(&[check("a", 1, [0; 7]), check("c", 3, [0; 7]), check("b", 2, [0; 7])]);
        assert_eq!(v.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["c", "b", "a"]);
    }
}
