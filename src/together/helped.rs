//! "What has helped you", on Between two people (#helped): the person's own
//! list, in their order, each with when it was kept and where it came from.
//! They add to it (typed here, or kept from a step, a reframe or an entry:
//! `KeepThis`), edit, move and remove items (with Undo). `HelpedGlance` shows
//! the list where it is needed: on the reframe's first screen.

use leptos::prelude::*;

use crate::clock::now_ms;
use crate::db::{use_db, Db};
use crate::domain::helped::{already_kept, in_order, moved, next_order, Helped, Source};
use crate::i18n::{k::helped as hp, t, t_count, t_with};
use crate::storage::{Expect, SaveFailure, Stale};
use crate::ui::browser::{format_date, new_id};
use crate::ui::conflict::{Choice, ConflictPanel, Noun, Theirs};
use crate::ui::draft::{use_draft, DraftNote};
use crate::ui::link;
use crate::ui::toast::{use_toasts, Toast, Toasts};

const ITEM: Noun = Noun { one: crate::i18n::k::ui::NOUN_ITEM, as_new: crate::i18n::k::ui::NOUN_ITEM_AS_NEW, editing: crate::i18n::k::ui::IN_FORM_BELOW };

/// A save's failure, in the app's words.
fn failure_message<T>(failure: SaveFailure<T>) -> String {
    match failure {
        SaveFailure::Store(e) => e.message(),
        SaveFailure::Stale(_) => t(crate::i18n::k::drafts::NOT_SAVED_TRY_AGAIN).to_string(),
    }
}

/// Keeps something that helped, after all the others. `Err`: what to tell the person.
fn keep(db: Db, text: &str, source: Source, source_id: Option<String>) -> Result<(), String> {
    let now = now_ms();
    let order = next_order(&db.later_untracked::<Helped>());
    let item = Helped { id: new_id(), created: now, updated: now, text: text.trim().to_string(), source, source_id, order };
    crate::domain::records::Record::validate(&item)?;
    db.save_later(item, Expect::Absent).map_err(failure_message)
}

/// An offer to keep something with what has helped: the words offered are
/// shown in a field to shorten or change first. Says so once kept.
#[component]
pub fn KeepThis(source: Source, source_id: String, offer: String) -> impl IntoView {
    let db = use_db();
    let open = RwSignal::new(false);
    let words = RwSignal::new(offer);
    let error = RwSignal::new(None::<String>);
    let kept = {
        let id = source_id.clone();
        move || already_kept(&db.later::<Helped>(), source, &id)
    };
    let field_id = StoredValue::new(format!("keep-{source_id}"));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match keep(db, &words.get_untracked(), source, Some(source_id.clone())) {
            Ok(()) => error.set(None),
            Err(message) => error.set(Some(message)),
        }
    };
    let button = if source == Source::Step { t(hp::KEEP_STEP) } else { t(hp::KEEP_THIS) };
    let shown = move || match (kept(), open.get()) {
        (true, _) => view! {
            <p role="status">{t(hp::KEPT)}" "<a href=link("/together#helped")>{t(hp::SEE_LIST)}</a></p>
        }
        .into_any(),
        (false, false) => view! {
            <button type="button" class="button secondary" aria-expanded="false"
                on:click=move |_| { open.set(true); crate::ui::focus_first(&[".keep-helped textarea"]); }>{button}</button>
        }
        .into_any(),
        (false, true) => view! {
            <form class="flow" on:submit=save.clone() novalidate>
                <div class="field">
                    <label for=field_id.get_value()>{t(hp::KEEP_LABEL)}</label>
                    <textarea id=field_id.get_value() rows="3" prop:value=move || words.get() on:input=move |ev| words.set(event_target_value(&ev))></textarea>
                    <p class="muted small">{t(hp::KEEP_HINT)}</p>
                </div>
                <p class="notice error" role="alert" hidden=move || error.get().is_none()>{move || error.get()}</p>
                <div class="actions">
                    <button type="submit" class="button">{t(hp::ADD)}</button>
                    <button type="button" class="button secondary" on:click=move |_| open.set(false)>{t(hp::CANCEL)}</button>
                </div>
            </form>
        }
        .into_any(),
    };
    view! { <div class="keep-helped">{shown}</div> }
}

/// Where an item came from, as a link back (when that record is still here).
fn source_link(db: Db, item: &Helped) -> Option<AnyView> {
    let id = item.source_id.clone()?;
    let (label, href, exists) = match item.source {
        Source::Typed => return None,
        Source::Step => (t(hp::FROM_STEP), format!("/practice?log={id}"), db.steps.with_untracked(|a| a.iter().any(|s| s.id == id))),
        Source::Reframe => (t(hp::FROM_REFRAME), format!("/reframe?view={id}"), db.reframes.with_untracked(|a| a.iter().any(|r| r.id == id))),
        Source::Journal => (t(hp::FROM_ENTRY), format!("/journal?entry={id}"), db.journal.with_untracked(|a| a.iter().any(|e| e.id == id))),
    };
    Some(match exists {
        true => view! { <a href=link(&href)>{label}</a> }.into_any(),
        false => view! { <span>{label}</span> }.into_any(),
    })
}

