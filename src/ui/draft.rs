//! Drafts: every form that takes text keeps its unsaved state in storage while the
//! person types, so a reload, a crash or a stray tap loses at most a moment.
//!
//! Each open form has a draft of its own. Its instance id sits in the address
//! (`?draft=…`), so a reload finds the same words and two tabs never write over
//! each other. Other unfinished drafts of the same form are offered, never
//! overwritten. Whether the draft really holds the words is tracked, so messages
//! only ever promise what is true.

use crate::i18n::{k::drafts as d, t, t_count, t_with, Plural};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::time::Duration;

use leptos::prelude::*;
use crate::ui::router::use_query;
use serde::{de::DeserializeOwned, Serialize};

use crate::domain::records::is_valid_id;
use crate::storage::drafts::form_name;
use crate::db::store;
use crate::storage::{SaveError, SaveFailure};
use crate::ui::browser::new_id;

/// How long typing pauses before the draft is written.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

thread_local! {
    /// Forms whose latest words are not in their draft yet (a write is pending,
    /// or failed). The shell asks before reloading the page by itself.
    static AT_RISK: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// Whether any open form holds words that are only on screen.
pub fn words_at_risk() -> bool {
    AT_RISK.with(|s| !s.borrow().is_empty())
}

fn at_risk(form: &str, risky: bool) {
    AT_RISK.with(|s| {
        let mut s = s.borrow_mut();
        if risky {
            s.insert(form.to_string());
        } else {
            s.remove(form);
        }
    });
}

/// Whether the draft holds what is on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftStatus {
    /// Nothing typed yet, or the draft holds the latest words.
    Kept,
    /// Writing the draft failed: the words are on screen only.
    NotKept(SaveError),
}

/// An unfinished draft of the same form, offered to continue.
#[derive(Clone)]
pub struct Unfinished {
    pub preview: String,
    /// Where to continue it: this page with its `draft` instance.
    pub href: String,
}

/// Controls for a form's draft.
#[derive(Clone, Copy)]
pub struct Draft {
    form: StoredValue<String>,
    pending: StoredValue<Option<TimeoutHandle>>,
    write_now: StoredValue<Box<dyn Fn() + Send + Sync>>,
    pub status: RwSignal<DraftStatus>,
    /// Other unfinished drafts of this form, found when it opened, less those
    /// open in another tab right now (each open form holds a Web Lock).
    pub others: RwSignal<Vec<Unfinished>>,
}

impl Draft {
    /// Forget the draft: after a save, or when the person discards it.
    pub fn clear(&self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
            self.pending.set_value(None);
        }
        let form = self.form.get_value();
        store().clear_draft(&form);
        at_risk(&form, false);
        self.status.set(DraftStatus::Kept);
    }

    /// Writes a pending draft now, and says whether the draft holds what is on screen.
    pub fn flush_now(&self) -> bool {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
            self.pending.set_value(None);
            self.write_now.with_value(|w| w());
        }
        self.status.get_untracked() == DraftStatus::Kept
    }

    /// What to say when saving failed: what happened, where the words are now
    /// (only what is true), and what the person can do.
    pub fn failure_message(&self, err: SaveError) -> String {
        let where_now = if self.flush_now() {
            t(d::STILL_HERE_IN_DRAFT)
        } else {
            t(d::STILL_HERE_NOT_DRAFT)
        };
        [err.message().as_str(), where_now, err.remedy()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" ")
    }

    /// The same, for saving a new record: a fresh id is never taken, so `Stale`
    /// only means a clash that nothing overwrote, and trying again is safe.
    pub fn new_record_failure<T>(&self, failure: SaveFailure<T>) -> String {
        match failure {
            SaveFailure::Store(err) => self.failure_message(err),
            SaveFailure::Stale(_) => t(d::NOT_SAVED_TRY_AGAIN).into(),
        }
    }
}

