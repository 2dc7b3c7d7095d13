//! Small steps at /practice: plan one small act of openness, log how it went, and
//! see progress without streaks or guilt. `?step=ID` preselects a library step,
//! `?plan=TEXT` fills in your own (from a reframe), `?log=ID` logs a planned step.

mod log;

use leptos::prelude::*;
use crate::i18n::{k::practice as pr, t, t_with};
use crate::ui::router::use_query;
use serde::{Deserialize, Serialize};

use crate::domain::practice::{
    current_step, describe_when, discomfort_sentence, library_step, parse_when, progress, CustomStep, PlannedStep, CLOSING_QUESTION, GROUPS,
    LIBRARY,
};
use crate::domain::time::month_year;
use crate::domain::words::plural;
use crate::db::use_db;
use crate::clock::{now_ms, offset_minutes};
use crate::ui::browser::{format_date, new_id};
use crate::ui::chart::PairChart;
use crate::storage::Expect;
use crate::ui::draft::{use_draft, UnfinishedDrafts};
use crate::ui::fields::{zero_to_ten, RadioScale};
use crate::ui::toast::{use_toasts, Toast};
use crate::ui::{link, FromStore, PageHeading};

const EXPECT_ENDS: (crate::i18n::Key, crate::i18n::Key) = (pr::EXPECT_NOT_AT_ALL, pr::EXPECT_VERY);

#[component]
pub fn PracticePage() -> impl IntoView {
    let query = use_query();
    move || {
        let q = query.get();
        match q.get("log") {
            Some(id) => view! { <log::LogStep id=id/> }.into_any(),
            None => view! {
                <PageHeading title=t(pr::SMALL_STEPS) lead=t(pr::ONE_SMALL_ACT_OPENNESS)/>
                <FromStore>
                    <KeepLatest/>
                    <CurrentStep/>
                    <PlanStep preselect=q.get("step") own=q.get("plan")/>
                    <Progress/>
                    <crate::reminders::Reminders/>
                </FromStore>
            }
            .into_any(),
        }
    }
}

/// The step logged last, when it was taken this week and went better than
/// feared, and is not kept yet: offered for "What has helped you".
#[component]
fn KeepLatest() -> impl IntoView {
    use crate::domain::helped::{already_kept, went_better_than_feared, Source};
    let db = use_db();
    let now = now_ms();
    let latest = db.steps.with_untracked(|all| all.iter().filter(|s| s.outcome.is_some()).max_by_key(|s| s.outcome.as_ref().map(|o| o.logged_at)).cloned());
    latest
        .filter(|s| went_better_than_feared(s) && s.outcome.as_ref().is_some_and(|o| now - o.logged_at < 7 * crate::domain::time::MS_PER_DAY))
        .filter(|s| !already_kept(&db.later_untracked::<crate::domain::helped::Helped>(), Source::Step, &s.id))
        .map(|s| view! {
            <section class="card keep-card" aria-labelledby="keep-title">
                <h2 id="keep-title">{t(crate::i18n::k::helped::WENT_BETTER_TITLE)}</h2>
                <p class="step-text">{s.text.clone()}</p>
                <crate::together::KeepThis source=Source::Step source_id=s.id.clone() offer=s.text.trim().to_string()/>
            </section>
        })
}

/// The step planned and not yet logged, if any.
#[component]
pub fn CurrentStep() -> impl IntoView {
    let db = use_db();
    move || {
        db.steps.with(|all| current_step(all).cloned()).map(|s| {
            let planned_for = s.planned_for();
            view! {
            <section class="card today" aria-labelledby="today-title">
                <h2 id="today-title">{t(pr::SMALL_STEP)}</h2>
                <p class="step-text">{s.text.clone()}</p>
                {(!s.with_whom.is_empty()).then(|| view! { <p class="muted">{t(pr::WITH)} {s.with_whom.clone()}</p> })}
                {planned_for.map(|at| view! { <p class="step-when">{t_with(pr::PLANNED_FOR, &[("when", &describe_when(&at))])}</p> })}
                <p class="muted small">{t_with(pr::CHOSEN_ON, &[("date", &format_date(s.created)), ("expected", &s.expected.to_string())])}</p>
                <div class="actions">
                    <a class="button" href=link(&format!("/practice?log={}", s.id))>{t(pr::LOG_HOW_WENT)}</a>
                    {planned_for.map(|at| view! { <crate::reminders::StepInCalendar at=at/> })}
                </div>
            </section>
            }
        })
    }
}

#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct PlanDraft {
    choice: Option<String>,
    own: String,
    with_whom: String,
    expected: Option<u8>,
    when: String,
}

