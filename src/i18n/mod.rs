//! Every user-visible string goes through here. English is compiled in
//! (`locales/en.json`, by build.rs) and is the source of truth; another language
//! is a data file (`locales/<code>.json`, i18next JSON v4) that the browser
//! fetches only when it is in use and `set_catalog` installs. A string missing
//! from a language falls back to English. Plain Rust: the domain's exports and
//! the native tests use it too.
//!
//! `t(k::learn::TITLE)` is a fixed string; `t_with` fills `{{name}}`
//! placeholders; `t_count` picks the plural form for a number (`_one`,
//! `_other`…) by the language's plural rule, which the browser gives
//! (`Intl.PluralRules`; natively, English's).

use std::cell::RefCell;

/// One string of the app: its place in a language file and its English. A
/// value, not a reference: a reference to a constant becomes a static whose
/// pointer to the text keeps every string in the first load (wasm-split moves
/// data only with the code that uses it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// Its place in a language file (`scripts/locales.mjs`).
    pub index: u16,
    pub en: &'static str,
}

/// Writes the key's string in the language in use, so `format!` and `to_string` translate.
impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(translated(self.index as usize).unwrap_or(self.en))
    }
}

/// A string with a form per plural category: its forms' place in a language
/// file (from the first, `_few`), and English's two.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plural {
    /// The place of its first form (`_few`) in a language file.
    pub first: u16,
    pub one: &'static str,
    pub other: &'static str,
}

/// A language the app can speak besides English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    /// BCP 47, as the file is named: `de`, `pt-BR`.
    pub code: &'static str,
    /// The language's name for itself: "Deutsch".
    pub name: &'static str,
    /// Whether a native speaker has reviewed it; if not, it is offered as a preview.
    pub reviewed: bool,
    pub rtl: bool,
    /// A test-only pseudo-language: never offered, reached only through the setting.
    pub hidden: bool,
}

include!(concat!(env!("OUT_DIR"), "/i18n_generated.rs"));

mod choose;
pub use choose::{choose, is_rtl, offered, ENGLISH};

/// CLDR plural categories, in the order of a `Plural`'s six keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Few,
    Many,
    One,
    Other,
    Two,
    Zero,
}

impl Category {
    pub fn from_cldr(name: &str) -> Category {
        match name {
            "few" => Category::Few,
            "many" => Category::Many,
            "one" => Category::One,
            "two" => Category::Two,
            "zero" => Category::Zero,
            _ => Category::Other,
        }
    }
}

/// A language's strings, in key order (`None`: not translated, English is used).
pub struct Catalog {
    pub code: String,
    pub texts: Vec<Option<String>>,
    /// The plural category of a number in this language.
    pub plural: Box<dyn Fn(f64) -> Category>,
    /// A number written as this language writes it, with this many decimals.
    pub number: Box<dyn Fn(f64, u32) -> String>,
}

/// Why a compiled language file was not used.
#[derive(Debug, PartialEq, Eq)]
pub enum CatalogError {
    Unreadable,
    /// Built for another set of keys (an older or newer build).
    OtherKeys,
}

impl Catalog {
    /// Reads a language file as `scripts/locales.mjs` compiles it:
    /// `{"keys": KEYS_HASH, "texts": [string or null, …]}`.
    pub fn from_compiled(code: &str, json: &str) -> Result<Catalog, CatalogError> {
        #[derive(serde::Deserialize)]
        struct Compiled {
            keys: u32,
            texts: Vec<Option<String>>,
        }
        let compiled: Compiled = serde_json::from_str(json).map_err(|_| CatalogError::Unreadable)?;
        if compiled.keys != KEYS_HASH || compiled.texts.len() != KEY_COUNT {
            return Err(CatalogError::OtherKeys);
        }
        Ok(Catalog { code: code.to_string(), texts: compiled.texts, plural: Box::new(english_plural), number: Box::new(english_number) })
    }
}

fn english_number(n: f64, decimals: u32) -> String {
    format!("{n:.*}", decimals as usize)
}

/// `scaled` / 10^`decimals`, written as the language in use writes numbers: 45, 1 → "4.5" (German "4,5").
pub fn decimal(scaled: i64, decimals: u32) -> String {
    let n = scaled as f64 / 10f64.powi(decimals as i32);
    ACTIVE.with(|a| match *a.borrow() {
        Some(c) => (c.number)(n, decimals),
        None => english_number(n, decimals),
    })
}

fn english_plural(n: f64) -> Category {
    if n == 1.0 {
        Category::One
    } else {
        Category::Other
    }
}

thread_local! {
    /// The language in use; English when `None`. Leaked once per language
    /// chosen, so its strings live as long as the page.
    static ACTIVE: RefCell<Option<&'static Catalog>> = const { RefCell::new(None) };
}

/// Puts a language in use (`None`: English).
pub fn set_catalog(catalog: Option<Catalog>) {
    let catalog = catalog.map(|c| &*Box::leak(Box::new(c)));
    ACTIVE.with(|active| *active.borrow_mut() = catalog);
}

/// The code of the language in use: "en" unless another was installed.
pub fn language() -> String {
    ACTIVE.with(|a| a.borrow().map_or_else(|| "en".to_string(), |c| c.code.clone()))
}

// Not inlined: a string is read in hundreds of places, and each copy of the
// lookup would grow the wasm (most of all the first load).
#[inline(never)]
fn translated(index: usize) -> Option<&'static str> {
    ACTIVE.with(|a| a.borrow().and_then(|c| c.texts.get(index).and_then(|t| t.as_deref()))).filter(|t| !t.is_empty())
}

/// The string for `key` in the language in use.
#[inline(never)]
pub fn t(key: Key) -> &'static str {
    translated(key.index as usize).unwrap_or(key.en)
}

/// The string for `key` with each `{{name}}` replaced by its value.
#[inline(never)]
pub fn t_with(key: Key, values: &[(&str, &str)]) -> String {
    fill(t(key), values)
}

/// The form of `plural` for `count`, with `{{count}}` written as the language writes numbers.
#[inline(never)]
pub fn t_count(plural: Plural, count: i64) -> String {
    t_count_with(plural, count, &[])
}

/// `t_count` with other placeholders too.
pub fn t_count_with(plural: Plural, count: i64, values: &[(&str, &str)]) -> String {
    let (category, number) = ACTIVE.with(|a| match *a.borrow() {
        Some(c) => ((c.plural)(count as f64), (c.number)(count as f64, 0)),
        None => (english_plural(count as f64), count.to_string()),
    });
    let form = |c: Category| plural.first as usize + c as usize;
    let other = form(Category::Other);
    let translated = ACTIVE.with(|a| {
        a.borrow().and_then(|c| {
            let get = |i: usize| c.texts.get(i).and_then(|t| t.as_deref()).filter(|t| !t.is_empty());
            get(form(category)).or_else(|| get(other))
        })
    });
    let template = translated.unwrap_or(if english_plural(count as f64) == Category::One { plural.one } else { plural.other });
    let mut values = values.to_vec();
    values.push(("count", &number));
    fill(template, &values)
}

/// Where "{{" (or "}}") first occurs. A byte scan: str's pattern search
/// would add about a kilobyte to the first load for this one use.
fn pair_at(text: &str, brace: u8) -> Option<usize> {
    text.as_bytes().windows(2).position(|w| w[0] == brace && w[1] == brace)
}

fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = pair_at(rest, b'{') {
        let Some(len) = pair_at(&rest[start..], b'}') else { break };
        let name = rest[start + 2..start + len].trim();
        out.push_str(&rest[..start]);
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[start..start + len + 2]),
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
