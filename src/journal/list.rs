//! The list of entries with search and filters, and one entry read in full.

use leptos::prelude::*;
use crate::i18n::{k::journal as j, t, t_with, t_count, t_count_with};
use crate::ui::router::navigate;

use crate::domain::journal::{emotion_label, filter as apply_filter, highlight, preview, prompt, Filter, JournalEntry, Who, EMOTIONS, PROMPTS};
use crate::domain::words::plural;
use crate::domain::time::{days_from_civil, iso_date, parse_iso_date};
use crate::db::use_db;
use crate::clock::offset_minutes;
use crate::ui::browser::format_date;
use crate::ui::toast::{use_toasts, Toast};
use crate::ui::{link, PageHeading};

/// Entries shown at first; "Show more" adds this many again. Rendering a few dozen
/// keeps the list instant with years of entries.
const PAGE: usize = 30;

/// Text with search matches wrapped in `<mark>`. Every piece is rendered as text.
fn marked(text: &str, query: &str) -> impl IntoView {
    highlight(text, query)
        .into_iter()
        .map(|(piece, hit)| if hit { view! { <mark>{piece}</mark> }.into_any() } else { piece.into_any() })
        .collect_view()
}

fn date_input_day(value: &str) -> Option<i64> {
    parse_iso_date(value).map(days_from_civil)
}

#[component]
pub fn EntryList(filter: RwSignal<Filter>) -> impl IntoView {
    let db = use_db();
    let shown = RwSignal::new(PAGE);
    let results = Memo::new(move |_| {
        let f = filter.get();
        db.journal.with(|all| apply_filter(all, &f, &offset_minutes).into_iter().cloned().collect::<Vec<JournalEntry>>())
    });
    let total = move || db.journal.with(Vec::len);

    let select = move |label: &'static str, id: &'static str, options: Vec<(String, String)>, get: fn(&Filter) -> Option<String>, set: fn(&mut Filter, Option<String>)| {
        let options = options
            .into_iter()
            .map(|(value, text)| {
                let v = value.clone();
                view! { <option value=value selected=move || filter.with(|f| get(f).as_deref() == Some(v.as_str()))>{text}</option> }
            })
            .collect_view();
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| set(f, (!v.is_empty()).then_some(v)));
                    shown.set(PAGE);
                }>
                    <option value="" selected=move || filter.with(|f| get(f).is_none())>{t(j::ANY)}</option>
                    {options}
                </select>
            </div>
        }
    };

    let date_field = move |label: &'static str, id: &'static str, get: fn(&Filter) -> Option<i64>, set: fn(&mut Filter, Option<i64>)| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="date"
                    prop:value=move || filter.with(|f| get(f).map(|d| iso_date(d * 86_400_000, 0)).unwrap_or_default())
                    on:change=move |ev| filter.update(|f| set(f, date_input_day(&event_target_value(&ev))))/>
            </div>
        }
    };

    let item = move |e: JournalEntry| {
        let q = filter.with_untracked(|f| f.query.clone());
        let chips = e.who.iter().map(|w| w.label().to_string()).chain(e.emotions.iter().map(|m| emotion_label(m).to_string())).collect::<Vec<_>>();
        view! {
            <li>
                <a class="entry-card" href=link(&format!("/journal?entry={}", e.id))>
                    <span class="entry-meta">
                        <span>{format_date(e.at)}</span>
                        {e.prompt.as_deref().and_then(prompt).map(|p| view! { <span class="entry-prompt">{t(p.text)}</span> })}
                    </span>
                    <span class="entry-preview">{marked(&preview(&e.text, 180), &q)}</span>
                    {(!chips.is_empty()).then(|| view! {
                        <span class="tags">{chips.into_iter().map(|c| view! { <span class="tag">{c}</span> }).collect_view()}</span>
                    })}
                </a>
            </li>
        }
    };

    view! {
        <Show when=move || { total() > 0 } fallback=|| view! { <EmptyJournal/> }>
            <div class="search-bar">
                <label for="journal-search" class="visually-hidden">{t(j::SEARCH_JOURNAL)}</label>
                <input id="journal-search" type="search" placeholder=t(j::SEARCH_JOURNAL)
                    prop:value=move || filter.with(|f| f.query.clone())
                    on:input=move |ev| { filter.update(|f| f.query = event_target_value(&ev)); shown.set(PAGE); }/>
            </div>
            <details class="filters" open=filter.with_untracked(|f| Filter { query: String::new(), ..f.clone() }.is_active())>
                <summary>{t(j::FILTERS)}</summary>
                <div class="filter-grid">
                    {select(t(j::FILTER_PROMPT), "filter-prompt",
                        PROMPTS.iter().map(|p| (p.id.to_string(), p.text.to_string())).collect(),
                        |f| f.prompt.clone(), |f, v| f.prompt = v)}
                    {select(t(j::FILTER_FEELING), "filter-emotion",
                        EMOTIONS.iter().map(|e| (e.to_string(), emotion_label(e).to_string())).collect(),
                        |f| f.emotion.clone(), |f, v| f.emotion = v)}
                    {select(t(j::FILTER_WHO), "filter-who",
                        Who::ALL.iter().map(|w| (w.key().to_string(), w.label().to_string())).collect(),
                        |f| f.who.map(|w| w.key().to_string()), |f, v| f.who = v.as_deref().and_then(Who::from_key))}
                    {date_field(t(j::FILTER_FROM), "filter-from", |f| f.from_day, |f, v| f.from_day = v)}
                    {date_field(t(j::FILTER_TO), "filter-to", |f| f.to_day, |f, v| f.to_day = v)}
                </div>
                <button type="button" class="button secondary small" on:click=move |_| filter.set(Filter::default())>{t(j::CLEAR_SEARCH_FILTERS)}</button>
            </details>
            <p class="result-count" role="status">{move || {
                let (n, all) = (results.with(Vec::len), total());
                if filter.with(Filter::is_active) {
                    t_count_with(j::MATCHES, n as i64, &[("all", &plural(all, crate::i18n::k::count::ENTRIES))])
                } else {
                    plural(all, crate::i18n::k::count::ENTRIES)
                }
            }}</p>
            <Show when=move || results.with(|r| !r.is_empty())
                fallback=move || view! {
                    <div class="card">
                        <p>{t(j::NOTHING_MATCHES_TRY_FEWER)}</p>
                        <button type="button" class="button secondary" on:click=move |_| filter.set(Filter::default())>{t(j::CLEAR_SEARCH_FILTERS)}</button>
                    </div>
                }>
                <ul class="entry-list">
                    {move || results.with(|r| r.iter().take(shown.get()).cloned().map(item).collect_view())}
                </ul>
                <Show when=move || { results.with(Vec::len) > shown.get() }>
                    <button type="button" class="button secondary" on:click=move |_| shown.update(|s| *s += PAGE)>
                        {move || t_count(j::SHOW_MORE, (results.with(Vec::len) - shown.get()).min(PAGE) as i64)}
                    </button>
                </Show>
            </Show>
        </Show>
    }
}

