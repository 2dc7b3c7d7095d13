//! Shared UI pieces used by every feature: links that respect the hosting base,
//! page headings, and the navigation.

pub mod browser;
pub mod chart;
pub mod conflict;
pub mod draft;
pub mod fields;
pub mod language;
mod icon;
pub mod router;
pub mod toast;

use leptos::prelude::*;

use crate::domain::pages::{self, PAGES};
use crate::i18n::{k::nav as n, t};
use icon::Icon;

/// Where the app is hosted, without a trailing slash: "" at the root, "/sub/path"
/// under a sub-path. Read from the `<base href>` Trunk writes from `--public-url`.
pub fn base_path() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let path = web_sys::Url::new(&base).map(|u| u.pathname()).unwrap_or_default();
    path.trim_end_matches('/').to_string()
}

/// An in-app URL for a route such as "/journal": every internal `href` goes
/// through here. (`router::navigate` adds the base itself, so it takes the bare route.)
pub fn link(route: &str) -> String {
    pages::with_base(&base_path(), route)
}

/// The page's `<title>` and its single `<h1>`. The heading takes focus after
/// client-side navigation so screen readers announce the new page.
#[component]
pub fn PageHeading(title: &'static str, #[prop(optional)] lead: Option<&'static str>) -> impl IntoView {
    document().set_title(&pages::document_title(title));
    view! {
        <header class="page-head">
            <h1 tabindex="-1">{title}</h1>
            {lead.map(|lead| view! { <p class="lead">{lead}</p> })}
        </header>
    }
}

/// Wraps what shows the person's data or depends on it (`display: contents`, so
/// it changes no layout). Each route's first screen (`scripts/prerender.mjs`)
/// shows it as a first visit sees it, and for anyone with something stored a
/// quiet placeholder instead: never a "nothing here yet" that may be false.
#[component]
pub fn FromStore(children: Children) -> impl IntoView {
    view! { <div class="from-store">{children()}</div> }
}

/// Moves keyboard focus to the element with this id, once it is drawn.
pub fn focus_id(id: &str) {
    let id = id.to_string();
    request_animation_frame(move || {
        let el = document().get_element_by_id(&id).and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
}

/// After a step changes, moves keyboard focus to the first element matching any of
/// `selectors` (tried in order), so typing or arrow keys work at once and screen
/// readers announce the new question.
pub fn focus_first(selectors: &'static [&'static str]) {
    request_animation_frame(move || {
        let doc = document();
        let el = selectors
            .iter()
            .find_map(|sel| doc.query_selector(sel).ok().flatten())
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
}

/// What a page shows when the record it was opened for is gone (deleted, perhaps
/// in another tab).
#[component]
pub fn GoneCard(title: &'static str, text: &'static str, back: &'static str, back_label: &'static str) -> impl IntoView {
    view! {
        <PageHeading title=title/>
        <p class="card">{text}</p>
        <a class="button secondary" href=link(back)>{back_label}</a>
    }
}

/// The app's navigation: a bottom tab bar on phones, a side bar on wider screens.
/// `NavLink` marks the current page with `aria-current="page"`. The shell says
/// whether the lock is on and hands over what "Lock now" does.
#[component]
pub fn Navigation(lock_on: RwSignal<bool>, lock_now: fn()) -> impl IntoView {
    let tabs = PAGES.iter().filter(|p| p.in_tab_bar).map(|page| {
        view! {
            <li>
                <router::NavLink route=page.path exact=true>
                    <Icon name=page.icon/>
                    <span class="label">{t(page.nav_label)}</span>
                </router::NavLink>
            </li>
        }
    });
    view! {
        <div class="sidebar">
        <div class="brand-bar">
            <router::NavLink route="/" exact=true class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                <span translate="no">{pages::APP_NAME}</span>
            </router::NavLink>
            <ul class="utility" aria-label=t(n::MORE)>
                <li><router::NavLink route="/data" class="utility-link">{t(n::DATA)}</router::NavLink></li>
                <li><a class="utility-link support-link" href=link("/learn#support")>{t(n::SUPPORT)}</a></li>
                <Show when=move || lock_on.get()>
                    <li>
                        <button type="button" class="utility-link lock-now" aria-label=t(n::LOCK_NOW) on:click=move |_| lock_now()>
                            <Icon name="lock"/>
                            <span class="label">{t(n::LOCK_NOW)}</span>
                        </button>
                    </li>
                </Show>
            </ul>
        </div>
        <nav class="tabs" aria-label=t(n::MAIN)>
            <ul>{tabs.collect_view()}</ul>
        </nav>
        </div>
    }
}
