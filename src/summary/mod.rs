//! "Prepare a summary" at /summary: the person chooses a period and the parts to
//! include, ticks any entries to include word for word, and may add a note; the
//! preview below is the page they print, save as PDF, or download as Markdown.
//! The summary itself is computed by `domain::summary`; nothing leaves the device
//! unless the person hands the file to someone. Every choice, the note with it,
//! is kept as a draft like any other form (sealed while the lock is on).

mod preview;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::i18n::{k::summary as s, t, t_with, Key};
use crate::domain::journal::preview as shorten;
use crate::domain::summary::{summarise, to_markdown, within_period, Choices, Part, Period, Records};
use crate::domain::time::parse_iso_date;
use crate::db::use_db;
use crate::clock::{now_ms, offset_minutes};
use crate::ui::browser::{download, format_date, today_iso};
use crate::ui::draft::{use_draft, DraftNote};
use crate::ui::fields::CheckChips;
use crate::ui::{FromStore, PageHeading};

const PERIODS: [(&str, Key); 5] =
    [("4w", s::LAST_4_WEEKS), ("3m", s::LAST_3_MONTHS), ("1y", s::LAST_YEAR), ("all", s::EVERYTHING), ("between", s::BETWEEN_TWO_DATES)];

/// What the form holds, as its draft keeps it.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct SummaryDraft {
    period: String,
    from: String,
    to: String,
    parts: Vec<String>,
    chosen: Vec<String>,
    note: String,
    first_name: String,
}

impl Default for SummaryDraft {
    fn default() -> Self {
        SummaryDraft {
            period: "4w".into(),
            from: String::new(),
            to: String::new(),
            parts: Part::ALL.iter().filter(|p| p.by_default()).map(|p| p.key().to_string()).collect(),
            chosen: Vec::new(),
            note: String::new(),
            first_name: String::new(),
        }
    }
}

impl SummaryDraft {
    fn period(&self) -> Period {
        match self.period.as_str() {
            "3m" => Period::ThreeMonths,
            "1y" => Period::Year,
            "all" => Period::Everything,
            "between" => match (parse_iso_date(&self.from), parse_iso_date(&self.to)) {
                (Some(a), Some(b)) => Period::Between(a, b),
                (Some(a), None) | (None, Some(a)) => Period::Between(a, a),
                (None, None) => Period::FourWeeks,
            },
            _ => Period::FourWeeks,
        }
    }

    fn choices(&self) -> Choices {
        Choices {
            period: self.period(),
            parts: Part::ALL.into_iter().filter(|p| self.parts.iter().any(|k| k == p.key())).collect(),
            chosen: self.chosen.clone(),
            note: self.note.clone(),
            first_name: self.first_name.clone(),
        }
    }
}

/// The page's own stylesheet (and its print layout), added while the page is
/// open and removed when it goes, so its `@page` footer never prints on another page.
fn add_stylesheet() {
    on_cleanup(|| {
        if let Some(link) = document().get_element_by_id("summary-css") {
            link.remove();
        }
    });
    let doc = document();
    if doc.get_element_by_id("summary-css").is_some() {
        return;
    }
    if let (Ok(link), Some(head)) = (doc.create_element("link"), doc.head()) {
        let _ = link.set_attribute("id", "summary-css");
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", "summary.css");
        let _ = head.append_child(&link);
    }
}

