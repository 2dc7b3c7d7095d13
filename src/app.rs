//! The app shell: mounting, routes, and what every page shares.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::pages;
use crate::i18n::{k::app as a, t};
use crate::lazy_pages;
use crate::lock::Unlocked;
use crate::db::{use_db, Db};
use crate::lock::session;
use crate::ui::{self, router, Navigation, PageHeading};

/// Mounts the app beside the first screen its HTML carries (`scripts/prerender.mjs`
/// wrote each route's), hidden, and swaps the two once the live page is drawn.
pub fn start() {
    console_error_panic_hook::set_once();
    // The wasm's start, the mount (store and shell) and the page's first render
    // each run as a task of their own, so that no one task holds up a tap for
    // long (Lighthouse's Total Blocking Time). The first screen shows meanwhile.
    // In another language, its strings are installed before anything is drawn,
    // so English never flashes (boot.js keeps the English first screen hidden).
    // (Leptos's executor starts with the mount: before it, wasm-bindgen's.)
    wasm_bindgen_futures::spawn_local(async {
        ui::language::install(ui::language::chosen_at_boot()).await;
        set_timeout(mount, std::time::Duration::ZERO);
    });
}

fn mount() {
    let doc = document();
    let live = doc.create_element("div").expect("a div").unchecked_into::<web_sys::HtmlElement>();
    match doc.get_element_by_id("app") {
        Some(first) => {
            // The first screen keeps no ids: while both are in the page, every
            // look-up by id must find the live app's element.
            let named = first.query_selector_all("[id]").expect("a valid selector");
            for i in 0..named.length() {
                if let Some(el) = named.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    let _ = el.remove_attribute("id");
                }
            }
            live.set_hidden(true);
            let _ = first.after_with_node_1(&live);
            take_over(first, live.clone(), TAKE_OVER_FRAMES);
        }
        None => {
            live.set_id("app");
            let _ = doc.body().expect("the page has a body").append_child(&live);
        }
    }
    mount_app(live);
}

thread_local! {
    /// Unmounts the live app (see `remount`).
    static UNMOUNT: std::cell::RefCell<Option<Box<dyn FnOnce() -> web_sys::HtmlElement>>> = const { std::cell::RefCell::new(None) };
}

fn mount_app(live: web_sys::HtmlElement) {
    let handle = leptos::mount::mount_to(live.clone(), App);
    UNMOUNT.with(|u| *u.borrow_mut() = Some(Box::new(move || {
        drop(handle);
        live
    })));
}

/// Installs `code` and draws the app again in it, keeping the person at the
/// language picker.
fn relanguage(code: &'static str) {
    wasm_bindgen_futures::spawn_local(async move {
        ui::language::install(code).await;
        remount();
        set_timeout(
            || {
                if let Some(el) = document().get_element_by_id("language").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = el.focus();
                }
            },
            std::time::Duration::from_millis(50),
        );
    });
}

/// Draws the whole app again (a new language): the same mount, so it costs the
/// first load nothing. Open forms keep their words: each writes its draft as it
/// goes, and reads it back when drawn.
pub fn remount() {
    if let Some(unmount) = UNMOUNT.with(|u| u.borrow_mut().take()) {
        mount_app(unmount());
    }
}

/// About five seconds of frames: a page whose chunk is that slow is shown
/// as it is, with its own "opening" state.
const TAKE_OVER_FRAMES: u32 = 300;

/// What shows that the live app has drawn the page the first screen stands
/// for: a page's heading (the unlock screen's included).
const DRAWN: &str = "main h1";

/// Replaces the first screen with the live app in one step, once the live app
/// has drawn the same page: the same markup, so nothing flashes or moves.
fn take_over(first: web_sys::Element, live: web_sys::HtmlElement, frames_left: u32) {
    request_animation_frame(move || {
        let drawn = live.query_selector(DRAWN).ok().flatten().is_some();
        if !drawn && frames_left > 0 {
            return take_over(first, live, frames_left - 1);
        }
        first.remove();
        live.set_id("app");
        live.set_hidden(false);
        // Focus asked for while hidden (the passphrase field) is given now.
        if let Some(field) = live.query_selector("#unlock-passphrase").ok().flatten().and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = field.focus();
        }
    });
}

