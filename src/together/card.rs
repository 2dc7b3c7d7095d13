//! A card for the person one pulls away from: written here (`?card=new`,
//! `?card=ID&edit`), then read as a calm card (`?card=ID`) to print, share
//! through the phone's share sheet, or copy. Sharing it is a small act of
//! openness, so the card offers to log it as a step.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::clock::now_ms;
use crate::db::use_db;
use crate::domain::card::{card_text, with_example, Card, EXAMPLES, PROMPTS};
use crate::i18n::{k::card as c, t, t_with};
use crate::storage::{Expect, SaveFailure, Stale};
use crate::ui::browser::{format_date, new_id};
use crate::ui::conflict::{Choice, ConflictPanel, Noun, Theirs};
use crate::ui::draft::{use_draft, DraftNote, UnfinishedDrafts};
use crate::ui::router::navigate;
use crate::ui::toast::{use_toasts, Toast};
use crate::ui::{link, GoneCard, PageHeading};

const CARD: Noun = Noun { one: crate::i18n::k::ui::NOUN_CARD, as_new: crate::i18n::k::ui::NOUN_CARD_AS_NEW, editing: crate::i18n::k::ui::IN_FORM_BELOW };

fn prompts() -> [&'static str; 5] {
    PROMPTS.map(t)
}

/// The card's heading: "For Sam", or a plain one when it names no one.
pub fn heading(card: &Card) -> String {
    match card.for_whom.trim() {
        "" => t(c::HEADING).to_string(),
        name => t_with(c::FOR_HEADING, &[("name", name)]),
    }
}

/// The card as plain text, as shared and copied.
pub fn text_of(card: &Card) -> String {
    card_text(card, &heading(card), &prompts())
}

/// The person's cards, newest first, on Between two people.
#[component]
pub fn CardsSection() -> impl IntoView {
    let db = use_db();
    let cards = move || {
        let mut all = db.later::<Card>();
        all.sort_by(|a, b| b.updated.cmp(&a.updated));
        (!all.is_empty()).then(|| {
            let rows = all
                .into_iter()
                .map(|card| view! {
                    <li><a class="entry-card" href=link(&format!("/together?card={}", card.id))>
                        <span class="entry-meta"><span>{t_with(c::UPDATED_ON, &[("date", &format_date(card.updated))])}</span></span>
                        <span class="entry-preview">{heading(&card)}</span>
                    </a></li>
                })
                .collect_view();
            view! { <h3>{t(c::YOUR_CARDS)}</h3><ul class="entry-list">{rows}</ul> }
        })
    };
    view! {
        <section class="card" id="card" aria-labelledby="card-title">
            <h2 id="card-title">{t(crate::i18n::k::together::CARD_TITLE)}</h2>
            <p>{t(crate::i18n::k::together::CARD_LEAD)}</p>
            {cards}
            <a class="button secondary" href=link("/together?card=new")>{t(crate::i18n::k::together::CARD_WRITE)}</a>
        </section>
    }
}

/// The form's state, exactly as kept in the draft.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct CardDraft {
    for_whom: String,
    answers: Vec<String>,
    /// The `updated` of the stored card this edit started from.
    base: Option<i64>,
}

impl CardDraft {
    fn is_blank(&self) -> bool {
        self.for_whom.trim().is_empty() && self.answers.iter().all(|a| a.trim().is_empty())
    }
    fn preview(&self) -> String {
        let first = self.answers.iter().find(|a| !a.trim().is_empty()).map_or("", |a| a.trim());
        crate::domain::journal::preview(first, 60)
    }
}

