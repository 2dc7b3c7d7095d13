//! Writing or editing an entry. Only the text is required; everything is kept as
//! a draft while typing.

use leptos::prelude::*;
use crate::i18n::{k::journal as j, t};
use crate::ui::router::navigate;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use crate::ui::conflict::{Choice, ConflictPanel, Noun, Theirs};
use crate::domain::journal::{emotion_label, preview, Action, JournalEntry, Who, EMOTIONS, PROMPTS};
use crate::domain::time::{parse_datetime_in, to_datetime_local, MS_PER_MINUTE};
use crate::db::use_db;
use crate::storage::{Expect, SaveFailure, Stale};
use crate::clock::{now_ms, offset_minutes};
use crate::ui::browser::new_id;
use crate::ui::draft::{use_draft, DraftNote, UnfinishedDrafts};
use crate::ui::fields::{zero_to_ten, CheckChips, RadioScale};
use crate::ui::toast::{use_toasts, Toast};
use crate::ui::PageHeading;

/// The form's state, exactly as kept in the draft.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct EntryDraft {
    prompt: Option<String>,
    when: String,
    text: String,
    who: Vec<String>,
    emotions: Vec<String>,
    own_words: String,
    urge: Option<u8>,
    action: Option<u8>,
    /// For an edit: the `updated` of the copy it started from, so a save (or a
    /// draft reopened later) notices a newer copy saved elsewhere meanwhile.
    base: Option<i64>,
}

impl EntryDraft {
    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
            && self.own_words.trim().is_empty()
            && self.who.is_empty()
            && self.emotions.is_empty()
            && self.urge.is_none()
            && self.action.is_none()
    }

    fn from_entry(e: &JournalEntry) -> Self {
        EntryDraft {
            prompt: e.prompt.clone(),
            when: to_datetime_local(e.at, offset_minutes(e.at)),
            text: e.text.clone(),
            who: e.who.iter().map(|w| w.key().to_string()).collect(),
            emotions: e.emotions.clone(),
            own_words: e.own_words.clone(),
            urge: e.urge,
            action: e.action.and_then(|a| Action::ALL.iter().position(|x| *x == a)).map(|i| i as u8),
            base: Some(e.updated),
        }
    }

    fn preview(&self) -> String {
        let text = preview(&self.text, 80);
        if text.is_empty() { t(j::UNFINISHED_NO_TEXT).into() } else { text }
    }
}

/// One signal per field, so each control updates only itself.
#[derive(Clone, Copy)]
struct Fields {
    prompt: RwSignal<Option<String>>,
    when: RwSignal<String>,
    text: RwSignal<String>,
    who: RwSignal<Vec<String>>,
    emotions: RwSignal<Vec<String>>,
    own_words: RwSignal<String>,
    urge: RwSignal<Option<u8>>,
    action: RwSignal<Option<u8>>,
    base: RwSignal<Option<i64>>,
}

impl Fields {
    fn new(d: EntryDraft) -> Self {
        Fields {
            prompt: RwSignal::new(d.prompt),
            when: RwSignal::new(d.when),
            text: RwSignal::new(d.text),
            who: RwSignal::new(d.who),
            emotions: RwSignal::new(d.emotions),
            own_words: RwSignal::new(d.own_words),
            urge: RwSignal::new(d.urge),
            action: RwSignal::new(d.action),
            base: RwSignal::new(d.base),
        }
    }
    fn snapshot(&self) -> EntryDraft {
        EntryDraft {
            prompt: self.prompt.get(),
            when: self.when.get(),
            text: self.text.get(),
            who: self.who.get(),
            emotions: self.emotions.get(),
            own_words: self.own_words.get(),
            urge: self.urge.get(),
            action: self.action.get(),
            base: self.base.get(),
        }
    }
    fn restore(&self, d: EntryDraft) {
        self.prompt.set(d.prompt);
        if !d.when.is_empty() {
            self.when.set(d.when);
        }
        self.text.set(d.text);
        self.who.set(d.who);
        self.emotions.set(d.emotions);
        self.own_words.set(d.own_words);
        self.urge.set(d.urge);
        self.action.set(d.action);
        if d.base.is_some() {
            self.base.set(d.base);
        }
    }
}

const ENTRY: Noun = Noun { one: crate::i18n::k::ui::NOUN_ENTRY, as_new: crate::i18n::k::ui::NOUN_ENTRY_AS_NEW, editing: crate::i18n::k::ui::IN_FORM_BELOW };

