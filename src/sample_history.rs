//! A generated ten-year history of daily use, for the capacity tests and for
//! `make bench` and the engines layer (`cargo run --example ten_years` writes
//! it as a backup file). Native only: none of it is in the app.
//!
//! Every day a journal entry of 1–2 KB of prose: sentences from the article
//! the app is built on (`tests/fixtures/article.txt`) and everyday ones, drawn
//! at random; one entry in five with a curly apostrophe and an emoji (as an
//! iPhone types), one in twenty in Japanese. Every week a self-check and three
//! small steps, logged. A secure-base moment a month, something that helped
//! every season, and a card every few years.

use crate::domain::backup::AnyRecord;
use crate::domain::card::Card;
use crate::domain::helped::{Helped, Source};
use crate::domain::moment::{Moment, Way};
use crate::domain::check::SelfCheck;
use crate::domain::journal::{Action, JournalEntry, Who, EMOTIONS};
use crate::domain::practice::{Outcome, PlannedStep};
use crate::domain::records::{encode, new_id, Record};
use crate::domain::time::MS_PER_DAY;

const ARTICLE: &str = include_str!("../tests/fixtures/article.txt");

const EVERYDAY: [&str; 16] = [
    "Sam asked how my day was and I said fine, which was not really true.",
    "I noticed the urge to leave the room as soon as the conversation got serious.",
    "We had dinner with her parents and I kept checking my phone.",
    "I texted Jo back after two days, and she was kind about it.",
    "Work was loud today, so I went for a long walk at lunch on my own.",
    "When he reached for my hand on the bus I let him hold it for a while.",
    "I wrote a message to my brother three times and deleted it each time.",
    "Tonight I told Priya that I was tired instead of saying nothing at all.",
    "The weekend plans felt like too much, and I said I might be busy.",
    "I stayed in the kitchen a little longer than I wanted to, and it was fine.",
    "My chest went tight when Mum asked about the move again.",
    "I tried the breathing thing before answering, and my voice stayed calm.",
    "It is strange how quickly I reach for being alone when I feel seen.",
    "Alex said they missed me, and I did not know what to do with that.",
    "I said thank you and meant it, even though part of me wanted to joke.",
    "Maybe next time I can say one true sentence before I back away.",
];

const JAPANESE: [&str; 12] = [
    "今日は彼に本当の気持ちを少しだけ話してみた。",
    "近づかれると、どうしても一人になりたくなる。",
    "夕食のあと、何も言わずに部屋に戻ってしまった。",
    "友だちからのメッセージに、二日後にやっと返事をした。",
    "話を聞いてもらえて、思ったより安心した。",
    "仕事が忙しくて、誰にも頼らずに全部やろうとした。",
    "母に引っ越しのことを聞かれて、胸が苦しくなった。",
    "手をつながれたとき、少しだけそのままでいられた。",
    "次は逃げる前に、一つだけ本当のことを言ってみたい。",
    "一人でいるほうが楽だと思っていたけれど、本当はさみしい。",
    "深呼吸してから答えたら、声が落ち着いていた。",
    "週末の予定が重く感じて、忙しいかもしれないと言った。",
];

const STEPS: [&str; 6] = [
    "Tell Priya one thing about my week that mattered",
    "Stay in the conversation five minutes longer than feels easy",
    "Ask Sam for help with the shopping instead of doing it alone",
    "Reply to Jo's message the same day",
    "Say out loud what I am feeling, even if it is only one word",
    "Sit with Mum after dinner instead of going straight upstairs",
];

/// Deterministic randomness (xorshift64), so every run writes the same history.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn sentences() -> Vec<String> {
    let mut all: Vec<String> = ARTICLE
        .split_inclusive(['.', '?', '!'])
        .map(|s| s.trim().trim_matches('"').trim().to_string())
        .filter(|s| s.len() > 20)
        .collect();
    all.extend(EVERYDAY.iter().map(|s| s.to_string()));
    all
}