fn remove(db: Db, toasts: Toasts, id: &str) {
    match db.delete_later(crate::domain::helped::KIND, id) {
        Ok(removed) => {
            let undo = removed.map(|removed| -> crate::ui::toast::Undo {
                std::sync::Arc::new(move || {
                    let message = match db.restore_later(&removed) {
                        Ok(()) => t(hp::BACK).to_string(),
                        Err(SaveFailure::Stale(_)) => t(hp::NOT_RESTORED).to_string(),
                        Err(SaveFailure::Store(e)) => e.message(),
                    };
                    toasts.show(Toast { message, undo: None });
                })
            });
            toasts.show(Toast { message: t(hp::REMOVED).into(), undo });
        }
        Err(e) => toasts.show(Toast { message: e.message(), undo: None }),
    }
}

/// Saves the two items that trade places; each only over the copy this page shows.
fn swap(db: Db, toasts: Toasts, id: &str, up: bool) {
    let all = db.later_untracked::<Helped>();
    let Some((a, b)) = moved(&all, id, up, now_ms()) else { return };
    let was = |id: &str| all.iter().find(|h| h.id == id).map(|h| h.updated).unwrap_or_default();
    let (a_was, b_was) = (was(&a.id), was(&b.id));
    let moved_id = a.id.clone();
    for (item, before) in [(a, a_was), (b, b_was)] {
        if let Err(failure) = db.save_later(item, Expect::Updated(before)) {
            let message = match failure {
                SaveFailure::Store(e) => e.message(),
                SaveFailure::Stale(_) => t(hp::CHANGED_ELSEWHERE).to_string(),
            };
            return toasts.show(Toast { message, undo: None });
        }
    }
    // Keyboard users stay with the item they moved: on the same button, or
    // (at an end, where it is now disabled) the other one.
    let (same, other) = if up { ("move-up", "move-down") } else { ("move-down", "move-up") };
    request_animation_frame(move || {
        let doc = document();
        let button = [same, other].into_iter().find_map(|class| {
            doc.query_selector(&format!("#helped-{moved_id} .{class}:not(:disabled)")).ok().flatten()
        });
        if let Some(el) = button.and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok()) {
            let _ = el.focus();
        }
    });
}

/// Editing one item in place; a change made elsewhere meanwhile asks which to keep.
#[component]
fn EditItem(item: Helped, editing: RwSignal<Option<String>>) -> impl IntoView {
    let db = use_db();
    let toasts = use_toasts();
    let words = RwSignal::new(item.text.clone());
    let error = RwSignal::new(None::<String>);
    let conflict = RwSignal::new(None::<Stale<Helped>>);
    let field_id = format!("helped-edit-{}", item.id);
    let build = {
        let item = item.clone();
        move || Helped { text: words.get_untracked().trim().to_string(), updated: now_ms().max(item.updated + 1), ..item.clone() }
    };
    let commit = move |mine: Helped, expect: Expect| {
        if let Err(why) = crate::domain::records::Record::validate(&mine) {
            return error.set(Some(why));
        }
        let id = mine.id.clone();
        match db.save_later(mine, expect) {
            Ok(()) => {
                editing.set(None);
                toasts.show(Toast { message: t(hp::SAVED).into(), undo: None });
                crate::ui::focus_id(&format!("helped-edit-button-{id}"));
            }
            Err(SaveFailure::Stale(stale)) => conflict.set(Some(stale)),
            Err(failure) => error.set(Some(failure_message(failure))),
        }
    };
    let save = {
        let (build, was) = (build.clone(), item.updated);
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            commit(build(), Expect::Updated(was));
        }
    };
    let resolve = move |choice: Choice| {
        let Some(stale) = conflict.get_untracked() else { return };
        let mine = build();
        conflict.set(None);
        match (choice, stale) {
            (Choice::KeepMine, Stale::Changed(Some(theirs))) => {
                let updated = mine.updated.max(theirs.updated + 1);
                commit(Helped { updated, order: theirs.order, ..mine }, Expect::Updated(theirs.updated));
            }
            (Choice::KeepMine, _) => commit(mine, Expect::Absent),
            (Choice::KeepBoth, _) => {
                let now = now_ms();
                let order = next_order(&db.later_untracked::<Helped>());
                commit(Helped { id: new_id(), created: now, updated: now, order, ..mine }, Expect::Absent);
            }
            (Choice::KeepTheirs, _) => editing.set(None),
        }
    };
    view! {
        {move || conflict.get().map(|stale| view! {
            <ConflictPanel stale=stale.map(|h| Theirs { updated: h.updated, text: h.text }) noun=ITEM resolve=resolve.clone()/>
        })}
        <form class="flow" on:submit=save novalidate>
            <div class="field">
                <label for=field_id.clone()>{t(hp::EDIT_LABEL)}</label>
                <textarea id=field_id rows="3" prop:value=move || words.get() on:input=move |ev| words.set(event_target_value(&ev))></textarea>
            </div>
            <p class="notice error" role="alert" hidden=move || error.get().is_none()>{move || error.get()}</p>
            <div class="actions">
                <button type="submit" class="button small">{t(hp::SAVE)}</button>
                <button type="button" class="button secondary small" on:click=move |_| editing.set(None)>{t(hp::CANCEL)}</button>
            </div>
        </form>
    }
}

