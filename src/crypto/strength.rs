//! An honest hint about a passphrase's strength.

/// An honest hint about a passphrase's strength, from its length and variety.
/// Long phrases of ordinary words score well; it is a hint, not a promise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    TooShort,
    Weak,
    Fair,
    Strong,
}

pub const MIN_PASSPHRASE_CHARS: usize = 8;

pub fn strength(passphrase: &str) -> Strength {
    let chars = passphrase.chars().count();
    if chars < MIN_PASSPHRASE_CHARS {
        return Strength::TooShort;
    }
    let words = passphrase.split_whitespace().filter(|w| w.chars().count() >= 3).count();
    let classes = [
        passphrase.chars().any(|c| c.is_lowercase()),
        passphrase.chars().any(|c| c.is_uppercase()),
        passphrase.chars().any(|c| c.is_numeric()),
        passphrase.chars().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|b| **b)
    .count();
    let mut distinct: Vec<char> = passphrase.to_lowercase().chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 5 {
        Strength::Weak
    } else if (words >= 4 && chars >= 20) || (chars >= 16 && classes >= 3) {
        Strength::Strong
    } else if words >= 3 || chars >= 12 {
        Strength::Fair
    } else {
        Strength::Weak
    }
}
