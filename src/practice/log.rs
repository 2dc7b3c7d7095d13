//! Logging how a planned step went, at /practice?log=ID: did it happen, how
//! uncomfortable it really was, and a note. "Not yet" is always fine.

use leptos::prelude::*;
use crate::i18n::{k::practice as pr, t, t_with};
use crate::ui::router::navigate;
use serde::{Deserialize, Serialize};

use super::EXPECT_ENDS;
use crate::domain::practice::{Outcome, PlannedStep};
use crate::db::use_db;
use crate::storage::{Expect, SaveFailure, Stale};
use crate::clock::now_ms;
use crate::ui::browser::new_id;
use crate::ui::conflict::{Choice, ConflictPanel, Noun, Theirs};
use crate::ui::draft::use_draft;
use crate::ui::fields::{zero_to_ten, RadioScale};
use crate::ui::toast::{use_toasts, Toast};
use crate::ui::{GoneCard, PageHeading};

#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct LogDraft {
    done: Option<u8>,
    actual: Option<u8>,
    note: String,
}

const STEP: Noun = Noun { one: crate::i18n::k::ui::NOUN_STEP, as_new: crate::i18n::k::ui::NOUN_STEP_AS_NEW, editing: crate::i18n::k::ui::IN_FORM_BELOW };

/// The other version of the step, in words: the step, and how it was logged there.
fn their_text(step: &PlannedStep) -> String {
    match &step.outcome {
        None => t_with(pr::NOT_LOGGED, &[("step", &step.text)]),
        Some(o) if !o.done => t_with(pr::LOGGED_NOT_YET, &[("step", &step.text)]),
        Some(o) if o.note.is_empty() => t_with(pr::LOGGED_DONE, &[("step", &step.text)]),
        Some(o) => t_with(pr::LOGGED_DONE_NOTE, &[("step", &step.text), ("note", &o.note)]),
    }
}

