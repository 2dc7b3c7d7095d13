//! The self-check at /check: the article's seven statements, one per step, on a
//! five-step frequency scale; then a gentle result, history and change over time.
//! `/check?take` starts a new check; answers in progress are kept as a draft.

use leptos::prelude::*;
use crate::i18n::{k::check as c, t, t_count, t_count_with, t_with, Key};
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

const NOT_A_DIAGNOSIS: Key = c::NOT_A_DIAGNOSIS;

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
            t_with(c::ANSWERED_OF, &[("answered", &answered.to_string()), ("total", &STATEMENTS.len().to_string())])
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
            error.set(Some(t(c::CHOOSE_TO_GO_ON).into()));
            return;
        }
        if i < last {
            go(i + 1);
            return;
        }
        match score(&answers.get_untracked()) {
            Err(missing) => {
                let names: Vec<String> = missing.iter().map(|m| (m + 1).to_string()).collect();
                error.set(Some(t_count_with(c::STILL_NEEDS, missing.len() as i64, &[("numbers", &names.join(t(c::AND)))])));
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
                        <span>{t(*label)}</span>
                    </label>
                }
            })
            .collect_view();
        view! {
            <fieldset class="check-step" aria-describedby="check-error">
                <legend>
                    <span class="step-count">{t_with(c::STATEMENT_OF, &[("n", &(i + 1).to_string()), ("total", &STATEMENTS.len().to_string())])}</span>
                    <span class="statement">{t_with(c::QUOTED, &[("text", t(STATEMENTS[i]))])}</span>
                </legend>
                <div class="choices">{options}</div>
            </fieldset>
        }
    };

    view! {
        <PageHeading title=t(crate::i18n::k::pages::CHECK) lead=t(c::SEVEN_THOUGHTS_FROM_ARTICLE)/>
        <UnfinishedDrafts draft=draft what=crate::i18n::k::drafts::CHECKS/>
        <section class="card check-card">
            <div class="progress" aria-hidden="true">
                <div class="progress-fill" style:width=move || format!("{}%", (step.get() + 1) * 100 / STATEMENTS.len())></div>
            </div>
            {question}
            <p id="check-error" class="notice error" role="alert" hidden=move || error.get().is_none()>{move || error.get()}</p>
            <div class="actions step-actions">
                <Show when=move || { step.get() > 0 }>
                    <button type="button" class="button secondary" on:click=move |_| go(step.get_untracked() - 1)>{t(c::BACK)}</button>
                </Show>
                <button type="button" class="button" on:click=next.clone()>
                    {move || if step.get() == last { t(c::SEE_RESULT) } else { t(c::NEXT) }}
                </button>
            </div>
        </section>
        <p class="muted small">{t(c::ANSWERS_STAY_DEVICE)} {t(NOT_A_DIAGNOSIS)}</p>
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
            view! { <p>{t(c::NONE_STATEMENTS_CAME_UP)}</p> }.into_any()
        } else {
            truest
                .into_iter()
                .map(|i| {
                    let (route, label) = exercise_for(i).route_and_label();
                    view! {
                        <li>
                            <p class="statement">{t_with(c::QUOTED, &[("text", t(STATEMENTS[i]))])}<span class="answer">{t(SCALE[usize::from(latest.answers[i])])}</span></p>
                            <a href=link(&route)>{label}</a>
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        };

        let shift_view = checks.get(1).map(|previous| {
            let moved = shifts(previous, &latest);
            let since = t_with(c::SINCE_CHECK_ON, &[("date", &format_date(previous.at))]);
            if moved.is_empty() {
                view! { <p>{t_with(c::NONE_MOVED, &[("since", &since)])}</p> }.into_any()
            } else {
                let items = moved
                    .into_iter()
                    .map(|m| view! {
                        <li>
                            <span class="statement">{t_with(c::QUOTED, &[("text", t(STATEMENTS[m.statement]))])}</span>
                            {t_with(c::MOVED_FROM_TO, &[("from", t(SCALE[usize::from(m.from)])), ("to", t(SCALE[usize::from(m.to)]))])}
                        </li>
                    })
                    .collect_view();
                view! { <p>{t_with(c::MOVED_SINCE, &[("since", &since)])}</p><ul class="shifts">{items}</ul> }.into_any()
            }
        });

        let days = days_between(latest.at, now, &offset_minutes);
        let nudge = if retake_due(Some(latest.at), now) {
            view! {
                <div class="notice">
                    <p>{t_count(c::DAYS_SINCE_COUNT, days)}</p>
                    <a class="button" href=link("/check?take")>{t(c::RETAKE_SELF_CHECK)}</a>
                </div>
            }
            .into_any()
        } else {
            view! {
                <p>
                    {t_with(c::NEXT_AROUND, &[("date", &format_date(latest.at + RETAKE_AFTER_DAYS * MS_PER_DAY))])}
                    <a href=link("/check?take")>{t(c::TAKE_AGAIN_NOW)}</a>
                </p>
            }
            .into_any()
        };

        let oldest_first: Vec<SelfCheck> = checks.iter().rev().cloned().collect();
        let chart = (oldest_first.len() >= 2).then(|| {
            let first = score_of(&oldest_first[0]);
            let summary = t_count_with(c::CHART_SUMMARY, oldest_first.len() as i64, &[
                ("from", &format_date(oldest_first[0].at)), ("to", &format_date(latest.at)), ("first", &first.to_string()), ("last", &s.to_string())]);
            let points = oldest_first.iter().map(|c| (format_date(c.at), score_of(c))).collect();
            view! { <LineChart title=t(c::SELF_CHECK_SCORE_OVER) summary=summary max=100 points=points value_label=t(c::SCORE_0_100)/> }
        });
        let history = checks
            .iter()
            .map(|c| {
                let cs = score_of(c);
                view! { <li><span>{format_date(c.at)}</span><span class="count">{t_with(c::HISTORY_ROW, &[("score", &cs.to_string()), ("band", band(cs).title())])}</span></li> }
            })
            .collect_view();

        view! {
            <PageHeading title=t(crate::i18n::k::pages::CHECK)/>
            <section class="card result" aria-labelledby="result-title">
                <h2 id="result-title">{t_with(c::LATEST_CHECK, &[("date", &format_date(latest.at))])}</h2>
                <p class="score"><strong>{s}</strong><span>{t(c::OUT_100)}</span></p>
                <h3>{b.title()}</h3>
                <p>{b.text()}</p>
                <p class="muted small">{t(NOT_A_DIAGNOSIS)}</p>
            </section>
            <section class="card" aria-labelledby="truest-title">
                <h2 id="truest-title">{t(c::WHAT_RANG_TRUEST)}</h2>
                <ul class="truest">{truest_view}</ul>
            </section>
            {shift_view.map(|v| view! {
                <section class="card" aria-labelledby="shift-title">
                    <h2 id="shift-title">{t(c::WHAT_SHIFTED_SINCE_LAST)}</h2>
                    {v}
                </section>
            })}
            <section class="card" aria-labelledby="history-title">
                <h2 id="history-title">{t(c::HISTORY)}</h2>
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
            <aside class="notice" aria-label=t(c::SELF_CHECK_REMINDER)>
                <p>{t(c::HAS_BEEN_MONTH_MORE)}</p>
                <a class="button secondary small" href=link("/check?take")>{t(c::RETAKE_SELF_CHECK)}</a>
            </aside>
        </Show>
    }
}
