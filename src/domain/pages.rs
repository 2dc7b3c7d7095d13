//! The app's public URLs and how each page is named. The shell's navigation, the
//! `<title>`s and the end-to-end tests all read this one table.

use crate::i18n::{k::pages as p, t, t_with, Key};

/// One page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// The route, relative to wherever the app is hosted.
    pub path: &'static str,
    /// The page's `<h1>` and `<title>`.
    pub title: Key,
    /// The short label used in the navigation.
    pub nav_label: Key,
    /// Its icon in the navigation (`ui::Icon`).
    pub icon: &'static str,
    /// Whether the page sits in the main tab bar (the rest live in the header).
    pub in_tab_bar: bool,
}

pub const APP_NAME: &str = "Leaning In";

pub const PAGES: [Page; 9] = [
    Page { path: "/", title: p::HOME, nav_label: p::HOME, icon: "home", in_tab_bar: true },
    Page { path: "/check", title: p::CHECK, nav_label: p::NAV_CHECK, icon: "check", in_tab_bar: true },
    Page { path: "/journal", title: p::JOURNAL, nav_label: p::JOURNAL, icon: "journal", in_tab_bar: true },
    Page { path: "/reframe", title: p::REFRAME, nav_label: p::REFRAME, icon: "reframe", in_tab_bar: true },
    Page { path: "/practice", title: p::PRACTICE, nav_label: p::NAV_PRACTICE, icon: "steps", in_tab_bar: true },
    Page { path: "/learn", title: p::LEARN, nav_label: p::NAV_LEARN, icon: "learn", in_tab_bar: true },
    Page { path: "/data", title: p::DATA, nav_label: p::DATA, icon: "data", in_tab_bar: false },
    // Reached from Learn and support, Your data and the journal's patterns.
    Page { path: "/summary", title: p::SUMMARY, nav_label: p::NAV_SUMMARY, icon: "summary", in_tab_bar: false },
    // Reached from Home's tools, Small steps, Learn and the reframe.
    Page { path: "/together", title: p::TOGETHER, nav_label: p::TOGETHER, icon: "learn", in_tab_bar: false },
];

/// The page a route belongs to, ignoring a trailing slash. `None` is "not found".
pub fn page_for(path: &str) -> Option<&'static Page> {
    let trimmed = path.trim_end_matches('/');
    let path = if trimmed.is_empty() { "/" } else { trimmed };
    PAGES.iter().find(|p| p.path == path)
}

/// The document title for a page: "Journal · Leaning In", or just the app name on Home.
pub fn document_title(page_title: &str) -> String {
    if page_title.is_empty() || page_title == t(p::HOME) {
        APP_NAME.to_string()
    } else {
        t_with(p::TITLE_IN_APP, &[("page", page_title), ("app", APP_NAME)])
    }
}

/// Joins the hosting base ("" or "/sub/path") and an app route ("/journal").
pub fn with_base(base: &str, route: &str) -> String {
    let base = base.trim_end_matches('/');
    if route == "/" {
        format!("{base}/")
    } else {
        format!("{base}{route}")
    }
}

/// The app route of a browser path under the hosting base ("" or "/sub/path"):
/// "/sub/path/journal" is "/journal". `None` when the path is outside the base.
pub fn route_in(base: &str, pathname: &str) -> Option<String> {
    let base = base.trim_end_matches('/');
    let rest = pathname.strip_prefix(base)?;
    match rest {
        "" => Some("/".into()),
        _ if rest.starts_with('/') => Some(rest.into()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_found_with_or_without_a_trailing_slash() {
        for page in PAGES {
            assert_eq!(page_for(page.path), Some(&page));
            assert_eq!(page_for(&format!("{}/", page.path)).map(|p| p.path), Some(page.path));
        }
        assert_eq!(page_for("/nope"), None);
        assert_eq!(page_for(""), Some(&PAGES[0]));
    }

    #[test]
    fn routes_are_unique() {
        for (i, a) in PAGES.iter().enumerate() {
            for b in &PAGES[i + 1..] {
                assert_ne!(a.path, b.path);
                assert_ne!(a.nav_label, b.nav_label);
            }
        }
    }

    #[test]
    fn titles_name_the_page_then_the_app() {
        assert_eq!(document_title("Journal"), "Journal · Leaning In");
        assert_eq!(document_title("Home"), "Leaning In");
    }

    #[test]
    fn base_paths_join_without_double_slashes() {
        assert_eq!(with_base("", "/"), "/");
        assert_eq!(with_base("", "/check"), "/check");
        assert_eq!(with_base("/sub/path", "/check"), "/sub/path/check");
        assert_eq!(with_base("/sub/path/", "/"), "/sub/path/");
    }

    #[test]
    fn a_path_is_a_route_only_under_the_base() {
        assert_eq!(route_in("", "/journal").as_deref(), Some("/journal"));
        assert_eq!(route_in("", "/").as_deref(), Some("/"));
        assert_eq!(route_in("/sub/path", "/sub/path/journal").as_deref(), Some("/journal"));
        assert_eq!(route_in("/sub/path", "/sub/path").as_deref(), Some("/"));
        assert_eq!(route_in("/sub/path/", "/sub/path/").as_deref(), Some("/"));
        assert_eq!(route_in("/sub/path", "/sub/pathway/journal"), None);
        assert_eq!(route_in("/sub/path", "/elsewhere"), None);
        for page in PAGES {
            assert_eq!(route_in("/b", &with_base("/b", page.path)).as_deref(), Some(page.path));
        }
    }
}
