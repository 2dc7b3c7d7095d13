//! When a record changed while it was being edited (a journal entry, a step
//! being logged): both versions side by side, the person's words kept on screen,
//! and their choice of what to keep.

use leptos::prelude::*;

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
    pub one: &'static str,
    /// What "keep both" does, in a few words: "save mine as a new entry".
    pub as_new: &'static str,
    /// Where this form's words are: "in the form below".
    pub editing: &'static str,
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
    let Noun { one, as_new, editing } = noun;
    let kept = format!("Nothing has been saved yet: your version is still {editing}.");
    let (what, theirs, buttons) = match stale {
        Stale::Changed(Some(theirs)) => (
            format!("This {one} was changed elsewhere (in another tab, or by an import) after you started editing. {kept} Which would you like to keep?"),
            Some(theirs),
            view! {
                {button(Choice::KeepMine, "Keep mine".into(), "button")}
                {button(Choice::KeepTheirs, "Keep theirs".into(), "button secondary")}
                {button(Choice::KeepBoth, format!("Keep both ({as_new})"), "button secondary")}
            }
            .into_any(),
        ),
        Stale::Changed(None) => (
            format!("This {one} was changed elsewhere by a newer version of the app, and this version cannot read the change. {kept} Yours can be saved as a new {one}, so both are kept."),
            None,
            view! { {button(Choice::KeepBoth, capitalised(as_new), "button")} }.into_any(),
        ),
        Stale::Deleted => (
            format!("This {one} was deleted elsewhere (perhaps in another tab) after you started editing. {kept}"),
            None,
            view! {
                {button(Choice::KeepMine, "Save mine again".into(), "button")}
                {button(Choice::KeepTheirs, "Let it go".into(), "button secondary")}
            }
            .into_any(),
        ),
    };
    view! {
        <section class="notice warn conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-what">
            <h2 id="conflict-title" tabindex="-1">{format!("This {one} changed while you were editing")}</h2>
            <p id="conflict-what">{what}</p>
            {theirs.map(|t| view! {
                <div class="other-version">
                    <p class="muted small">{format!("The other version, saved {}:", format_date(t.updated))}</p>
                    <div class="entry-text" data-testid="their-text">{t.text}</div>
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