#[component]
pub fn HelpedList() -> impl IntoView {
    let db = use_db();
    let toasts = use_toasts();
    let words = RwSignal::new(String::new());
    let editing = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let draft = use_draft("helped-new".to_string(), move || words.get(), move |w| words.set(w), |w: &String| w.trim().is_empty(), |w| w.clone());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = words.get_untracked();
        if text.trim().is_empty() {
            crate::ui::focus_id("helped-new");
            return error.set(Some(t(hp::NEEDS_WORDS).into()));
        }
        match keep(db, &text, Source::Typed, None) {
            Ok(()) => {
                words.set(String::new());
                draft.clear();
                error.set(None);
                toasts.show(Toast { message: t(hp::KEPT).into(), undo: None });
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let list = move || {
        let all = db.later::<Helped>();
        let items: Vec<Helped> = in_order(&all).into_iter().cloned().collect();
        if items.is_empty() {
            return view! { <p class="muted">{t(hp::EMPTY)}</p> }.into_any();
        }
        let last = items.len() - 1;
        let rows = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let id = item.id.clone();
                let row = move || {
                    if editing.get().as_deref() == Some(item.id.as_str()) {
                        return view! { <EditItem item=item.clone() editing=editing/> }.into_any();
                    }
                    let (id, text_id) = (item.id.clone(), format!("helped-text-{}", item.id));
                    let (up_id, down_id, remove_id, edit_id) = (id.clone(), id.clone(), id.clone(), id.clone());
                    let meta = t_with(hp::KEPT_ON, &[("date", &format_date(item.created))]);
                    view! {
                        <p class="helped-text user-text" id=text_id.clone()>{item.text.clone()}</p>
                        <p class="muted small">{meta}{source_link(db, &item).map(|l| view! { " · " {l} })}</p>
                        <div class="actions">
                            <button type="button" class="button secondary small" id=format!("helped-edit-button-{id}") aria-describedby=text_id.clone()
                                on:click=move |_| { editing.set(Some(edit_id.clone())); crate::ui::focus_first(&[".helped-item form textarea"]); }>{t(hp::EDIT)}</button>
                            <button type="button" class="button secondary small move-up" aria-describedby=text_id.clone() disabled=i == 0
                                on:click=move |_| swap(db, toasts, &up_id, true)>{t(hp::MOVE_UP)}</button>
                            <button type="button" class="button secondary small move-down" aria-describedby=text_id.clone() disabled=i == last
                                on:click=move |_| swap(db, toasts, &down_id, false)>{t(hp::MOVE_DOWN)}</button>
                            <button type="button" class="button secondary small" aria-describedby=text_id
                                on:click=move |_| remove(db, toasts, &remove_id)>{t(hp::REMOVE)}</button>
                        </div>
                    }
                    .into_any()
                };
                view! { <li class="helped-item" id=format!("helped-{id}")>{row}</li> }
            })
            .collect_view();
        view! { <ol class="helped-list">{rows}</ol> }.into_any()
    };
    let unreadable = move || {
        let n = db.later_unreadable::<Helped>();
        (n > 0).then(|| view! { <p class="notice">{t_count(crate::i18n::k::together::UNREADABLE, n as i64)}</p> })
    };
    view! {
        <section class="card" id="helped" aria-labelledby="helped-title">
            <h2 id="helped-title">{t(hp::TITLE)}</h2>
            <p>{t(hp::LEAD)}</p>
            {list}
            {unreadable}
            <form class="flow" on:submit=add novalidate>
                <div class="field">
                    <label for="helped-new">{t(hp::ADD_LABEL)}</label>
                    <textarea id="helped-new" rows="2" prop:value=move || words.get() on:input=move |ev| words.set(event_target_value(&ev))></textarea>
                </div>
                <p class="notice error" role="alert" hidden=move || error.get().is_none()>{move || error.get()}</p>
                <DraftNote draft=draft/>
                <button type="submit" class="button secondary">{t(hp::ADD)}</button>
            </form>
        </section>
    }
}

/// The list, read-only and folded, where it helps to see it (the reframe's first screen).
#[component]
pub fn HelpedGlance() -> impl IntoView {
    let db = use_db();
    move || {
        let all = db.later::<Helped>();
        (!all.is_empty()).then(|| {
            let rows = in_order(&all).into_iter().map(|h| view! { <li class="user-text">{h.text.clone()}</li> }).collect_view();
            view! {
                <details class="card helped-glance">
                    <summary>{t(hp::HOME_LINK)}</summary>
                    <ol>{rows}</ol>
                    <p class="small"><a href=link("/together#helped")>{t(hp::SEE_LIST)}</a></p>
                </details>
            }
        })
    }
}