#[component]
pub fn EntryForm(editing: Option<String>, prompt: Option<String>) -> impl IntoView {
    let db = use_db();
    let existing = editing.as_ref().and_then(|id| db.journal.with_untracked(|all| all.iter().find(|e| &e.id == id).cloned()));
    if editing.is_some() && existing.is_none() {
        return view! {
            <super::EntryGone/>
        }
        .into_any();
    }
    let now = now_ms();
    let start = match &existing {
        Some(e) => EntryDraft::from_entry(e),
        None => EntryDraft {
            prompt: prompt.filter(|p| crate::domain::journal::prompt(p).is_some()),
            when: to_datetime_local(now, offset_minutes(now)),
            ..EntryDraft::default()
        },
    };
    // A date left as shown keeps its exact moment: reading it back could move an
    // entry in the hour repeated when summer time ends, and would drop seconds.
    let (start_when, start_at) = (start.when.clone(), existing.as_ref().map_or(now, |e| e.at));
    let f = Fields::new(start.clone());
    let family = match &editing {
        Some(id) => format!("journal-edit-{id}"),
        None => "journal-new".to_string(),
    };
    // An edit left exactly as the entry is needs no draft.
    let unchanged = existing.is_some().then_some(start);
    let draft = use_draft(
        family,
        move || f.snapshot(),
        move |d| f.restore(d),
        move |d: &EntryDraft| d.is_blank() || unchanged.as_ref() == Some(d),
        EntryDraft::preview,
    );
    let id = existing.as_ref().map(|e| e.id.clone());
    // The stored copy, live: another tab's save or an import shows up here.
    let stored_updated = {
        let id = id.clone();
        Memo::new(move |_| id.as_ref().and_then(|id| db.journal.with(|all| all.iter().find(|e| &e.id == id).map(|e| e.updated))))
    };
    let is_edit = existing.is_some();
    let changed_elsewhere = move || is_edit && stored_updated.get() != f.base.get();

    let error = RwSignal::new(None::<String>);
    let conflict = RwSignal::new(None::<Stale<JournalEntry>>);
    let confirm_discard = RwSignal::new(false);
    let text_ref = NodeRef::<leptos::html::Textarea>::new();
    let toasts = use_toasts();

    // Builds the entry from the form, or says what is missing.
    let build = {
        let existing = existing.clone();
        move || -> Result<JournalEntry, String> {
            let d = f.snapshot();
            if d.text.trim().is_empty() {
                if let Some(t) = text_ref.get_untracked() {
                    let _ = t.unchecked_ref::<web_sys::HtmlElement>().focus();
                }
                return Err(t(j::WRITE_FEW_WORDS).into());
            }
            let now = now_ms();
            let at = if d.when == start_when { Some(start_at) } else { parse_datetime_in(&d.when, &offset_minutes, now) };
            let Some(at) = at else {
                return Err(t(j::CHOOSE_DATE_TIME).into());
            };
            if at > now + MS_PER_MINUTE {
                return Err(t(j::TIME_TO_COME).into());
            }
            Ok(JournalEntry {
                id: existing.as_ref().map_or_else(new_id, |e| e.id.clone()),
                at,
                created: existing.as_ref().map_or(now, |e| e.created),
                updated: now.max(d.base.unwrap_or(0) + 1),
                prompt: d.prompt,
                text: d.text,
                who: d.who.iter().filter_map(|k| Who::from_key(k)).collect(),
                emotions: d.emotions,
                own_words: d.own_words.trim().to_string(),
                urge: d.urge,
                action: d.action.and_then(|i| Action::ALL.get(usize::from(i)).copied()),
            })
        }
    };
    let commit = {
        move |entry: JournalEntry, expect: Expect| {
            let id = entry.id.clone();
            match db.save(entry, expect) {
                Ok(()) => {
                    error.set(None);
                    conflict.set(None);
                    draft.clear();
                    toasts.show(Toast { message: t(j::SAVED_ON_DEVICE).into(), undo: None });
                    navigate(&format!("/journal?entry={id}"));
                }
                Err(SaveFailure::Store(err)) => error.set(Some(draft.failure_message(err))),
                Err(SaveFailure::Stale(stale)) => {
                    error.set(None);
                    conflict.set(Some(stale));
                    crate::ui::focus_first(&["#conflict-title"]);
                }
            }
        }
    };
    let save = {
        let (build, commit) = (build.clone(), commit.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match build() {
                Err(why) => error.set(Some(why)),
                Ok(entry) => {
                    let expect = if is_edit { Expect::Updated(f.base.get_untracked().unwrap_or(0)) } else { Expect::Absent };
                    commit(entry, expect);
                }
            }
        }
    };
    // The person's answer when the entry changed under their edit.
    let resolve = {
        move |choice: Choice| {
            let Some(stale) = conflict.get_untracked() else { return };
            let Ok(mut mine) = build() else { return };
            match (choice, stale) {
                (Choice::KeepMine, Stale::Changed(Some(theirs))) => {
                    mine.updated = mine.updated.max(theirs.updated + 1);
                    f.base.set(Some(theirs.updated));
                    commit(mine, Expect::Updated(theirs.updated));
                }
                (Choice::KeepMine, _) => commit(mine, Expect::Absent),
                (Choice::KeepBoth, _) => {
                    let now = now_ms();
                    commit(JournalEntry { id: new_id(), created: now, updated: now, ..mine }, Expect::Absent);
                }
                (Choice::KeepTheirs, stale) => {
                    draft.clear();
                    match stale {
                        Stale::Deleted => navigate("/journal"),
                        _ => navigate(&format!("/journal?entry={}", mine.id)),
                    }
                }
            }
        }
    };
    let discard = move |_| {
        draft.clear();
        navigate("/journal");
    };

    let prompt_choices = PROMPTS
        .iter()
        .map(|p| (Some(p.id.to_string()), t(p.text)))
        .chain([(None, t(j::BLANK_PAGE))])
        .map(|(value, label)| {
            let v = value.clone();
            view! {
                <label class="choice">
                    <input type="radio" name="prompt" prop:checked=move || f.prompt.get() == v
                        on:change=move |_| f.prompt.set(value.clone())/>
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    let text_label = move || {
        f.prompt.get().as_deref().and_then(crate::domain::journal::prompt).map_or(t(j::WHAT_HAPPENED), |p| t(p.text))
    };
    let title = if existing.is_some() { t(j::EDIT_ENTRY) } else { t(j::NEW_ENTRY) };

    view! {
        <PageHeading title=title/>
        <UnfinishedDrafts draft=draft
            what=if existing.is_some() { crate::i18n::k::drafts::EDITS } else { crate::i18n::k::drafts::ENTRIES }/>
        <Show when=move || changed_elsewhere() && conflict.get().is_none()>
            <p class="notice warn" role="status" data-testid="changed-elsewhere">
                {t(j::ENTRY_HAS_BEEN_CHANGED)}
            </p>
        </Show>
        {move || conflict.get().map(|stale| view! {
            <ConflictPanel stale=stale.map(|t| Theirs { updated: t.updated, text: t.text }) noun=ENTRY resolve=resolve.clone()/>
        })}
        <form class="entry-form" on:submit=save novalidate>
            <details class="field prompt-picker" open=existing.is_none() && f.prompt.get_untracked().is_none()>
                <summary>{t(j::START_FROM_PROMPT)}</summary>
                <fieldset>
                    <legend class="visually-hidden">{t(j::START_FROM_PROMPT)}</legend>
                    <div class="choices">{prompt_choices}</div>
                </fieldset>
            </details>
            <div class="field">
                <label for="entry-text" class="label-strong">{text_label}</label>
                <textarea id="entry-text" rows="8" node_ref=text_ref
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby="entry-error"
                    prop:value=move || f.text.get()
                    on:input=move |ev| f.text.set(event_target_value(&ev))></textarea>
                <p class="muted small">{t(j::ONLY_NEEDED_EVERYTHING_BELOW)}</p>
            </div>
            <div class="field">
                <label for="entry-when">{t(j::WHEN_DID_HAPPEN)}</label>
                <input id="entry-when" type="datetime-local" prop:value=move || f.when.get()
                    on:input=move |ev| f.when.set(event_target_value(&ev))/>
            </div>
            <CheckChips legend=t(j::WHO_WAS_INVOLVED)
                options=Who::ALL.iter().map(|w| (w.key().to_string(), w.label().to_string())).collect()
                selected=f.who/>
            <CheckChips legend=t(j::WHAT_DID_FEEL)
                options=EMOTIONS.iter().map(|e| (e.to_string(), emotion_label(e).to_string())).collect()
                selected=f.emotions/>
            <div class="field">
                <label for="entry-own-words">{t(j::OWN_WORDS_SEPARATE_COMMAS)}</label>
                <input id="entry-own-words" type="text" prop:value=move || f.own_words.get()
                    on:input=move |ev| f.own_words.set(event_target_value(&ev))/>
            </div>
            <RadioScale legend=t(j::HOW_STRONG_WAS_URGE) name="urge"
                options=zero_to_ten() value=f.urge ends=(j::URGE_NONE, j::URGE_OVERWHELMING)/>
            <RadioScale legend=t(j::WHAT_DID_DO) name="action" wide=true
                options=Action::ALL.iter().enumerate().map(|(i, a)| (i as u8, a.label().to_string())).collect()
                value=f.action/>
            <p id="entry-error" class="notice error" role="alert" hidden=move || error.get().is_none()>
                {move || error.get()}
            </p>
            <div class="actions form-actions">
                <button type="submit" class="button">{t(j::SAVE_ENTRY)}</button>
                <Show when=move || !confirm_discard.get()
                    fallback=move || view! {
                        <span class="confirm-inline">
                            {t(j::DISCARD_WHAT_WROTE_HERE)}
                            <button type="button" class="button danger" on:click=discard.clone()>{t(j::DISCARD)}</button>
                            <button type="button" class="button secondary" on:click=move |_| confirm_discard.set(false)>{t(j::KEEP_WRITING)}</button>
                        </span>
                    }>
                    <button type="button" class="button secondary" on:click=move |_| confirm_discard.set(true)>
                        {if existing.is_some() { t(j::CANCEL_EDITING) } else { t(j::DISCARD_DRAFT) }}
                    </button>
                </Show>
            </div>
            <DraftNote draft=draft/>
        </form>
    }
    .into_any()
}