#[component]
pub fn CardForm(editing: Option<String>) -> impl IntoView {
    let db = use_db();
    let existing = editing.as_ref().and_then(|id| db.later_untracked::<Card>().into_iter().find(|c| &c.id == id));
    if editing.is_some() && existing.is_none() {
        return view! { <CardGone/> }.into_any();
    }
    let start = existing.as_ref().map_or_else(
        || CardDraft { answers: vec![String::new(); PROMPTS.len()], ..CardDraft::default() },
        |c| CardDraft { for_whom: c.for_whom.clone(), answers: c.answers.clone(), base: Some(c.updated) },
    );
    let for_whom = RwSignal::new(start.for_whom.clone());
    let answers: [RwSignal<String>; 5] = std::array::from_fn(|i| RwSignal::new(start.answers.get(i).cloned().unwrap_or_default()));
    let base = RwSignal::new(start.base);
    let snapshot = move || CardDraft { for_whom: for_whom.get(), answers: answers.iter().map(|a| a.get()).collect(), base: base.get() };
    let family = match &editing {
        Some(id) => format!("card-edit-{id}"),
        None => "card-new".to_string(),
    };
    let unchanged = existing.is_some().then_some(start);
    let draft = use_draft(
        family,
        snapshot,
        move |d: CardDraft| {
            for_whom.set(d.for_whom);
            for (field, answer) in answers.iter().zip(d.answers) {
                field.set(answer);
            }
            base.set(d.base);
        },
        move |d: &CardDraft| d.is_blank() || unchanged.as_ref() == Some(d),
        CardDraft::preview,
    );
    let error = RwSignal::new(None::<String>);
    let conflict = RwSignal::new(None::<Stale<Card>>);
    let toasts = use_toasts();
    let created = existing.as_ref().map(|c| (c.id.clone(), c.created));
    let is_edit = created.is_some();

    let build = StoredValue::new(move || -> Result<Card, String> {
        let d = snapshot();
        if d.answers.iter().all(|a| a.trim().is_empty()) {
            crate::ui::focus_first(&["#card-answer-0"]);
            return Err(t(c::NEEDS_WORDS).into());
        }
        let now = now_ms();
        let (id, created) = created.clone().unwrap_or_else(|| (new_id(), now));
        let card = Card {
            id,
            created,
            updated: now.max(d.base.unwrap_or(0) + 1),
            for_whom: d.for_whom.trim().to_string(),
            answers: d.answers.iter().map(|a| a.trim().to_string()).collect(),
        };
        crate::domain::records::Record::validate(&card)?;
        Ok(card)
    });
    let build = move || build.with_value(|b| b());
    let commit = move |card: Card, expect: Expect| {
        let id = card.id.clone();
        match db.save_later(card, expect) {
            Ok(()) => {
                error.set(None);
                conflict.set(None);
                draft.clear();
                toasts.show(Toast { message: t(c::SAVED).into(), undo: None });
                navigate(&format!("/together?card={id}"));
            }
            Err(SaveFailure::Store(err)) => error.set(Some(draft.failure_message(err))),
            Err(SaveFailure::Stale(stale)) => {
                error.set(None);
                conflict.set(Some(stale));
                crate::ui::focus_first(&["#conflict-title"]);
            }
        }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match build() {
            Err(why) => error.set(Some(why)),
            Ok(card) => commit(card, if is_edit { Expect::Updated(base.get_untracked().unwrap_or(0)) } else { Expect::Absent }),
        }
    };
    let resolve = move |choice: Choice| {
        let Some(stale) = conflict.get_untracked() else { return };
        let Ok(mut mine) = build() else { return };
        match (choice, stale) {
            (Choice::KeepMine, Stale::Changed(Some(theirs))) => {
                mine.updated = mine.updated.max(theirs.updated + 1);
                base.set(Some(theirs.updated));
                commit(mine, Expect::Updated(theirs.updated));
            }
            (Choice::KeepMine, _) => commit(mine, Expect::Absent),
            (Choice::KeepBoth, _) => {
                let now = now_ms();
                commit(Card { id: new_id(), created: now, updated: now, ..mine }, Expect::Absent);
            }
            (Choice::KeepTheirs, stale) => {
                draft.clear();
                match stale {
                    Stale::Deleted => navigate("/together#card"),
                    _ => navigate(&format!("/together?card={}", mine.id)),
                }
            }
        }
    };
    let discard = move |_| {
        draft.clear();
        navigate("/together#card");
    };
    let fields = PROMPTS
        .iter()
        .zip(EXAMPLES)
        .zip(answers)
        .enumerate()
        .map(|(i, ((prompt, examples), answer))| {
            let id = format!("card-answer-{i}");
            let ideas = examples
                .map(|example| view! {
                    <li>
                        <span>{t(example)}</span>" "
                        <button type="button" class="button secondary small" aria-label=format!("{}: {}", t(c::USE_EXAMPLE), t(example))
                            on:click=move |_| answer.update(|a| *a = with_example(a, t(example)))>{t(c::USE_EXAMPLE)}</button>
                    </li>
                })
                .collect_view();
            view! {
                <div class="field">
                    <label for=id.clone() class="label-strong">{t(*prompt)}</label>
                    <textarea id=id rows="3" prop:value=move || answer.get() on:input=move |ev| answer.set(event_target_value(&ev))></textarea>
                    <details class="examples">
                        <summary>{t(c::EXAMPLES)}</summary>
                        <ul class="example-list">{ideas}</ul>
                    </details>
                </div>
            }
        })
        .collect_view();
    let title = if is_edit { t(c::EDIT_TITLE) } else { t(c::NEW_TITLE) };
    view! {
        <PageHeading title=title lead=t(c::LEAD)/>
        <UnfinishedDrafts draft=draft what=crate::i18n::k::drafts::CARDS/>
        {move || conflict.get().map(|stale| view! {
            <ConflictPanel stale=stale.map(|card| Theirs { updated: card.updated, text: text_of(&card) }) noun=CARD resolve=resolve.clone()/>
        })}
        <form class="flow card-form" on:submit=save novalidate>
            <div class="field">
                <label for="card-for">{t(c::FOR_WHOM)}</label>
                <input id="card-for" type="text" autocomplete="off" maxlength="80" aria-describedby="card-for-hint"
                    prop:value=move || for_whom.get() on:input=move |ev| for_whom.set(event_target_value(&ev))/>
                <p class="muted small" id="card-for-hint">{t(c::FOR_WHOM_HINT)}</p>
            </div>
            {fields}
            <p class="notice error" role="alert" hidden=move || error.get().is_none()>{move || error.get()}</p>
            <DraftNote draft=draft/>
            <div class="actions">
                <button type="submit" class="button">{t(c::SAVE)}</button>
                <button type="button" class="button secondary" on:click=discard>
                    {if is_edit { t(c::CANCEL) } else { t(c::DISCARD) }}
                </button>
            </div>
        </form>
    }
    .into_any()
}

