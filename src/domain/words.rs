//! Small pieces of wording shared by several pages.

/// "1 entry", "3 entries".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What the person is told when stored values could not be read: how many, and
/// that nothing was lost.
pub fn kept_aside(n: usize) -> String {
    let (they_are, they_were) = if n == 1 { ("it is", "it was") } else { ("they are", "they were") };
    format!(
        "{} could not be read. Nothing was deleted: {they_are} kept aside, exactly as {they_were}.",
        plural(n, "saved item", "saved items")
    )
}

/// What the person is told when items kept aside earlier could be read again.
pub fn restored(n: usize) -> String {
    let (it, was) = if n == 1 { ("It is", "was") } else { ("They are", "were") };
    format!("{} that could not be read before {was} read by this version of the app. {it} back in place.", plural(n, "saved item", "saved items"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_and_many() {
        assert_eq!(plural(1, "entry", "entries"), "1 entry");
        assert_eq!(plural(0, "entry", "entries"), "0 entries");
        assert_eq!(plural(3, "step", "steps"), "3 steps");
    }

    #[test]
    fn the_kept_aside_sentence_agrees_with_its_count() {
        assert_eq!(kept_aside(1), "1 saved item could not be read. Nothing was deleted: it is kept aside, exactly as it was.");
        assert_eq!(kept_aside(3), "3 saved items could not be read. Nothing was deleted: they are kept aside, exactly as they were.");
        assert_eq!(restored(1), "1 saved item that could not be read before was read by this version of the app. It is back in place.");
        assert_eq!(restored(2), "2 saved items that could not be read before were read by this version of the app. They are back in place.");
    }
}
