//! Journal entries: the moments a person pulls away, and what was underneath.

use serde::{Deserialize, Serialize};

use super::records::{is_valid_id, Record};

/// A prompt to start writing from. The first three are the article's own words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub id: &'static str,
    pub text: &'static str,
}

pub const PROMPTS: [Prompt; 6] = [
    Prompt { id: "withdraw", text: "What situations make me withdraw?" },
    Prompt { id: "shut-out", text: "When do I feel the urge to shut people out?" },
    Prompt { id: "support", text: "What emotions come up when someone tries to support me?" },
    Prompt { id: "safe", text: "When did closeness feel safe, even for a moment?" },
    Prompt { id: "unsaid", text: "What did I want to say, but kept to myself?" },
    Prompt { id: "let-in", text: "Who did I let in a little, and how did it go?" },
];

pub fn prompt(id: &str) -> Option<&'static Prompt> {
    PROMPTS.iter().find(|p| p.id == id)
}

/// The built-in emotion chips. People can add their own words too.
pub const EMOTIONS: [&str; 14] = [
    "anxious", "overwhelmed", "irritated", "trapped", "numb", "ashamed", "sad", "lonely",
    "afraid", "relieved", "calm", "grateful", "hopeful", "tender",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Who {
    Partner,
    Friend,
    Family,
    Work,
    Other,
}

impl Who {
    pub const ALL: [Who; 5] = [Who::Partner, Who::Friend, Who::Family, Who::Work, Who::Other];
    pub fn label(self) -> &'static str {
        match self {
            Who::Partner => "Partner",
            Who::Friend => "Friend",
            Who::Family => "Family",
            Who::Work => "Work",
            Who::Other => "Other",
        }
    }
}

/// What the person did in the moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    PulledAway,
    Stayed,
    ReachedOut,
    NotSure,
}

impl Action {
    pub const ALL: [Action; 4] = [Action::PulledAway, Action::Stayed, Action::ReachedOut, Action::NotSure];
    pub fn label(self) -> &'static str {
        match self {
            Action::PulledAway => "Pulled away",
            Action::Stayed => "Stayed",
            Action::ReachedOut => "Reached out",
            Action::NotSure => "Not sure",
        }
    }
}

/// One journal entry. Only `text` is required; everything else helps patterns show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    pub id: String,
    /// When it happened (ms). Defaults to now; can be back-dated.
    pub at: i64,
    pub created: i64,
    pub updated: i64,
    /// The id of the prompt it was written from, if any.
    #[serde(default)]
    pub prompt: Option<String>,
    pub text: String,
    #[serde(default)]
    pub who: Vec<Who>,
    /// Chosen from `EMOTIONS`.
    #[serde(default)]
    pub emotions: Vec<String>,
    /// The person's own words for what they felt.
    #[serde(default)]
    pub own_words: String,
    /// Urge to withdraw, 0–10.
    #[serde(default)]
    pub urge: Option<u8>,
    #[serde(default)]
    pub action: Option<Action>,
}

impl Record for JournalEntry {
    const KIND: &'static str = "journal";
    fn id(&self) -> &str {
        &self.id
    }
    fn updated_at(&self) -> i64 {
        self.updated
    }
    fn validate(&self) -> Result<(), String> {
        if !is_valid_id(&self.id) {
            return Err("the id is not valid".into());
        }
        if self.text.trim().is_empty() {
            return Err("an entry needs some text".into());
        }
        if self.urge.is_some_and(|u| u > 10) {
            return Err("the urge to withdraw goes from 0 to 10".into());
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn entry(id: &str, text: &str) -> JournalEntry {
        JournalEntry {
            id: id.into(),
            at: 1_763_900_000_000,
            created: 1_763_900_000_000,
            updated: 1_763_900_000_000,
            prompt: Some("withdraw".into()),
            text: text.into(),
            who: vec![Who::Partner],
            emotions: vec!["anxious".into()],
            own_words: String::new(),
            urge: Some(7),
            action: Some(Action::PulledAway),
        }
    }

    #[test]
    fn the_articles_three_prompts_are_word_for_word() {
        assert_eq!(prompt("withdraw").unwrap().text, "What situations make me withdraw?");
        assert_eq!(prompt("shut-out").unwrap().text, "When do I feel the urge to shut people out?");
        assert_eq!(prompt("support").unwrap().text, "What emotions come up when someone tries to support me?");
    }

    #[test]
    fn only_text_is_required() {
        let mut e = entry("x", "something");
        e.prompt = None;
        e.who.clear();
        e.emotions.clear();
        e.urge = None;
        e.action = None;
        assert_eq!(e.validate(), Ok(()));
        e.text = " \n".into();
        assert!(e.validate().is_err());
    }

    #[test]
    fn urge_is_zero_to_ten() {
        let mut e = entry("x", "t");
        e.urge = Some(10);
        assert!(e.validate().is_ok());
        e.urge = Some(11);
        assert!(e.validate().is_err());
    }

    #[test]
    fn older_entries_without_optional_fields_still_read() {
        let json = r#"{"id":"a","at":1,"created":1,"updated":1,"text":"hi"}"#;
        let e: JournalEntry = serde_json::from_str(json).unwrap();
        assert_eq!(e.who, vec![]);
        assert_eq!(e.urge, None);
    }
}
