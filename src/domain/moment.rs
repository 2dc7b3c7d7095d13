//! A secure-base moment: about two minutes of bringing to mind someone who was
//! there for you (or a moment of kindness, or a kind and steady presence
//! imagined), with "How safe does closeness feel right now?" asked before and
//! after, 0 to 10. Only a finished moment the person chose to keep is stored:
//! the way they went and the two ratings, never what they recalled.

use serde::{Deserialize, Serialize};

use super::records::Record;
use crate::i18n::{k::moment as m, Key};

/// Its kind in storage keys and backups.
pub const KIND: &str = "moment";

/// What the person brought to mind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Way {
    /// A time someone was there for them.
    Memory,
    /// For someone with no such memory: a moment of kindness from anyone.
    Kindness,
    /// Or a kind, steady presence, imagined.
    Imagined,
}

impl Way {
    pub const ALL: [Way; 3] = [Way::Memory, Way::Kindness, Way::Imagined];

    pub fn key(self) -> &'static str {
        match self {
            Way::Memory => "memory",
            Way::Kindness => "kindness",
            Way::Imagined => "imagined",
        }
    }

    pub fn from_key(key: &str) -> Option<Way> {
        Way::ALL.into_iter().find(|w| w.key() == key)
    }

    /// The gentle prompts, one screen each.
    pub fn prompts(self) -> [Key; 4] {
        let first = match self {
            Way::Memory => m::RECALL_MEMORY,
            Way::Kindness => m::RECALL_KINDNESS,
            Way::Imagined => m::RECALL_IMAGINED,
        };
        let (place, deed) = match self {
            Way::Imagined => (m::PLACE_IMAGINED, m::DEED_IMAGINED),
            _ => (m::PLACE, m::DEED),
        };
        [first, place, deed, m::BODY]
    }
}

/// The highest rating: "completely safe".
pub const MAX_RATING: u8 = 10;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Moment {
    pub id: String,
    /// When it was finished.
    pub at: i64,
    pub updated: i64,
    pub way: Way,
    /// "How safe does closeness feel right now?", 0–10, before and after.
    pub before: u8,
    pub after: u8,
}

impl Record for Moment {
    const KIND: &'static str = KIND;
    fn id(&self) -> &str {
        &self.id
    }
    fn updated_at(&self) -> i64 {
        self.updated
    }
    fn moments(&self) -> Vec<i64> {
        vec![self.at, self.updated]
    }
    fn validate(&self) -> Result<(), String> {
        match self.before <= MAX_RATING && self.after <= MAX_RATING {
            true => Ok(()),
            false => Err(crate::i18n::t(crate::i18n::k::backup::MOMENT_RATING).to_string()),
        }
    }
}

/// The moments oldest first, the latest `max` of them: what the chart shows.
pub fn latest(moments: &[Moment], max: usize) -> Vec<&Moment> {
    let mut all: Vec<&Moment> = moments.iter().collect();
    all.sort_by_key(|m| (m.at, m.id.clone()));
    let skip = all.len().saturating_sub(max);
    all.split_off(skip)
}

/// How the ratings moved across moments: (felt safer after, about the same, less safe).
pub fn changes(moments: &[Moment]) -> (usize, usize, usize) {
    moments.iter().fold((0, 0, 0), |(up, same, down), m| match m.after.cmp(&m.before) {
        std::cmp::Ordering::Greater => (up + 1, same, down),
        std::cmp::Ordering::Equal => (up, same + 1, down),
        std::cmp::Ordering::Less => (up, same, down + 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::{decode, encode};

    fn moment(id: &str, at: i64, before: u8, after: u8) -> Moment {
        Moment { id: id.into(), at, updated: at, way: Way::Memory, before, after }
    }

    #[test]
    fn ratings_above_ten_are_refused_and_good_ones_round_trip() {
        let good = moment("m1", 10, 3, 6);
        assert_eq!(decode::<Moment>(&encode(&good)), Ok(good.clone()));
        assert!(moment("m2", 10, 11, 6).validate().is_err());
        assert!(moment("m3", 10, 2, 11).validate().is_err());
        let mut odd = encode(&good);
        odd["way"] = serde_json::json!("hypnosis");
        assert!(decode::<Moment>(&odd).is_err());
    }

    #[test]
    fn the_chart_shows_the_latest_moments_oldest_first() {
        let all = [moment("c", 30, 1, 2), moment("a", 10, 1, 1), moment("b", 20, 5, 4)];
        let ids: Vec<&str> = latest(&all, 2).iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["b", "c"]);
        assert_eq!(latest(&all, 10).len(), 3);
    }

    #[test]
    fn changes_count_safer_same_and_less_safe() {
        let all = [moment("a", 1, 2, 5), moment("b", 2, 4, 4), moment("c", 3, 6, 3), moment("d", 4, 0, 1)];
        assert_eq!(changes(&all), (2, 1, 1));
        assert_eq!(changes(&[]), (0, 0, 0));
    }

    #[test]
    fn each_way_has_four_prompts_and_the_imagined_way_its_own() {
        for way in Way::ALL {
            assert_eq!(Way::from_key(way.key()), Some(way));
            assert_eq!(way.prompts()[3], m::BODY);
        }
        assert_ne!(Way::Imagined.prompts()[1], Way::Memory.prompts()[1]);
        assert_eq!(Way::from_key("other"), None);
    }
}