#[component]
fn EmptyJournal() -> impl IntoView {
    let starts = PROMPTS[..3]
        .iter()
        .map(|p| view! { <li><a class="tool" href=link(&format!("/journal?new&prompt={}", p.id))><span class="tool-title">{t(p.text)}</span></a></li> })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="empty-title">
            <h2 id="empty-title">{t(j::JOURNAL_EMPTY)}</h2>
            <p>{t(j::NOTICING_PATTERN_FIRST_STEP)}</p>
            <ul class="tool-list">{starts}</ul>
        </section>
    }
}

#[component]
pub fn EntryView(id: String) -> impl IntoView {
    let db = use_db();
    let toasts = use_toasts();
    let entry = {
        let id = id.clone();
        Memo::new(move |_| db.journal.with(|all| all.iter().find(|e| e.id == id).cloned()))
    };
    let delete = move |_| {
        let Some(e) = entry.get_untracked() else { return };
        match db.delete::<JournalEntry>(&e.id) {
            Ok(removed) => {
                // Undo puts back exactly what was stored, and never over a copy
                // saved again meanwhile (say, an edit in another tab).
                let undo = removed.map(|removed| -> crate::ui::toast::Undo {
                    std::sync::Arc::new(move || {
                        let message = match db.restore::<JournalEntry>(&removed) {
                            Ok(()) => t(j::ENTRY_BACK).to_string(),
                            Err(crate::storage::SaveFailure::Stale(_)) => t(j::NOT_RESTORED_NEWER).to_string(),
                            Err(crate::storage::SaveFailure::Store(e)) => e.message(),
                        };
                        toasts.show(Toast { message, undo: None });
                    })
                });
                toasts.show(Toast { message: t(j::ENTRY_DELETED).into(), undo });
                navigate("/journal");
            }
            Err(err) => toasts.show(Toast { message: err.message(), undo: None }),
        }
    };
    move || match entry.get() {
        None => view! {
            <super::EntryGone/>
        }
        .into_any(),
        Some(e) => {
            let mut felt: Vec<String> = e.emotions.iter().map(|m| emotion_label(m).to_string()).collect();
            if !e.own_words.is_empty() {
                felt.push(e.own_words.clone());
            }
            let details = [
                (t(j::DETAIL_WITH), e.who.iter().map(|w| w.label()).collect::<Vec<_>>().join(", ")),
                (t(j::DETAIL_FELT), felt.join(", ")),
                (t(j::DETAIL_URGE), e.urge.map(|u| t_with(j::URGE_OUT_OF_10, &[("urge", &u.to_string())])).unwrap_or_default()),
                (t(j::DETAIL_DID), e.action.map(|a| a.label().to_string()).unwrap_or_default()),
            ]
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> })
            .collect_view();
            view! {
                <PageHeading title=t(j::JOURNAL_ENTRY)/>
                <article class="card entry-full">
                    <p class="entry-meta"><time>{format_date(e.at)}</time></p>
                    {e.prompt.as_deref().and_then(prompt).map(|p| view! { <p class="entry-prompt">{t(p.text)}</p> })}
                    <div class="entry-text">{e.text.clone()}</div>
                    <dl class="details">{details}</dl>
                </article>
                <div class="actions">
                    <a class="button" href=link(&format!("/journal?edit={}", e.id))>{t(j::EDIT)}</a>
                    <a class="button secondary" href=link(&format!("/reframe?from={}", e.id))>{t(j::REFRAME)}</a>
                    <button type="button" class="button secondary" on:click=delete.clone()>{t(j::DELETE)}</button>
                </div>
                {
                    let (offer, source, id) = crate::domain::helped::offered_from_entry(&e);
                    view! { <crate::together::KeepThis source=source source_id=id offer=offer/> }
                }
                <p><a href=link("/journal")>{t(j::BACK_JOURNAL)}</a></p>
            }
            .into_any()
        }
    }
}
