//! Which language to speak: the person's setting when it names one the app has,
//! otherwise the first of the browser's languages the app has, otherwise English.

use super::{Language, LANGUAGES};

pub const ENGLISH: &str = "en";

/// The languages a person may choose, English first: each file beside
/// English, less the test-only ones (`hidden`), which only a setting reaches.
pub fn offered() -> impl Iterator<Item = &'static Language> {
    LANGUAGES.iter().filter(|l| !l.hidden)
}

fn known(code: &str) -> Option<&'static str> {
    if code.eq_ignore_ascii_case(ENGLISH) {
        return Some(ENGLISH);
    }
    LANGUAGES.iter().find(|l| l.code.eq_ignore_ascii_case(code)).map(|l| l.code)
}

/// The same language in another region or script: `de-AT` → `de`, `pt-PT` → `pt-BR`, `en-GB` → `en`.
fn same_language(tag: &str) -> Option<&'static str> {
    let primary = tag.split(['-', '_']).next()?;
    if primary.eq_ignore_ascii_case(ENGLISH) {
        return Some(ENGLISH);
    }
    offered().find(|l| l.code.split('-').next().is_some_and(|p| p.eq_ignore_ascii_case(primary))).map(|l| l.code)
}

/// The language to use: `setting` (the person's choice) wins when the app has
/// it; else the first of `browser` (`navigator.languages`, in order) the app
/// has, exactly or as the same language; else English.
pub fn choose<'a>(setting: Option<&str>, browser: impl IntoIterator<Item = &'a str>) -> &'static str {
    if let Some(code) = setting.and_then(known) {
        return code;
    }
    let browser: Vec<&str> = browser.into_iter().collect();
    for tag in &browser {
        if let Some(code) = known(tag).filter(|c| offered().any(|l| l.code == *c) || *c == ENGLISH) {
            return code;
        }
        if let Some(code) = same_language(tag) {
            return code;
        }
    }
    ENGLISH
}

/// Whether a language is written right to left.
pub fn is_rtl(code: &str) -> bool {
    LANGUAGES.iter().any(|l| l.code == code && l.rtl)
}
