//! The self-check at /check: the article's seven statements, one per step, on a
//! five-step frequency scale; then a gentle result, history and change over time.
//! `/check?take` starts a new check; answers in progress are kept as a draft.

use leptos::prelude::*;
use crate::ui::router::{navigate, use_query};
use serde::{Deserialize, Serialize};

use crate::domain::check::{
    band, exercise_for, highest, newest_first, retake_due, score, score_of, shifts, SelfCheck, RETAKE_AFTER_DAYS, SCALE,
    STATEMENTS,
};
use crate::domain::time::{days_between, MS_PER_DAY};
use crate::db::use_db;
use crate::clock::{now_ms, offset_minutes};
use crate::ui::browser::{format_date, new_id};
use crate::ui::chart::LineChart;
use crate::storage::Expect;
use crate::ui::draft::{use_draft, UnfinishedDrafts};
use crate::ui::{focus_first, link, FromStore, PageHeading};

const NOT_A_DIAGNOSIS: &str = "This is a reflection tool, not a diagnosis. It can help you notice a pattern and how it changes; only you know your story, and a therapist can help you explore it further.";

#[component]
pub fn CheckPage() -> impl IntoView {
    let query = use_query();
    let db = use_db();
    let page = move || {
        if query.with(|q| q.get("take").is_some()) || db.checks.with(Vec::is_empty) {
            view! { <TakeCheck/> }.into_any()
        } else {
            view! { <Results/> }.into_any()
        }
    };
    view! { <FromStore>{page}</FromStore> }
}

#[derive(Clone, Default, Serialize, Deserialize)]
struct CheckDraft {
    answers: Vec<Option<u8>>,
    step: usize,
}

#[component]
fn TakeCheck() -> impl IntoView {
    let db = use_db();
    let answers = RwSignal::new(vec![None::<u8>; STATEMENTS.len()]);
    let step = RwSignal::new(0usize);
    let draft = use_draft(
        "check".to_string(),
        move || CheckDraft { answers: answers.get(), step: step.get() },
        move |d: CheckDraft| {
            if d.answers.len() == STATEMENTS.len() {
                answers.set(d.answers);
                step.set(d.step.min(STATEMENTS.len() - 1));
            }
        },
        |d: &CheckDraft| d.answers.iter().all(Option::is_none),
        |d: &CheckDraft| {
            let answered = d.answers.iter().filter(|a| a.is_some()).count();
            format!("{answered} of {} statements answered", STATEMENTS.len())
        },
    );
    let error = RwSignal::new(None::<String>);
    let last = STATEMENTS.len() - 1;

    let go = move |to: usize| {
        error.set(None);
        step.set(to);
        focus_first(&[".check-step input:checked", ".check-step input"]);
    };
    let next = move |_| {
        let i = step.get_untracked();
        if answers.with_untracked(|a| a[i].is_none()) {
            error.set(Some("Choose how often this comes up for you to go on. There are no wrong answers.".into()));
            return;
        }
        if i < last {
            go(i + 1);
            return;
        }
        match score(&answers.get_untracked()) {
            Err(missing) => {
                let names: Vec<String> = missing.iter().map(|m| (m + 1).to_string()).collect();
                error.set(Some(format!(
                    "Statement {} still {} an answer. A check is saved once all seven are answered.",
                    names.join(" and "),
                    if missing.len() == 1 { "needs" } else { "need" }
                )));
                step.set(missing[0]);
                focus_first(&[".check-step input:checked", ".check-step input"]);
            }
            Ok(_) => {
                let check = SelfCheck {
                    id: new_id(),
                    at: now_ms(),
                    answers: answers.get_untracked().into_iter().map(|a| a.unwrap_or(0)).collect(),
                };
                match db.save(check, Expect::Absent) {
                    Ok(()) => {
                        draft.clear();
                        navigate("/check");
                    }
                    Err(failure) => error.set(Some(draft.new_record_failure(failure))),
                }
            }
        }
    };

    let question = move || {
        let i = step.get();
        let options = SCALE
            .iter()
            .enumerate()
            .map(|(v, label)| {
                let v = v as u8;
                view! {
                    <label class="choice">
                        <input type="radio" name=format!("statement-{i}")
                            prop:checked=move || answers.with(|a| a[i] == Some(v))
                            on:change=move |_| { answers.update(|a| a[i] = Some(v)); error.set(None); }/>
                        <span>{*label}</span>
                    </label>
                }
            })
            .collect_view();
        view! {
            <fieldset class="check-step" aria-describedby="check-error">
                <legend>
                    <span class="step-count">{format!("Statement {} of {}", i + 1, STATEMENTS.len())}</span>
                    <span class="statement">{format!("\u{201c}{}\u{201d}", STATEMENTS[i])}</span>
                </legend>
                <div class="choices">{options}</div>
            </fieldset>
        }
    };

    view! {
        <PageHeading title="Self-check" lead="Seven thoughts from the article. For each, choose how often it comes up for you. There are no right answers, and it takes about two minutes."/>
        <UnfinishedDrafts draft=draft one="unfinished self-check" many="unfinished self-checks"/>
        <section class="card check-card">
            <div class="progress" aria-hidden="true">
                <div class="progress-fill" style:width=move || format!("{}%", (step.get() + 1) * 100 / STATEMENTS.len())></div>
            </div>
            {question}
            <p id="check-error" class="notice error" role="alert" hidden=move || error.get().is_none()>{move || error.get()}</p>
            <div class="actions step-actions">
                <Show when=move || { step.get() > 0 }>
                    <button type="button" class="button secondary" on:click=move |_| go(step.get_untracked() - 1)>"Back"</button>
                </Show>
                <button type="button" class="button" on:click=next.clone()>
                    {move || if step.get() == last { "See my result" } else { "Next" }}
                </button>
            </div>
        </section>
        <p class="muted small">"Your answers stay on this device. " {NOT_A_DIAGNOSIS}</p>
    }
}