#[component]
fn PlanStep(preselect: Option<String>, own: Option<String>) -> impl IntoView {
    let db = use_db();
    let toasts = use_toasts();
    // A link from a reframe or the library opens a new plan of its own; any plan
    // already begun keeps its own draft and is offered, never replaced.
    let initial = PlanDraft { choice: preselect.filter(|id| library_step(id).is_some()), own: own.unwrap_or_default(), ..PlanDraft::default() };
    let choice = RwSignal::new(initial.choice.clone());
    let own_text = RwSignal::new(initial.own.clone());
    let with_whom = RwSignal::new(String::new());
    let expected = RwSignal::new(None::<u8>);
    let when = RwSignal::new(String::new());
    let draft = use_draft(
        "practice-plan".to_string(),
        move || PlanDraft { choice: choice.get(), own: own_text.get(), with_whom: with_whom.get(), expected: expected.get(), when: when.get() },
        move |d: PlanDraft| {
            choice.set(d.choice);
            own_text.set(d.own);
            with_whom.set(d.with_whom);
            expected.set(d.expected);
            when.set(d.when);
        },
        move |d: &PlanDraft| *d == initial || *d == PlanDraft::default(),
        |d: &PlanDraft| {
            let text = if d.own.trim().is_empty() { d.choice.as_deref().and_then(library_step).map(|s| t(s.text)) } else { Some(d.own.trim()) };
            text.map_or_else(|| t(pr::PLANNING_STEP).to_string(), |text| crate::domain::journal::preview(text, 80))
        },
    );
    let error = RwSignal::new(None::<String>);
    let new_custom = RwSignal::new(String::new());

    let chosen_text = move || -> Option<(Option<String>, String)> {
        let own = own_text.get_untracked();
        if !own.trim().is_empty() {
            return Some((None, own.trim().to_string()));
        }
        let id = choice.get_untracked()?;
        if let Some(step) = library_step(&id) {
            return Some((Some(id), step.text.to_string()));
        }
        db.custom_steps.with_untracked(|c| c.iter().find(|s| s.id == id).map(|s| (None, s.text.clone())))
    };
    let plan = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((library_id, text)) = chosen_text() else {
            error.set(Some(t(pr::CHOOSE_STEP).into()));
            return;
        };
        let Some(expected_value) = expected.get_untracked() else {
            error.set(Some(t(pr::HOW_UNCOMFORTABLE).into()));
            return;
        };
        let when_value = Some(when.get_untracked().trim().to_string()).filter(|w| !w.is_empty());
        if when_value.as_deref().is_some_and(|w| parse_when(w).is_none()) {
            error.set(Some(t(pr::DAY_AND_TIME).into()));
            return;
        }
        let now = now_ms();
        let step = PlannedStep {
            id: new_id(),
            created: now,
            updated: now,
            library_id,
            text,
            with_whom: with_whom.get_untracked().trim().to_string(),
            expected: expected_value,
            outcome: None,
            when: when_value,
        };
        match db.save(step, Expect::Absent) {
            Ok(()) => {
                draft.clear();
                error.set(None);
                choice.set(None);
                own_text.set(String::new());
                with_whom.set(String::new());
                expected.set(None);
                when.set(String::new());
                toasts.show(Toast { message: t(pr::PLANNED_COME_BACK).into(), undo: None });
                crate::ui::focus_first(&["#today-title"]);
            }
            Err(failure) => error.set(Some(draft.new_record_failure(failure))),
        }
    };
    let add_custom = move |_| {
        let text = new_custom.get_untracked().trim().to_string();
        if text.is_empty() {
            return;
        }
        let step = CustomStep { id: new_id(), created: now_ms(), text };
        let id = step.id.clone();
        if db.save(step, Expect::Absent).is_ok() {
            new_custom.set(String::new());
            choice.set(Some(id));
        }
    };

    let option = move |id: String, text: String, why: Option<&'static str>| {
        let v = id.clone();
        view! {
            <label class="choice">
                <input type="radio" name="step-choice" prop:checked=move || choice.get().as_deref() == Some(v.as_str())
                    on:change=move |_| { choice.set(Some(id.clone())); own_text.set(String::new()); }/>
                <span>{text}{why.map(|w| view! { <small class="why-line">{w}</small> })}</span>
            </label>
        }
    };
    let groups = GROUPS
        .iter()
        .enumerate()
        .map(|(g, heading)| {
            let items = LIBRARY
                .iter()
                .filter(|s| s.group == g)
                .map(|s| option(s.id.to_string(), s.text.to_string(), Some(t(s.why))))
                .collect_view();
            view! { <fieldset class="step-group"><legend>{t(*heading)}</legend><div class="choices">{items}</div></fieldset> }
        })
        .collect_view();
    let custom = move || {
        let items = db.custom_steps.with(|c| c.iter().map(|s| option(s.id.clone(), s.text.clone(), None)).collect::<Vec<_>>());
        (!items.is_empty()).then(|| view! {
            <fieldset class="step-group"><legend>{t(pr::OWN_STEPS)}</legend><div class="choices">{items}</div></fieldset>
        })
    };

    view! {
        <section class="card" aria-labelledby="plan-title" id="plan">
            <h2 id="plan-title">{t(CLOSING_QUESTION)}</h2>
            <UnfinishedDrafts draft=draft what=crate::i18n::k::drafts::PLANS/>
            <form on:submit=plan novalidate>
                {groups}
                {custom}
                <div class="field add-own">
                    <label for="new-custom">{t(pr::ADD_STEP_OWN_LIST)}</label>
                    <div class="inline-field">
                        <input id="new-custom" type="text" prop:value=move || new_custom.get()
                            on:input=move |ev| new_custom.set(event_target_value(&ev))/>
                        <button type="button" class="button secondary small" on:click=add_custom>{t(pr::ADD)}</button>
                    </div>
                </div>
                <div class="field">
                    <label for="own-step">{t(pr::WRITE_STEP_JUST_NOW)}</label>
                    <input id="own-step" type="text" prop:value=move || own_text.get()
                        on:input=move |ev| { own_text.set(event_target_value(&ev)); if !own_text.get_untracked().is_empty() { choice.set(None) } }/>
                </div>
                <div class="field">
                    <label for="with-whom">{t(pr::WHOM_OPTIONAL)}</label>
                    <input id="with-whom" type="text" prop:value=move || with_whom.get()
                        on:input=move |ev| with_whom.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="step-when">{t(pr::WHEN_OPTIONAL)}</label>
                    <input id="step-when" type="datetime-local" aria-describedby="step-when-hint" prop:value=move || when.get()
                        on:input=move |ev| when.set(event_target_value(&ev))/>
                    <p id="step-when-hint" class="muted small field-hint">{t(pr::DAY_TIME_CAN_ADD)}</p>
                </div>
                <RadioScale legend=t(pr::HOW_UNCOMFORTABLE_DO_EXPECT) name="expected" options=zero_to_ten() value=expected ends=EXPECT_ENDS/>
                <p class="notice error" role="alert" hidden=move || error.get().is_none()>{move || error.get()}</p>
                <button type="submit" class="button">{t(pr::PLAN_STEP)}</button>
            </form>
        </section>
    }
}

