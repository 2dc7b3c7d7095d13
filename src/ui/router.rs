//! The app's own small router: seven fixed pages need only the current path and
//! query as signals, link clicks turned into `history.pushState`, and Back and
//! Forward. `leptos_router` did this too, but it was about 13 KB gzip of every
//! first load (issue 11).
//!
//! Route rules (base paths, which page a path is) are plain Rust in
//! `domain::pages`; this is only the browser side.

use std::cell::OnceCell;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::pages;

/// The current route (without the hosting base) and query string.
/// Reference-counted signals, so no component's lifetime ends them.
#[derive(Clone)]
struct Location {
    path: ArcRwSignal<String>,
    search: ArcRwSignal<String>,
}

thread_local! {
    static LOCATION: OnceCell<Location> = const { OnceCell::new() };
}

fn location() -> Location {
    LOCATION.with(|cell| {
        cell.get_or_init(|| {
            let (path, search) = read_address();
            Location { path: ArcRwSignal::new(path), search: ArcRwSignal::new(search) }
        })
        .clone()
    })
}

/// The route and query of the address bar, e.g. ("/journal", "?entry=x").
fn read_address() -> (String, String) {
    let l = window().location();
    let pathname = l.pathname().unwrap_or_default();
    let path = pages::route_in(&super::base_path(), &pathname).unwrap_or(pathname);
    (path, l.search().unwrap_or_default())
}

fn sync_from_address() {
    let (path, search) = read_address();
    let loc = location();
    // Set only on change, so a page reading the query does not re-render for nothing.
    if loc.path.get_untracked() != path {
        loc.path.set(path);
    }
    if loc.search.get_untracked() != search {
        loc.search.set(search);
    }
}

/// Starts listening for link clicks and for Back and Forward. Called once, by the shell.
pub fn start() {
    location();
    std::mem::forget(window_event_listener(ev::popstate, |_| sync_from_address()));
    std::mem::forget(window_event_listener(ev::click, on_click));
}

/// The current route, such as "/journal".
pub fn use_path() -> Memo<String> {
    let path = location().path;
    Memo::new(move |_| path.get())
}

/// The current query, re-read only when the query string changes.
pub fn use_query() -> Memo<Query> {
    let search = location().search;
    Memo::new(move |_| Query::parse(&search.get()))
}

/// Goes to an app route such as "/journal?entry=x" (the base is added here).
pub fn navigate(route: &str) {
    let url = pages::with_base(&super::base_path(), route);
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    sync_from_address();
    if !route.contains('#') {
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// A query string's parameters, decoded by the browser's `URLSearchParams`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query(Vec<(String, String)>);

impl Query {
    fn parse(search: &str) -> Self {
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(search) else { return Self::default() };
        let entries = js_sys::try_iter(&params).ok().flatten().into_iter().flatten();
        Self(
            entries
                .filter_map(|pair| {
                    let pair: js_sys::Array = pair.ok()?.dyn_into().ok()?;
                    Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
                })
                .collect(),
        )
    }

    /// The first value of `key`; `Some("")` for a bare `?new`.
    pub fn get(&self, key: &str) -> Option<String> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }
}

/// A click on an in-app link becomes a client-side navigation. Anything else
/// (new tab, modified click, download, another origin or base) is the browser's.
fn on_click(ev: web_sys::MouseEvent) {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.alt_key() || ev.ctrl_key() || ev.shift_key() {
        return;
    }
    let Some(a) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    if !a.target().is_empty() || a.has_attribute("download") || a.rel().split_whitespace().any(|r| r == "external") {
        return;
    }
    // "#main" would resolve against <base href> to another page: it means here.
    if let Some(id) = a.get_attribute("href").and_then(|h| h.strip_prefix('#').map(str::to_string)) {
        ev.prevent_default();
        focus_by_id(&id);
        return;
    }
    let Ok(url) = web_sys::Url::new(&a.href()) else { return };
    let Some(route) = pages::route_in(&super::base_path(), &url.pathname()) else { return };
    if url.origin() != window().location().origin().unwrap_or_default() {
        return;
    }
    ev.prevent_default();
    navigate(&format!("{route}{}{}", url.search(), url.hash()));
}

/// Moves focus (and so the view) to the element with `id`, making it focusable
/// if it is not already. Returns whether it exists.
pub fn focus_by_id(id: &str) -> bool {
    let Some(el) = document().get_element_by_id(id).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    let _ = el.focus();
    el.scroll_into_view();
    true
}

/// A navigation link that says which page is open (`aria-current="page"`):
/// on exactly its route, or for `exact=false` anywhere beneath it too.
#[component]
pub fn NavLink(
    route: &'static str,
    #[prop(optional)] exact: bool,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let path = use_path();
    let current = move || {
        let path = path.get();
        let open = pages::page_for(&path).map(|p| p.path);
        let here = open == Some(route) || (!exact && path.starts_with(&format!("{}/", route.trim_end_matches('/'))));
        here.then_some("page")
    };
    view! {
        <a href=super::link(route) class=(!class.is_empty()).then_some(class) aria-current=current>
            {children()}
        </a>
    }
}