#[component]
pub fn LogStep(id: String) -> impl IntoView {
    let db = use_db();
    let Some(step) = db.steps.with_untracked(|all| all.iter().find(|s| s.id == id).cloned()) else {
        return view! { <GoneCard title=t(pr::STEP_NOT_FOUND) text=t(pr::STEP_NO_LONGER_HERE) back="/practice" back_label=t(pr::BACK_SMALL_STEPS)/> }.into_any();
    };
    let toasts = use_toasts();
    let done = RwSignal::new(None::<u8>);
    let actual = RwSignal::new(None::<u8>);
    let note = RwSignal::new(String::new());
    let draft = use_draft(
        format!("practice-log-{id}"),
        move || LogDraft { done: done.get(), actual: actual.get(), note: note.get() },
        move |d: LogDraft| {
            done.set(d.done);
            actual.set(d.actual);
            note.set(d.note);
        },
        |d: &LogDraft| d.done.is_none() && d.actual.is_none() && d.note.trim().is_empty(),
        |d: &LogDraft| if d.note.trim().is_empty() { t(pr::BEGUN_NO_NOTE).into() } else { crate::domain::journal::preview(&d.note, 80) },
    );
    let error = RwSignal::new(None::<String>);
    let not_yet = RwSignal::new(false);
    let conflict = RwSignal::new(None::<Stale<PlannedStep>>);
    // Whether the log being saved says the step was done: what happens after
    // a save, even one made from the conflict panel, depends on it.
    let done_it = RwSignal::new(true);

    // The step with this log, as a save would store it.
    let build = {
        let step = step.clone();
        move || {
            let now = now_ms();
            let done_it = done_it.get_untracked();
            PlannedStep {
                updated: now.max(step.updated + 1),
                outcome: Some(Outcome {
                    logged_at: now,
                    done: done_it,
                    actual: if done_it { actual.get_untracked() } else { None },
                    note: note.get_untracked().trim().to_string(),
                }),
                ..step.clone()
            }
        }
    };
    let commit = move |s: PlannedStep, expect: Expect| match db.save(s, expect) {
        Ok(()) => {
            draft.clear();
            conflict.set(None);
            if done_it.get_untracked() {
                toasts.show(Toast { message: t(pr::LOGGED_COURAGE).into(), undo: None });
                navigate("/practice");
            } else {
                navigate("/practice#plan");
            }
        }
        Err(SaveFailure::Stale(stale)) => {
            error.set(None);
            conflict.set(Some(stale));
            crate::ui::focus_first(&["#conflict-title"]);
        }
        Err(SaveFailure::Store(err)) => error.set(Some(draft.failure_message(err))),
    };
    let record = {
        let (build, updated) = (build.clone(), step.updated);
        move |done: bool| {
            done_it.set(done);
            commit(build(), Expect::Updated(updated));
        }
    };
    // The person's answer when the step changed, or could not be read, under this log.
    let resolve = {
        let build = build.clone();
        move |choice: Choice| {
            let Some(stale) = conflict.get_untracked() else { return };
            let mine = build();
            match (choice, stale) {
                (Choice::KeepMine, Stale::Changed(Some(theirs))) => {
                    let updated = mine.updated.max(theirs.updated + 1);
                    commit(PlannedStep { updated, ..mine }, Expect::Updated(theirs.updated));
                }
                (Choice::KeepMine, _) => commit(mine, Expect::Absent),
                (Choice::KeepBoth, _) => {
                    let now = now_ms();
                    commit(PlannedStep { id: new_id(), created: now, updated: now, ..mine }, Expect::Absent);
                }
                (Choice::KeepTheirs, _) => {
                    draft.clear();
                    navigate("/practice");
                }
            }
        }
    };
    let save = {
        let record = record.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match done.get_untracked() {
                None => error.set(Some(t(pr::DID_YOU_TAKE).into())),
                Some(1) => {
                    error.set(None);
                    not_yet.set(true);
                    crate::ui::focus_first(&["#not-yet-title"]);
                }
                Some(_) => record(true),
            }
        }
    };
    let keep = {
        move |_| {
            draft.clear();
            navigate("/practice");
        }
    };
    let smaller = move |_| record(false);

    view! {
        <PageHeading title=t(pr::HOW_DID_GO)/>
        {move || conflict.get().map(|stale| view! {
            <ConflictPanel stale=stale.map(|t| Theirs { updated: t.updated, text: their_text(&t) }) noun=STEP resolve=resolve.clone()/>
        })}
        <section class="card">
            <p class="step-text">{step.text.clone()}</p>
            <form on:submit=save novalidate>
                <RadioScale legend=t(pr::DID_TAKE_STEP) name="done" wide=true
                    options=vec![(0, t(pr::YES_DID).to_string()), (1, t(pr::NOT_YET).to_string())] value=done/>
                <Show when=move || done.get() == Some(0)>
                    <RadioScale legend=t(pr::HOW_UNCOMFORTABLE_WAS_REALLY) name="actual" options=zero_to_ten() value=actual ends=EXPECT_ENDS/>
                    <p class="muted small">{t_with(pr::EXPECTED_BEFORE, &[("expected", &step.expected.to_string())])}</p>
                </Show>
                <div class="field">
                    <label for="log-note">{t(pr::WHAT_HAPPENED_HOW_DID)}</label>
                    <textarea id="log-note" rows="4" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                </div>
                <p class="notice error" role="alert" hidden=move || error.get().is_none()>{move || error.get()}</p>
                <Show when=move || !not_yet.get()>
                    <button type="submit" class="button">{t(pr::SAVE)}</button>
                </Show>
            </form>
            <Show when=move || not_yet.get()>
                <div class="notice" role="status">
                    <h2 id="not-yet-title" tabindex="-1">{t(pr::NOT_YET_COMPLETELY_FINE)}</h2>
                    <p>{t(pr::STEPS_LIKE_TAKE_COURAGE)}</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=keep.clone()>{t(pr::KEEP_ANOTHER_DAY)}</button>
                        <button type="button" class="button secondary" on:click=smaller.clone()>{t(pr::CHOOSE_SMALLER_STEP)}</button>
                    </div>
                </div>
            </Show>
        </section>
    }
    .into_any()
}