/// Sentences drawn at random (none twice) until the text is `len` bytes or a
/// little over, cut back to `len` at a character boundary.
fn prose(dice: &mut Dice, pool: &[String], len: usize, joiner: &str) -> String {
    let mut text = String::new();
    let mut used = Vec::new();
    while text.len() < len {
        let i = dice.below(pool.len());
        if used.contains(&i) && used.len() < pool.len() {
            continue;
        }
        used.push(i);
        if !text.is_empty() {
            text.push_str(if dice.below(6) == 0 { "\n\n" } else { joiner });
        }
        text.push_str(&pool[i]);
    }
    let mut end = len;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

/// Ten years of daily use ending at `end_ms`, as the store lists records.
pub fn ten_years(end_ms: i64) -> Vec<AnyRecord> {
    const DAYS: i64 = 3650;
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    let english = sentences();
    let japanese: Vec<String> = JAPANESE.iter().map(|s| s.to_string()).collect();
    let start = end_ms - DAYS * MS_PER_DAY;
    let mut records = Vec::new();
    for day in 0..DAYS {
        let at = start + day * MS_PER_DAY + (dice.below(16 * 60) as i64 + 6 * 60) * 60_000;
        let len = 1000 + dice.below(1001);
        let mut text = match day % 20 == 7 {
            true => prose(&mut dice, &japanese, len, ""),
            false => prose(&mut dice, &english, len, " "),
        };
        if day % 5 == 2 {
            text = text.replace('\'', "’") + " 🌱";
        }
        let entry = JournalEntry {
            id: new_id(at, dice.next() as u32),
            at,
            created: at,
            updated: at + dice.below(3) as i64 * 3_600_000,
            prompt: (dice.below(3) == 0).then(|| "let-in".to_string()),
            text,
            who: vec![Who::ALL[dice.below(5)]],
            emotions: vec![EMOTIONS[dice.below(EMOTIONS.len())].to_string(), EMOTIONS[dice.below(EMOTIONS.len())].to_string()],
            own_words: ["tight", "flat and far away", "wanting to hide", ""][dice.below(4)].to_string(),
            urge: Some(dice.below(11) as u8),
            action: Some([Action::PulledAway, Action::Stayed, Action::ReachedOut, Action::NotSure][dice.below(4)]),
        };
        records.push(listed(&entry));
        if day % 7 == 0 {
            let check = SelfCheck { id: new_id(at + 1, dice.next() as u32), at: at + 1, answers: (0..7).map(|_| dice.below(5) as u8).collect() };
            records.push(listed(&check));
        }
        if matches!(day % 7, 1 | 3 | 5) {
            let logged = at + 2 * MS_PER_DAY;
            let note_len = 80 + dice.below(120);
            let step = PlannedStep {
                id: new_id(at + 2, dice.next() as u32),
                created: at + 2,
                updated: logged,
                library_id: None,
                text: STEPS[dice.below(STEPS.len())].to_string(),
                with_whom: ["Priya", "Sam", "Jo", "Mum"][dice.below(4)].to_string(),
                expected: dice.below(11) as u8,
                outcome: Some(Outcome { logged_at: logged, done: dice.below(3) > 0, actual: Some(dice.below(11) as u8), note: prose(&mut dice, &english, note_len, " ") }),
                when: None,
            };
            records.push(listed(&step));
        }
        // Between two people: a secure-base moment a month, something kept
        // that helped every season, and a card now and then.
        if day % 30 == 4 {
            let (before, after) = (dice.below(8) as u8, dice.below(11) as u8);
            let way = [Way::Memory, Way::Kindness, Way::Imagined][dice.below(3)];
            records.push(listed(&Moment { id: new_id(at + 3, dice.next() as u32), at: at + 3, updated: at + 3, way, before, after }));
        }
        if day % 90 == 10 {
            let len = 60 + dice.below(140);
            let text = prose(&mut dice, &english, len, " ");
            let order = day / 90;
            records.push(listed(&Helped { id: new_id(at + 4, dice.next() as u32), created: at + 4, updated: at + 4, text, source: Source::Typed, source_id: None, order }));
        }
        if day % 1200 == 20 {
            let answers = (0..5)
                .map(|_| {
                    let len = 40 + dice.below(120);
                    prose(&mut dice, &english, len, " ")
                })
                .collect();
            let for_whom = ["Priya", "Sam", "Jo", "Mum"][dice.below(4)].to_string();
            records.push(listed(&Card { id: new_id(at + 5, dice.next() as u32), created: at + 5, updated: at + 5, for_whom, answers }));
        }
    }
    records
}

fn listed<T: Record>(record: &T) -> AnyRecord {
    AnyRecord { kind: T::KIND.into(), id: record.id().into(), updated_at: record.updated_at(), value: encode(record) }
}