#[component]
fn Results() -> impl IntoView {
    let db = use_db();
    move || {
        let checks = newest_first(&db.checks.get());
        let Some(latest) = checks.first().cloned() else { return ().into_any() };
        let s = score_of(&latest);
        let b = band(s);
        let now = now_ms();

        let truest = highest(&latest.answers);
        let truest_view = if truest.is_empty() {
            view! { <p>"None of the statements came up more than rarely this time."</p> }.into_any()
        } else {
            truest
                .into_iter()
                .map(|i| {
                    let (route, label) = exercise_for(i).route_and_label();
                    view! {
                        <li>
                            <p class="statement">{format!("\u{201c}{}\u{201d}", STATEMENTS[i])}<span class="answer">{SCALE[usize::from(latest.answers[i])]}</span></p>
                            <a href=link(&route)>{label}</a>
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        };

        let shift_view = checks.get(1).map(|previous| {
            let moved = shifts(previous, &latest);
            let since = format!("since your check on {}", format_date(previous.at));
            if moved.is_empty() {
                view! { <p>{format!("No statement moved by two steps or more {since}. Change is often slow, and that is all right.")}</p> }.into_any()
            } else {
                let items = moved
                    .into_iter()
                    .map(|m| view! {
                        <li>
                            <span class="statement">{format!("\u{201c}{}\u{201d}", STATEMENTS[m.statement])}</span>
                            {format!(" moved from {} to {}.", SCALE[usize::from(m.from)], SCALE[usize::from(m.to)])}
                        </li>
                    })
                    .collect_view();
                view! { <p>{format!("Moved by two steps or more {since}:")}</p><ul class="shifts">{items}</ul> }.into_any()
            }
        });

        let days = days_between(latest.at, now, &offset_minutes);
        let nudge = if retake_due(Some(latest.at), now) {
            view! {
                <div class="notice">
                    <p>{format!("It has been {days} days since your last check. Retaking it can show what has shifted.")}</p>
                    <a class="button" href=link("/check?take")>"Retake the self-check"</a>
                </div>
            }
            .into_any()
        } else {
            view! {
                <p>
                    {format!("Once a month is a good rhythm; the next one is suggested around {}. ", format_date(latest.at + RETAKE_AFTER_DAYS * MS_PER_DAY))}
                    <a href=link("/check?take")>"Take it again now"</a>
                </p>
            }
            .into_any()
        };

        let oldest_first: Vec<SelfCheck> = checks.iter().rev().cloned().collect();
        let chart = (oldest_first.len() >= 2).then(|| {
            let first = score_of(&oldest_first[0]);
            let summary = format!(
                "{} checks from {} to {}. The score went from {} to {}.",
                oldest_first.len(), format_date(oldest_first[0].at), format_date(latest.at), first, s);
            let points = oldest_first.iter().map(|c| (format_date(c.at), score_of(c))).collect();
            view! { <LineChart title="Self-check score over time" summary=summary max=100 points=points value_label="Score (0 to 100)"/> }
        });
        let history = checks
            .iter()
            .map(|c| {
                let cs = score_of(c);
                view! { <li><span>{format_date(c.at)}</span><span class="count">{format!("{cs} out of 100 · {}", band(cs).title())}</span></li> }
            })
            .collect_view();

        view! {
            <PageHeading title="Self-check"/>
            <section class="card result" aria-labelledby="result-title">
                <h2 id="result-title">{format!("Your latest check, {}", format_date(latest.at))}</h2>
                <p class="score"><strong>{s}</strong><span>" out of 100"</span></p>
                <h3>{b.title()}</h3>
                <p>{b.text()}</p>
                <p class="muted small">{NOT_A_DIAGNOSIS}</p>
            </section>
            <section class="card" aria-labelledby="truest-title">
                <h2 id="truest-title">"What rang truest"</h2>
                <ul class="truest">{truest_view}</ul>
            </section>
            {shift_view.map(|v| view! {
                <section class="card" aria-labelledby="shift-title">
                    <h2 id="shift-title">"What shifted since last time"</h2>
                    {v}
                </section>
            })}
            <section class="card" aria-labelledby="history-title">
                <h2 id="history-title">"History"</h2>
                {nudge}
                {chart}
                <ol class="ranked history" reversed>{history}</ol>
            </section>
        }
        .into_any()
    }
}

/// Shown on Home 30 days after the last check.
#[component]
pub fn RetakeNudge() -> impl IntoView {
    let db = use_db();
    let due = move || {
        let last = db.checks.with(|c| c.iter().map(|c| c.at).max());
        retake_due(last, now_ms())
    };
    view! {
        <Show when=due>
            <aside class="notice" aria-label="Self-check reminder">
                <p>"It has been a month or more since your last self-check. Retaking it can show what has shifted."</p>
                <a class="button secondary small" href=link("/check?take")>"Retake the self-check"</a>
            </aside>
        </Show>
    }
}
