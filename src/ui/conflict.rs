//! When a record changed while it was being edited (a journal entry, a step
//! being logged): both versions side by side, the person's words kept on screen,
//! and their choice of what to keep.

use leptos::prelude::*;

use crate::i18n::{k::ui as u, t, t_with};
use crate::storage::Stale;
use crate::ui::browser::format_date;

/// The other version as the panel shows it: when it was saved, and its words.
#[derive(Clone, Debug, PartialEq)]
pub struct Theirs {
    pub updated: i64,
    pub text: String,
}

/// What the panel calls the record: "entry", "step".
#[derive(Clone, Copy)]
pub struct Noun {
    pub one: crate::i18n::Key,
    /// What "keep both" does, in a few words: "save mine as a new entry".
    pub as_new: crate::i18n::Key,
    /// Where this form's words are: "in the form below".
    pub editing: crate::i18n::Key,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Save this edit over the other version (or again, if it was deleted).
    KeepMine,
    /// Drop this edit and keep what is stored.
    KeepTheirs,
    /// Save this edit as a new record, and keep the other version too.
    KeepBoth,
}

#[component]
pub fn ConflictPanel(stale: Stale<Theirs>, noun: Noun, resolve: impl Fn(Choice) + Clone + Send + Sync + 'static) -> impl IntoView {
    let button = move |choice: Choice, label: String, class: &'static str| {
        let resolve = resolve.clone();
        view! { <button type="button" class=class on:click=move |_| resolve(choice)>{label}</button> }
    };
    let (one, as_new, editing) = (t(noun.one), t(noun.as_new), t(noun.editing));
    let kept = t_with(u::NOTHING_HAS_BEEN_SAVED, &[("editing", &(editing).to_string())]);
    let (what, theirs, buttons) = match stale {
        Stale::Changed(Some(theirs)) => (
            t_with(u::ONE_WAS_CHANGED_ELSEWHERE, &[("one", &(one).to_string()), ("kept", &(kept).to_string())]),
            Some(theirs),
            view! {
                {button(Choice::KeepMine, t(u::KEEP_MINE).into(), "button")}
                {button(Choice::KeepTheirs, t(u::KEEP_THEIRS).into(), "button secondary")}
                {button(Choice::KeepBoth, t_with(u::KEEP_BOTH_NEW, &[("as_new", &(as_new).to_string())]), "button secondary")}
            }
            .into_any(),
        ),
        Stale::Changed(None) => (
            t_with(u::ONE_WAS_CHANGED_ELSEWHERE_2, &[("one", &(one).to_string()), ("kept", &(kept).to_string())]),
            None,
            view! { {button(Choice::KeepBoth, capitalised(as_new), "button")} }.into_any(),
        ),
        Stale::Deleted => (
            t_with(u::ONE_WAS_DELETED_ELSEWHERE, &[("one", &(one).to_string()), ("kept", &(kept).to_string())]),
            None,
            view! {
                {button(Choice::KeepMine, t(u::SAVE_MINE_AGAIN).into(), "button")}
                {button(Choice::KeepTheirs, t(u::LET_GO).into(), "button secondary")}
            }
            .into_any(),
        ),
    };
    view! {
        <section class="notice warn conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-what">
            <h2 id="conflict-title" tabindex="-1">{t_with(u::ONE_CHANGED_WHILE_WERE, &[("one", &(one).to_string())])}</h2>
            <p id="conflict-what">{what}</p>
            {theirs.map(|theirs| view! {
                <div class="other-version">
                    <p class="muted small">{t_with(u::OTHER_VERSION_SAVED_FORMAT, &[("date", &format_date(theirs.updated))])}</p>
                    <div class="entry-text" data-testid="their-text">{theirs.text}</div>
                </div>
            })}
            <div class="actions">{buttons}</div>
        </section>
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
