//! Small pieces of wording shared by several pages.

use crate::i18n::{k::words as w, t_count, Plural};

/// "1 entry", "3 entries".
pub fn plural(n: usize, what: Plural) -> String {
    t_count(what, n as i64)
}

/// What the person is told when stored values could not be read: how many, and
/// that nothing was lost.
pub fn kept_aside(n: usize) -> String {
    t_count(w::KEPT_ASIDE, n as i64)
}

/// What the person is told when items kept aside earlier could be read again.
pub fn restored(n: usize) -> String {
    t_count(w::RESTORED, n as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_and_many() {
        assert_eq!(plural(1, crate::i18n::k::count::ENTRIES), "1 entry");
        assert_eq!(plural(0, crate::i18n::k::count::ENTRIES), "0 entries");
        assert_eq!(plural(3, crate::i18n::k::count::STEPS), "3 steps");
    }

    #[test]
    fn the_kept_aside_sentence_agrees_with_its_count() {
        assert_eq!(kept_aside(1), "1 saved item could not be read. Nothing was deleted: it is kept aside, exactly as it was.");
        assert_eq!(kept_aside(3), "3 saved items could not be read. Nothing was deleted: they are kept aside, exactly as they were.");
        assert_eq!(restored(1), "1 saved item that could not be read before was read by this version of the app. It is back in place.");
        assert_eq!(restored(2), "2 saved items that could not be read before were read by this version of the app. They are back in place.");
    }
}