/// This form's draft instance: from the address, or a new one put there (without
/// a navigation, so nothing re-renders) for a reload to find.
fn instance_from_address() -> String {
    if let Some(id) = use_query().with_untracked(|q| q.get("draft")).filter(|id| is_valid_id(id)) {
        return id;
    }
    let id = new_id();
    if let Some(url) = address_with_draft(&id) {
        let history = window().history().ok();
        let state = history.as_ref().and_then(|h| h.state().ok()).unwrap_or(wasm_bindgen::JsValue::NULL);
        if let Some(h) = history {
            let _ = h.replace_state_with_url(&state, "", Some(&url));
        }
    }
    id
}

/// The current address (path, query and hash) with `draft=instance`.
fn address_with_draft(instance: &str) -> Option<String> {
    let url = web_sys::Url::new(&window().location().href().ok()?).ok()?;
    url.search_params().set("draft", instance);
    Some(format!("{}{}{}", url.pathname(), url.search(), url.hash()))
}

/// Restores the form from its draft (through `restore`), then autosaves what
/// `read` returns on every change: debounced while typing, at once when the page
/// is hidden or the form goes away. `is_blank` says when there is nothing to
/// keep; `preview` names a draft in the offer of unfinished ones.
pub fn use_draft<T>(
    family: String,
    read: impl Fn() -> T + Send + Sync + 'static,
    restore: impl FnOnce(T),
    is_blank: impl Fn(&T) -> bool + Send + Sync + 'static,
    preview: fn(&T) -> String,
) -> Draft
where
    T: Serialize + DeserializeOwned + 'static,
{
    let instance = instance_from_address();
    let form = form_name(&family, &instance);
    let parse = |raw: &str| serde_json::from_str::<T>(raw).ok();
    if let Some(saved) = store().draft(&form).as_deref().and_then(parse) {
        restore(saved);
    }
    let candidates: Vec<(String, Unfinished)> = store()
        .drafts_of(&family)
        .into_iter()
        .filter(|(other, _)| *other != instance)
        .filter_map(|(other, raw)| {
            let value = parse(&raw).filter(|v| !is_blank(v))?;
            let offer = Unfinished { preview: preview(&value), href: address_with_draft(&other)? };
            Some((form_name(&family, &other), offer))
        })
        .collect();
    let release_mark = open_marks::hold(&form);
    let others = RwSignal::new(Vec::new());
    if !candidates.is_empty() {
        leptos::task::spawn_local(async move {
            let open = open_marks::held().await;
            others.set(candidates.into_iter().filter(|(name, _)| !open.contains(name)).map(|(_, offer)| offer).collect());
        });
    }
    let status = RwSignal::new(DraftStatus::Kept);
    let read = StoredValue::new(read);
    let is_blank = StoredValue::new(is_blank);
    let write = {
        let form = form.clone();
        move || {
            let value = read.with_value(|read| untrack(read));
            let result = if is_blank.with_value(|blank| blank(&value)) {
                store().clear_draft(&form);
                Ok(())
            } else {
                let json = serde_json::to_string(&value).expect("drafts serialise");
                store().save_draft(&form, &json)
            };
            at_risk(&form, result.is_err());
            status.set(result.map_or_else(DraftStatus::NotKept, |()| DraftStatus::Kept));
        }
    };
    let draft = Draft {
        form: StoredValue::new(form.clone()),
        pending: StoredValue::new(None),
        write_now: StoredValue::new(Box::new(write.clone())),
        status,
        others,
    };
    let flush = move || {
        draft.flush_now();
    };
    Effect::new(move |first_run: Option<()>| {
        read.with_value(|read| read());
        if first_run.is_none() {
            return;
        }
        if let Some(handle) = draft.pending.get_value() {
            handle.clear();
        }
        at_risk(&draft.form.get_value(), true);
        let write = write.clone();
        let after = move || {
            draft.pending.set_value(None);
            write();
        };
        draft.pending.set_value(set_timeout_with_handle(after, DEBOUNCE).ok());
    });
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    on_cleanup(move || {
        flush();
        open_marks::release(release_mark);
        at_risk(&form, false);
        on_hide.remove();
        on_hidden.remove();
    });
    draft
}