#[component]
pub fn SummaryPage() -> impl IntoView {
    add_stylesheet();
    let db = use_db();
    // The parts live in their own signal, which the checkboxes need; `current`
    // puts them back into the form: the one state the draft and preview read.
    let form = RwSignal::new(SummaryDraft::default());
    let parts = RwSignal::new(form.get_untracked().parts);
    let current = move || SummaryDraft { parts: parts.get(), ..form.get() };
    let draft = use_draft(
        "summary".to_string(),
        current,
        move |d: SummaryDraft| {
            parts.set(d.parts.clone());
            form.set(d);
        },
        |d: &SummaryDraft| d.note.trim().is_empty() && d.first_name.trim().is_empty() && d.chosen.is_empty(),
        |d: &SummaryDraft| match d.note.trim() {
            "" => t(s::SUMMARY_WERE_PREPARING).to_string(),
            note => shorten(note, 80),
        },
    );
    let summary = Memo::new(move |_| {
        let (journal, checks, reframes, steps) = (db.journal.get(), db.checks.get(), db.reframes.get(), db.steps.get());
        let (helped, moments) = (db.later(), db.later());
        let records = Records { journal: &journal, checks: &checks, reframes: &reframes, steps: &steps, helped: &helped, moments: &moments };
        summarise(&records, &current().choices(), now_ms(), &offset_minutes)
    });
    let said = RwSignal::new(None::<&'static str>);
    let save_markdown = move |_| {
        let saved = download(&format!("leaning-in-summary-{}.md", today_iso()), "text/markdown", &summary.with_untracked(to_markdown)).is_ok();
        said.set(Some(t(if saved { s::MARKDOWN_SAVED } else { s::FILE_FAILED })));
    };
    let print = move |_| {
        let _ = window().print();
    };
    let field = move |get: fn(&SummaryDraft) -> String, set: fn(&mut SummaryDraft, String)| {
        (move || form.with(|f| get(f)), move |ev| form.update(|f| set(f, event_target_value(&ev))))
    };
    let (note_value, note_input) = field(|f| f.note.clone(), |f, v| f.note = v);
    let (name_value, name_input) = field(|f| f.first_name.clone(), |f, v| f.first_name = v);
    let (from_value, from_input) = field(|f| f.from.clone(), |f, v| f.from = v);
    let (to_value, to_input) = field(|f| f.to.clone(), |f, v| f.to = v);

    let periods = PERIODS.map(|(key, label)| {
        view! {
            <label class="choice">
                <input type="radio" name="summary-period" value=key prop:checked=move || form.with(|f| f.period == key)
                    on:change=move |_| form.update(|f| f.period = key.to_string())/>
                <span>{t(label)}</span>
            </label>
        }
    });
    let part_options = Part::ALL.iter().map(|p| (p.key().to_string(), p.title().to_string())).collect::<Vec<_>>();

    view! {
        <PageHeading title=t(s::PREPARE_SUMMARY) lead=t(s::ONE_PAGE_BRING_THERAPY)/>
        <FromStore>
        <section class="card no-print" aria-labelledby="choose-title">
            <h2 id="choose-title">{t(s::WHAT_INCLUDE)}</h2>
            <fieldset class="field">
                <legend>{t(s::PERIOD)}</legend>
                <div class="choices">{periods}</div>
            </fieldset>
            <Show when=move || form.with(|f| f.period == "between")>
                <div class="date-pair">
                    <label class="time-field" for="summary-from"><span>{t(s::FROM)}</span>
                        <input id="summary-from" type="date" prop:value=from_value on:input=from_input/></label>
                    <label class="time-field" for="summary-to"><span>{t(s::TO)}</span>
                        <input id="summary-to" type="date" prop:value=to_value on:input=to_input/></label>
                </div>
            </Show>
            <CheckChips legend=t(s::PARTS) options=part_options selected=parts/>
            <Show when=move || parts.with(|p| p.iter().any(|k| k == Part::Chosen.key()))>
                <EntryPicker form=form/>
            </Show>
            <div class="field">
                <label for="summary-note">{t(s::WHAT_D_LIKE_TALK)}</label>
                <textarea id="summary-note" rows="4" prop:value=note_value on:input=note_input></textarea>
                <DraftNote draft=draft/>
            </div>
            <div class="field">
                <label for="summary-name">{t(s::FIRST_NAME_OPTIONAL)}</label>
                <input id="summary-name" type="text" autocomplete="given-name" prop:value=name_value on:input=name_input/>
                <p class="muted small field-hint">{t(s::LEFT_EMPTY_SUMMARY_CARRIES)}</p>
            </div>
            <div class="actions">
                <button type="button" class="button" on:click=print>{t(s::PRINT_SAVE_PDF)}</button>
                <button type="button" class="button secondary" on:click=save_markdown>{t(s::DOWNLOAD_MARKDOWN)}</button>
            </div>
            <p class="small" role="status" hidden=move || said.with(Option::is_none)>{move || said.get().unwrap_or_default()}</p>
        </section>
        <h2 class="preview-title no-print" id="preview-title">{t(s::PREVIEW)}</h2>
        {move || view! { <preview::SummaryView summary=summary.get()/> }}
        </FromStore>
    }
}

/// Journal entries and reframes in the period, each with a box to include it
/// word for word. None is ticked until the person ticks it.
#[component]
fn EntryPicker(form: RwSignal<SummaryDraft>) -> impl IntoView {
    let db = use_db();
    let items = move || {
        let (journal, checks, reframes, steps) = (db.journal.get(), db.checks.get(), db.reframes.get(), db.steps.get());
        let records = Records { journal: &journal, checks: &checks, reframes: &reframes, steps: &steps, helped: &[], moments: &[] };
        let within = within_period(form.with(SummaryDraft::period), &records, now_ms(), &offset_minutes);
        let mut items: Vec<(i64, String, String)> = journal
            .iter()
            .filter(|e| within(e.at))
            .map(|e| (e.at, e.id.clone(), t_with(s::JOURNAL_FORMAT_DATE_SHORTEN, &[("date", &(format_date(e.at)).to_string()), ("text", &(shorten(&e.text, 90)).to_string())])))
            .collect();
        items.extend(
            reframes
                .iter()
                .filter(|r| within(r.created))
                .map(|r| (r.created, r.id.clone(), t_with(s::REFRAME_FORMAT_DATE_SHORTEN, &[("date", &(format_date(r.created)).to_string()), ("text", &(shorten(r.situation(), 90)).to_string())]))),
        );
        items.sort_by(|a, b| b.0.cmp(&a.0));
        items
    };
    // A long period can hold hundreds: the newest first, the rest on request.
    const FIRST: usize = 20;
    let show_all = RwSignal::new(false);
    view! {
        <fieldset class="field entry-picker">
            <legend>{t(s::ENTRIES_INCLUDE_WORD_WORD)}</legend>
            <p class="muted small">{t(s::NONE_INCLUDED_UNLESS_TICK)}</p>
            {move || {
                let list = items();
                if list.is_empty() {
                    return view! { <p>{t(s::NO_JOURNAL_ENTRIES_REFRAMES)}</p> }.into_any();
                }
                let hidden = if show_all.get() { 0 } else { list.len().saturating_sub(FIRST) };
                let shown = if hidden == 0 { usize::MAX } else { FIRST };
                let boxes = list.into_iter().take(shown).map(|(_, id, label)| {
                    let (checked_id, toggled_id) = (id.clone(), id);
                    view! {
                        <label class="choice">
                            <input type="checkbox" prop:checked=move || form.with(|f| f.chosen.contains(&checked_id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    form.update(|f| {
                                        f.chosen.retain(|c| *c != toggled_id);
                                        if on { f.chosen.push(toggled_id.clone()) }
                                    });
                                }/>
                            <span>{label}</span>
                        </label>
                    }
                }).collect_view();
                view! {
                    <div class="choices">{boxes}</div>
                    {(hidden > 0).then(|| view! {
                        <button type="button" class="button secondary small" on:click=move |_| show_all.set(true)>{t_with(s::SHOW_HIDDEN_OLDER, &[("hidden", &(hidden).to_string())])}</button>
                    })}
                }.into_any()
            }}
        </fieldset>
    }
}