#[component]
fn CardGone() -> impl IntoView {
    view! { <GoneCard title=t(c::NOT_FOUND) text=t(c::NO_LONGER_HERE) back="/together#card" back_label=t(c::BACK_LIST)/> }
}

/// The card as it reads, with what can be done with it.
#[component]
pub fn CardPreview(id: String) -> impl IntoView {
    let db = use_db();
    let toasts = use_toasts();
    let said = RwSignal::new(None::<crate::i18n::Key>);
    let offered = RwSignal::new(false);
    let card = {
        let id = id.clone();
        Memo::new(move |_| db.later::<Card>().into_iter().find(|c| c.id == id))
    };
    let share = move |_| {
        let Some(card) = card.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            let shared = crate::ui::browser::share_text(&heading(&card), &text_of(&card)).await;
            said.set(Some(match shared {
                Some(true) => c::SHARED,
                Some(false) => c::SHARE_CANCELLED,
                None => c::COPY_FAILED,
            }));
            offered.update(|o| *o |= shared == Some(true));
        });
    };
    let copy = move |_| {
        let Some(card) = card.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            let copied = crate::ui::browser::copy_text(&text_of(&card)).await;
            said.set(Some(if copied { c::COPIED } else { c::COPY_FAILED }));
            offered.update(|o| *o |= copied);
        });
    };
    let delete = move |_| {
        let Some(card) = card.get_untracked() else { return };
        match db.delete_later(crate::domain::card::KIND, &card.id) {
            Ok(removed) => {
                let undo = removed.map(|removed| -> crate::ui::toast::Undo {
                    std::sync::Arc::new(move || {
                        let message = match db.restore_later(&removed) {
                            Ok(()) => t(crate::i18n::k::helped::BACK).to_string(),
                            Err(SaveFailure::Stale(_)) => t(crate::i18n::k::helped::NOT_RESTORED).to_string(),
                            Err(SaveFailure::Store(e)) => e.message(),
                        };
                        toasts.show(Toast { message, undo: None });
                    })
                });
                toasts.show(Toast { message: t(c::DELETED).into(), undo });
                navigate("/together#card");
            }
            Err(e) => toasts.show(Toast { message: e.message(), undo: None }),
        }
    };
    let can_share = crate::ui::browser::can_share_text();
    move || {
        let Some(card) = card.get() else { return view! { <CardGone/> }.into_any() };
        let prompts = prompts();
        let lines = crate::domain::card::answered(&card, &prompts)
            .into_iter()
            .map(|(prompt, answer)| view! { <dt>{prompt.to_string()}</dt><dd class="user-text">{answer.to_string()}</dd> })
            .collect_view();
        view! {
            <PageHeading title=t(crate::i18n::k::together::CARD_TITLE) lead=t(c::PREVIEW_LEAD)/>
            <article class="card shared-card" aria-labelledby="shared-card-title">
                <h2 id="shared-card-title" class="user-text">{heading(&card)}</h2>
                <dl>{lines}</dl>
            </article>
            <div class="actions no-print">
                {can_share.then(|| view! { <button type="button" class="button" on:click=share>{t(c::SHARE)}</button> })}
                <button type="button" class=if can_share { "button secondary" } else { "button" } on:click=copy>{t(c::COPY)}</button>
                <button type="button" class="button secondary" on:click=move |_| { let _ = window().print(); }>{t(c::PRINT)}</button>
                <a class="button secondary" href=link(&format!("/together?card={}&edit", card.id))>{t(c::EDIT)}</a>
            </div>
            <p class="no-print" role="status">{move || said.get().map(t)}</p>
            {let name = card.for_whom.clone(); move || offered.get().then(|| view! { <super::log_shared::LogShared for_whom=name.clone()/> })}
            <div class="actions no-print">
                <button type="button" class="button secondary small" on:click=delete>{t(c::DELETE)}</button>
                <a class="button secondary small" href=link("/together#card")>{t(c::BACK_LIST)}</a>
            </div>
        }
        .into_any()
    }
}