/// With the lock on, only the unlock screen until the key is held; nothing of
/// the person's data is read before that.
#[component]
pub fn App() -> impl IntoView {
    let unlocked = RwSignal::new(session::may_open());
    provide_context(Unlocked(unlocked));
    move || {
        if unlocked.get() {
            view! { <Opened/> }.into_any()
        } else {
            lazy_pages::unlock().into_any()
        }
    }
}

#[component]
fn Opened() -> impl IntoView {
    let db = Db::open();
    if crate::db::needs_settling() {
        lazy_pages::settle_store();
    }
    provide_context(db);
    provide_context(ui::toast::Toasts::new());
    router::start();
    provide_context(ui::language::Redraw(relanguage));
    view! {
        <NextTask>
            <Shell/>
        </NextTask>
    }
}

/// Skip link, navigation, and the open page.
#[component]
pub fn Shell() -> impl IntoView {
    focus_heading_after_navigation();
    let db = use_db();
    view! {
        <a class="skip-link" href="#main">{t(a::SKIP_CONTENT)}</a>
        <div class="shell">
            <NextTask>
                <Navigation lock_on=db.lock_on lock_now=session::lock_now/>
            </NextTask>
            <main id="main" tabindex="-1">
                <StorageNotice/>
                <OpenPage/>
            </main>
        </div>
        <ui::toast::ToastRegion/>
    }
}

/// The page for the current route; it is built again only when the page changes,
/// not when the query does (pages read the query themselves).
#[component]
fn OpenPage() -> impl IntoView {
    let path = router::use_path();
    let page = Memo::new(move |_| pages::page_for(&path.get()).map(|p| p.path));
    let shell_drawn = next_task();
    move || {
        // The first page is built in a task after the shell's (see `start`).
        if !shell_drawn.get() {
            return ().into_any();
        }
        match page.get() {
            Some("/") => view! { <crate::home::HomePage/> }.into_any(),
            Some("/check") => lazy_pages::check().into_any(),
            Some("/journal") => lazy_pages::journal().into_any(),
            Some("/reframe") => lazy_pages::reframe().into_any(),
            Some("/practice") => lazy_pages::practice().into_any(),
            Some("/learn") => lazy_pages::learn().into_any(),
            Some("/data") => lazy_pages::data().into_any(),
            Some("/summary") => lazy_pages::summary().into_any(),
            Some("/together") => lazy_pages::together().into_any(),
            _ => view! { <NotFound/> }.into_any(),
        }
    }
}

/// True from the next task on: what waits for it is built in a task of its own.
fn next_task() -> RwSignal<bool> {
    let ready = RwSignal::new(false);
    set_timeout(move || ready.set(true), std::time::Duration::ZERO);
    ready
}

/// Its children, built in a task after their parent's (see `start`). Each
/// instance waits once, when the app is mounted.
#[component]
fn NextTask(children: ChildrenFn) -> impl IntoView {
    let ready = next_task();
    move || ready.get().then(|| children())
}

/// After a client-side navigation (not the first load), move focus to the new
/// page's heading, or to the section the address names (`/learn#support`), so
/// keyboard and screen-reader users land at its start. A page loaded lazily
/// shows once its chunk has arrived, so look for it each frame for a while.
fn focus_heading_after_navigation() {
    let path = router::use_path();
    Effect::new(move |previous: Option<String>| {
        let current = path.get();
        if previous.as_ref().is_some_and(|p| p != &current) {
            focus_heading_when_shown(FOCUS_TRIES);
        }
        current
    });
}