#[component]
fn Progress() -> impl IntoView {
    let db = use_db();
    move || {
        let p = db.steps.with(|all| progress(all, &offset_minutes));
        if p.done == 0 {
            return view! {
                <section class="card" aria-labelledby="progress-title">
                    <h2 id="progress-title">{t(pr::PROGRESS)}</h2>
                    <p>{t(pr::WHEN_TAKE_STEP_LOG)}</p>
                </section>
            }
            .into_any();
        }
        let months = p
            .by_month
            .iter()
            .rev()
            .take(6)
            .map(|((y, m), n)| view! { <li><span>{month_year(*y, *m)}</span><span class="count">{plural(*n, crate::i18n::k::count::STEPS)}</span></li> })
            .collect_view();
        let most = p.most_done.iter().map(|(t, n)| view! { <li><span>{t.clone()}</span><span class="count">{t_with(pr::TIMES, &[("count", &n.to_string())])}</span></li> }).collect_view();
        let items = p.discomfort.iter().rev().take(12).rev().map(|(at, e, a)| (format_date(*at), *e, *a)).collect::<Vec<_>>();
        let chart = if items.is_empty() {
            view! { <p>{discomfort_sentence(None)}</p> }.into_any()
        } else {
            view! {
                <PairChart title=t(pr::EXPECTED_ACTUAL_DISCOMFORT) summary=discomfort_sentence(p.averages)
                    names=(t(pr::EXPECTED), t(pr::ACTUAL)) items=items/>
            }
            .into_any()
        };
        view! {
            <section class="card" aria-labelledby="progress-title">
                <h2 id="progress-title">{t(pr::PROGRESS)}</h2>
                <p class="progress-total">{t_with(pr::TAKEN_SO_FAR, &[("steps", &plural(p.done, crate::i18n::k::count::SMALL_STEPS))])}</p>
                <ul class="ranked plain">{months}</ul>
                <h3>{t(pr::EXPECTED_ACTUAL_DISCOMFORT)}</h3>
                {chart}
                <h3>{t(pr::STEPS_HAVE_TAKEN_MOST)}</h3>
                <ol class="ranked">{most}</ol>
            </section>
        }
        .into_any()
    }
}