/// The line under a form about its draft: a quiet promise while it is true, and
/// a plain warning when it is not.
#[component]
pub fn DraftNote(draft: Draft) -> impl IntoView {
    move || match draft.status.get() {
        DraftStatus::Kept => view! {
            <p class="muted small">{t(d::KEPT_WHILE_TYPING)}</p>
        }
        .into_any(),
        DraftStatus::NotKept(err) => view! {
            <p class="notice warn small" role="status">
                {t_with(d::NOT_KEPT, &[("cause", &err.cause())])}
            </p>
        }
        .into_any(),
    }
}

/// "You have 2 unfinished entries", each with a link to continue it. Never
/// replaces anything: the person chooses.
#[component]
pub fn UnfinishedDrafts(draft: Draft, what: Plural) -> impl IntoView {
    move || {
        let others = draft.others.get();
        (!others.is_empty()).then(|| {
            let n = others.len() as i64;
            let (heading, continue_) = (t_count(what, n), t_count(crate::i18n::k::drafts::CONTINUE_IT, n));
            let items = others
                .into_iter()
                .map(|u| view! { <li><a href=u.href>{u.preview}</a></li> })
                .collect_view();
            view! {
                <aside class="notice unfinished" aria-labelledby="unfinished-title">
                    <p id="unfinished-title"><strong>{heading}</strong>{continue_}</p>
                    <ul>{items}</ul>
                </aside>
            }
        })
    }
}

/// Which drafts are open in a tab right now: each open form holds a Web Lock
/// named after its draft, released when the form goes or the tab closes (even
/// if it crashes). Where the browser has no Web Locks, nothing is marked open.
mod open_marks {
    use js_sys::{Array, Function, Promise, Reflect};
    use leptos::prelude::window;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    const PREFIX: &str = "leaning-in.open.";

    fn locks() -> Option<JsValue> {
        Reflect::get(&window().navigator(), &"locks".into()).ok().filter(|l| l.is_object())
    }

    fn method(target: &JsValue, name: &str) -> Option<Function> {
        Reflect::get(target, &name.into()).ok()?.dyn_into::<Function>().ok()
    }

    /// Marks `form` as open in this tab; the returned function releases it.
    pub fn hold(form: &str) -> Option<Function> {
        let locks = locks()?;
        let mut release = None;
        let until_released = Promise::new(&mut |resolve, _| release = Some(resolve));
        let held = Closure::once_into_js(move |_lock: JsValue| until_released);
        let request = method(&locks, "request")?;
        let _ = request.call2(&locks, &format!("{PREFIX}{form}").into(), &held);
        release
    }

    pub fn release(mark: Option<Function>) {
        if let Some(release) = mark {
            let _ = release.call0(&JsValue::NULL);
        }
    }

    /// The forms marked open (in any tab, this one included).
    pub async fn held() -> Vec<String> {
        let Some(locks) = locks() else { return Vec::new() };
        let Some(query) = method(&locks, "query") else { return Vec::new() };
        let Ok(promise) = query.call0(&locks).and_then(|p| p.dyn_into::<Promise>().map_err(JsValue::from)) else { return Vec::new() };
        let Ok(state) = wasm_bindgen_futures::JsFuture::from(promise).await else { return Vec::new() };
        let held = Reflect::get(&state, &"held".into()).ok().map(|h| Array::from(&h)).unwrap_or_default();
        held.iter()
            .filter_map(|lock| Reflect::get(&lock, &"name".into()).ok()?.as_string())
            .filter_map(|name| name.strip_prefix(PREFIX).map(str::to_string))
            .collect()
    }
}