/// About five seconds of frames.
const FOCUS_TRIES: u32 = 300;

fn focus_heading_when_shown(tries_left: u32) {
    request_animation_frame(move || {
        let hash = window().location().hash().unwrap_or_default();
        if let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) {
            if router::focus_by_id(id) {
                return;
            }
        } else if let Some(h1) = document().query_selector("main h1").ok().flatten().and_then(|h1| h1.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = h1.focus();
            return;
        }
        if tries_left > 0 {
            focus_heading_when_shown(tries_left - 1);
        }
    });
}

/// Says, kindly and once, when stored data could not be read or was written by a
/// newer version. The values themselves are safe; `/data` offers them for download.
/// The words come from a chunk of their own, fetched only when there is something
/// to say (rarely), so the first load does not carry them.
#[component]
fn StorageNotice() -> impl IntoView {
    let db = use_db();
    // A newer build upgraded the store in another tab: this tab has stopped
    // writing. Reload into the new version at once, unless words typed here are
    // not yet in a draft; then say so, and let the person reload when ready.
    let must_ask = RwSignal::new(false);
    provide_context(UnsavedAfterUpgrade(must_ask));
    Effect::new(move |_| {
        if db.upgraded_elsewhere.get() {
            if crate::ui::draft::words_at_risk() {
                must_ask.set(true);
            } else {
                let _ = window().location().reload();
            }
        }
    });
    let something_to_say = Memo::new(move |_| db.newer_schema.get().is_some() || db.restored.get() > 0 || unseen_unreadable(db).is_some());
    move || something_to_say.get().then(lazy_pages::storage_notices)
}

/// Words typed here are not yet in a draft, and another tab upgraded the store.
#[derive(Clone, Copy)]
pub struct UnsavedAfterUpgrade(RwSignal<bool>);

/// How many values are kept aside that the person has not been told about.
fn unseen_unreadable(db: Db) -> Option<usize> {
    let n = db.unreadable.get();
    (n > db.prefs.with(|p| p.unreadable_acknowledged)).then_some(n)
}

/// The banners `StorageNotice` fetches when there is something to say.
#[component]
pub fn StorageBanners() -> impl IntoView {
    let db = use_db();
    let must_ask = expect_context::<UnsavedAfterUpgrade>().0;
    view! {
        {move || db.newer_schema.get().map(|_| if must_ask.get() {
            view! {
                <div class="notice warn banner" role="alert">
                    <p>{t(a::APP_WAS_UPDATED_ANOTHER)}</p>
                    <button type="button" class="button secondary" on:click=|_| { let _ = window().location().reload(); }>{t(a::RELOAD_NOW)}</button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="notice warn banner" role="alert">
                    <p>{t(a::DEVICE_HOLDS_DATA_SAVED)}</p>
                </div>
            }
            .into_any()
        })}
        {move || (db.restored.get() > 0).then(|| view! {
            <div class="notice ok banner" role="status">
                <p>{crate::domain::words::restored(db.restored.get())}</p>
                <button type="button" class="button secondary small" on:click=move |_| db.restored.set(0)>{t(a::OK)}</button>
            </div>
        })}
        {move || unseen_unreadable(db).map(|n| view! {
            <div class="notice warn banner" role="status">
                <p>{crate::domain::words::kept_aside(n)}</p>
                <div class="actions">
                    <a class="button secondary" href=ui::link("/data")>{t(a::SEE_DATA)}</a>
                    <button type="button" class="button secondary" on:click=move |_| db.update_prefs(|p| p.unreadable_acknowledged = n)>{t(a::OK)}</button>
                </div>
            </div>
        })}
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <PageHeading title=t(a::PAGE_NOT_FOUND)/>
        <section class="card">
            <p>{t(a::THERE_NOTHING_ADDRESS_NOTHING)}</p>
            <p><a class="button" href=ui::link("/")>{t(a::GO_HOME)}</a></p>
        </section>
    }
}
