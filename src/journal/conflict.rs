//! When an entry changed while it was being edited: both versions side by side,
//! the person's words kept on screen, and their choice of what to keep.

use leptos::prelude::*;

use crate::domain::journal::JournalEntry;
use crate::storage::Stale;
use crate::ui::browser::format_date;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Save this edit over the other version (or again, if it was deleted).
    KeepMine,
    /// Drop this edit and keep what is stored.
    KeepTheirs,
    /// Save this edit as a new entry, and keep the other version too.
    KeepBoth,
}

#[component]
pub fn ConflictPanel(stale: Stale<JournalEntry>, resolve: impl Fn(Choice) + Clone + Send + Sync + 'static) -> impl IntoView {
    let button = move |choice: Choice, label: &'static str, class: &'static str| {
        let resolve = resolve.clone();
        view! { <button type="button" class=class on:click=move |_| resolve(choice)>{label}</button> }
    };
    let (what, theirs, buttons) = match stale {
        Stale::Changed(Some(theirs)) => (
            "This entry was changed elsewhere (in another tab, or by an import) after you started editing. Nothing has been saved yet: your version is still in the form below. Which would you like to keep?",
            Some(theirs),
            view! {
                {button(Choice::KeepMine, "Keep mine", "button")}
                {button(Choice::KeepTheirs, "Keep theirs", "button secondary")}
                {button(Choice::KeepBoth, "Keep both (save mine as a new entry)", "button secondary")}
            }
            .into_any(),
        ),
        Stale::Changed(None) => (
            "This entry was changed elsewhere by a newer version of the app, and this version cannot read the change. Nothing has been saved yet: your version is still in the form below. It can be saved as a new entry, so both are kept.",
            None,
            view! { {button(Choice::KeepBoth, "Save mine as a new entry", "button")} }.into_any(),
        ),
        Stale::Deleted => (
            "This entry was deleted elsewhere (perhaps in another tab) after you started editing. Nothing has been saved yet: your version is still in the form below.",
            None,
            view! {
                {button(Choice::KeepMine, "Save mine again", "button")}
                {button(Choice::KeepTheirs, "Let it go", "button secondary")}
            }
            .into_any(),
        ),
    };
    view! {
        <section class="notice warn conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-what">
            <h2 id="conflict-title" tabindex="-1">"This entry changed while you were editing"</h2>
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
