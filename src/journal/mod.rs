//! The journal at /journal: write from the article's prompts, find past entries,
//! and see one's own pattern over time. Which view shows comes from the query
//! (`?new`, `?edit=ID`, `?entry=ID`, `?tab=patterns`) so every view survives a reload.

mod form;
mod list;
mod patterns;

use leptos::prelude::*;
use crate::i18n::{k::journal as j, t};
use crate::ui::router::use_query;

use crate::domain::journal::Filter;
use crate::ui::{link, FromStore, PageHeading};

#[component]
pub fn JournalPage() -> impl IntoView {
    let query = use_query();
    // Lives as long as the page, so search and filters survive opening an entry.
    let filter = RwSignal::new(Filter::default());
    move || {
        let q = query.get();
        if let Some(id) = q.get("edit") {
            view! { <form::EntryForm editing=Some(id) prompt=None/> }.into_any()
        } else if q.get("new").is_some() {
            view! { <form::EntryForm editing=None prompt=q.get("prompt")/> }.into_any()
        } else if let Some(id) = q.get("entry") {
            view! { <list::EntryView id=id/> }.into_any()
        } else {
            let on_patterns = q.get("tab").as_deref() == Some("patterns");
            view! {
                <PageHeading title=t(j::JOURNAL) lead=t(j::PRIVATE_PLACE_NOTICE_MOMENTS)/>
                <div class="page-actions">
                    <a class="button" href=link("/journal?new")>{t(j::NEW_ENTRY)}</a>
                </div>
                <nav class="segmented" aria-label=t(j::JOURNAL_VIEWS)>
                    <a href=link("/journal") aria-current=(!on_patterns).then_some("true")>{t(j::ENTRIES)}</a>
                    <a href=link("/journal?tab=patterns") aria-current=on_patterns.then_some("true")>{t(j::PATTERNS)}</a>
                </nav>
                <FromStore>
                    {if on_patterns {
                        view! { <patterns::PatternsView/> }.into_any()
                    } else {
                        view! { <list::EntryList filter=filter/> }.into_any()
                    }}
                </FromStore>
            }
            .into_any()
        }
    }
}

/// What the journal shows for an entry that is no longer here (opened to read
/// or to edit).
#[component]
fn EntryGone() -> impl IntoView {
    view! {
        <crate::ui::GoneCard title=t(j::ENTRY_NOT_FOUND) text=t(j::ENTRY_NO_LONGER_HERE) back="/journal" back_label=t(j::BACK_JOURNAL_2)/>
    }
}
