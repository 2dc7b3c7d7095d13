//! Reframe at /reframe: a guided walk through thanking the protective part,
//! reassuring yourself, and choosing. `?new` starts one (`?new&from=ID` from a
//! journal entry), `?view=ID` shows a saved one as a calm summary card.

use leptos::prelude::*;
use crate::i18n::{k::reframe as r, t, t_with, Key};
use crate::ui::router::{navigate, use_query};
use serde::{Deserialize, Serialize};

use crate::domain::journal::preview;
use crate::domain::reframe::{can_save, shift_label, Reframe, SMALL_STEP, STEPS};
use crate::db::use_db;
use crate::clock::now_ms;
use crate::ui::browser::{format_date, new_id};
use crate::storage::Expect;
use crate::ui::draft::{use_draft, DraftNote, UnfinishedDrafts};
use crate::ui::fields::{zero_to_ten, RadioScale};
use crate::ui::{focus_first, link, FromStore, GoneCard, PageHeading};

/// Screens of the flow: 0 asks how safe closeness feels, 1–7 are the steps, 8 asks again.
const LAST: usize = STEPS.len() + 1;
const SAFE_QUESTION: Key = r::SAFE_QUESTION;
const SAFE_ENDS: (Key, Key) = (r::SAFE_NOT_AT_ALL, r::SAFE_COMPLETELY);

#[component]
pub fn ReframePage() -> impl IntoView {
    let query = use_query();
    move || {
        let q = query.get();
        if let Some(id) = q.get("view") {
            view! { <Summary id=id/> }.into_any()
        } else if q.get("new").is_some() || q.get("from").is_some() {
            view! { <Flow from=q.get("from")/> }.into_any()
        } else {
            view! { <ReframeList/> }.into_any()
        }
    }
}

fn safety_line(r: &Reframe) -> Option<String> {
    let (before, after) = (r.safe_before?, r.safe_after?);
    Some(t_with(r::SAFETY_LINE, &[("before", &before.to_string()), ("after", &after.to_string()), ("shift", &shift_label(r.shift()?))]))
}

#[component]
fn ReframeList() -> impl IntoView {
    let db = use_db();
    let items = move || {
        let mut all = db.reframes.get();
        all.sort_by(|a, b| b.created.cmp(&a.created));
        all.into_iter()
            .map(|r| {
                let shift = r.shift().map(|s| view! {
                    <span class="tag shift">{t_with(r::SAFETY_TAG, &[("before", &r.safe_before.unwrap_or(0).to_string()), ("after", &r.safe_after.unwrap_or(0).to_string()), ("shift", &shift_label(s))])}</span>
                });
                view! {
                    <li>
                        <a class="entry-card" href=link(&format!("/reframe?view={}", r.id))>
                            <span class="entry-meta">{format_date(r.created)}</span>
                            <span class="entry-preview">{preview(r.situation(), 140)}</span>
                            <span class="tags">{shift}</span>
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <PageHeading title=t(crate::i18n::k::pages::REFRAME) lead=t(r::THANK_PART_PULLS_AWAY)/>
        <section class="card">
            <p>{t(r::URGE_WITHDRAW_NOT_ENEMY)}</p>
            <a class="button" href=link("/reframe?new")>{t(r::START_REFRAME)}</a>
        </section>
        <FromStore>
            <Show when=move || db.reframes.with(|r| !r.is_empty())>
                <h2>{t(r::REFRAMES)}</h2>
                <ul class="entry-list">{items}</ul>
            </Show>
        </FromStore>
    }
}

#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct FlowDraft {
    pos: usize,
    answers: Vec<String>,
    safe_before: Option<u8>,
    safe_after: Option<u8>,
}

#[component]
fn Flow(from: Option<String>) -> impl IntoView {
    let db = use_db();
    let entry_text = from
        .as_ref()
        .and_then(|id| db.journal.with_untracked(|all| all.iter().find(|e| &e.id == id).map(|e| e.text.clone())));
    let mut start = vec![String::new(); STEPS.len()];
    if let Some(text) = entry_text {
        start[0] = text;
    }
    let pos = RwSignal::new(0usize);
    let answers = RwSignal::new(start.clone());
    let safe_before = RwSignal::new(None::<u8>);
    let safe_after = RwSignal::new(None::<u8>);
    let family = match &from {
        Some(id) => format!("reframe-from-{id}"),
        None => "reframe-new".to_string(),
    };
    let draft = use_draft(
        family,
        move || FlowDraft { pos: pos.get(), answers: answers.get(), safe_before: safe_before.get(), safe_after: safe_after.get() },
        move |d: FlowDraft| {
            if d.answers.len() == STEPS.len() {
                answers.set(d.answers);
            }
            pos.set(d.pos.min(LAST));
            safe_before.set(d.safe_before);
            safe_after.set(d.safe_after);
        },
        // Nothing to keep only while nothing differs from how the flow began:
        // going Back to the first screen keeps every answer.
        move |d: &FlowDraft| {
            d.safe_before.is_none() && d.safe_after.is_none() && d.answers.iter().zip(&start).all(|(a, s)| a.trim() == s.trim())
        },
        |d: &FlowDraft| match d.answers.iter().map(|a| a.trim()).find(|a| !a.is_empty()) {
            Some(first) => preview(first, 80),
            None => t(r::BEGUN_NO_ANSWERS).to_string(),
        },
    );
    let error = RwSignal::new(None::<String>);

    let go = move |to: usize| {
        error.set(None);
        pos.set(to);
        focus_first(&[".flow-screen textarea", ".flow-screen input:checked", ".flow-screen input"]);
    };
    let finish = move || {
        let a = answers.get_untracked();
        if let Err(why) = can_save(&a, safe_before.get_untracked(), safe_after.get_untracked()) {
            error.set(Some(why));
            return;
        }
        let now = now_ms();
        let reframe = Reframe {
            id: new_id(),
            created: now,
            updated: now,
            from_entry: from.clone(),
            answers: a.into_iter().map(|s| s.trim().to_string()).collect(),
            safe_before: safe_before.get_untracked(),
            safe_after: safe_after.get_untracked(),
        };
        let id = reframe.id.clone();
        match db.save(reframe, Expect::Absent) {
            Ok(()) => {
                draft.clear();
                navigate(&format!("/reframe?view={id}"));
            }
            Err(failure) => error.set(Some(draft.new_record_failure(failure))),
        }
    };
    let next = move |_| {
        let p = pos.get_untracked();
        if p == LAST { finish() } else { go(p + 1) }
    };

    // Everything written at earlier steps, collapsed, so it is never out of reach.
    let so_far = move || {
        let p = pos.get();
        let rows = answers.with(|a| {
            (0..STEPS.len().min(p.saturating_sub(1)))
                .filter(|&i| !a[i].trim().is_empty())
                .map(|i| view! { <dt>{t(STEPS[i].title)}</dt><dd>{a[i].clone()}</dd> })
                .collect::<Vec<_>>()
        });
        (!rows.is_empty()).then(|| view! {
            <details class="so-far">
                <summary>{t(r::WHAT_HAVE_WRITTEN_SO)}</summary>
                <dl>{rows}</dl>
            </details>
        })
    };

    let screen = move || {
        let p = pos.get();
        if p == 0 {
            return view! {
                <div class="flow-screen">
                    <p class="why">{t(r::NOTICE_HOW_FEEL_THERE)}</p>
                    <RadioScale legend=t(SAFE_QUESTION) name="safe-before" options=zero_to_ten() value=safe_before ends=SAFE_ENDS/>
                    <crate::together::HelpedGlance/>
                </div>
            }
            .into_any();
        }
        if p == LAST {
            return view! {
                <div class="flow-screen">
                    <p class="why">{t(r::HAVE_WALKED_THROUGH_NOTICE)}</p>
                    <RadioScale legend=t(SAFE_QUESTION) name="safe-after" options=zero_to_ten() value=safe_after ends=SAFE_ENDS/>
                </div>
            }
            .into_any();
        }
        let i = p - 1;
        let step = STEPS[i];
        view! {
            <div class="flow-screen">
                <h2>{t(step.title)}</h2>
                <p class="why">{t(step.why)}</p>
                <label for="step-answer" class="label-strong">{t(step.question)}</label>
                <textarea id="step-answer" rows="4"
                    prop:value=move || answers.with(|a| a[i].clone())
                    on:input=move |ev| answers.update(|a| a[i] = event_target_value(&ev))></textarea>
                <p class="example muted small">{t(r::EXAMPLE)} {t(step.example)}</p>
            </div>
        }
        .into_any()
    };

    let next_label = move || {
        let p = pos.get();
        if p == LAST {
            t(r::FINISH)
        } else if (1..LAST).contains(&p) && answers.with(|a| a[p - 1].trim().is_empty()) {
            t(r::SKIP_STEP)
        } else {
            t(r::NEXT)
        }
    };
    let progress = move || match pos.get() {
        0 => t(r::BEFORE_YOU_BEGIN).to_string(),
        LAST => t(r::ONE_LAST_QUESTION).to_string(),
        p => t_with(r::STEP_OF, &[("n", &p.to_string()), ("total", &STEPS.len().to_string())]),
    };

    view! {
        <PageHeading title=t(crate::i18n::k::pages::REFRAME)/>
        <UnfinishedDrafts draft=draft what=crate::i18n::k::drafts::REFRAMES/>
        <section class="card check-card flow">
            <div class="progress" aria-hidden="true">
                <div class="progress-fill" style:width=move || format!("{}%", (pos.get() + 1) * 100 / (LAST + 1))></div>
            </div>
            <p class="step-count" aria-live="polite">{progress}</p>
            {so_far}
            {screen}
            <p class="notice error" role="alert" hidden=move || error.get().is_none()>{move || error.get()}</p>
            <div class="actions step-actions">
                <Show when=move || { pos.get() > 0 }>
                    <button type="button" class="button secondary" on:click=move |_| go(pos.get_untracked() - 1)>{t(r::BACK)}</button>
                </Show>
                <button type="button" class="button" on:click=next.clone()>{next_label}</button>
            </div>
        </section>
        <DraftNote draft=draft/>
    }
}

#[component]
fn Summary(id: String) -> impl IntoView {
    let db = use_db();
    let reframe = Memo::new(move |_| db.reframes.with(|all| all.iter().find(|r| r.id == id).cloned()));
    move || match reframe.get() {
        None => view! {
            <GoneCard title=t(r::REFRAME_NOT_FOUND) text=t(r::REFRAME_NO_LONGER_HERE) back="/reframe" back_label=t(r::BACK_REFRAMES)/>
        }
        .into_any(),
        Some(r) => {
            let lines = [(r::LINE_THANK_YOU, 3), (r::LINE_SAFE, 4), (r::LINE_CHOOSE, 5), (r::LINE_STEP, SMALL_STEP)]
                .into_iter()
                .filter(|(_, i)| !r.answer(*i).is_empty())
                .map(|(label, i)| view! { <div class="summary-line"><dt>{t(label)}</dt><dd>{r.answer(i).to_string()}</dd></div> })
                .collect_view();
            let underneath = [(1, STEPS[1].title), (2, STEPS[2].title)]
                .into_iter()
                .filter(|(i, _)| !r.answer(*i).is_empty())
                .map(|(i, label)| view! { <dt>{t(label)}</dt><dd>{r.answer(i).to_string()}</dd> })
                .collect_view();
            view! {
                <PageHeading title=t(r::YOUR_REFRAME)/>
                <article class="card summary-card">
                    <p class="entry-meta">{format_date(r.created)}</p>
                    <p class="situation">{r.situation().to_string()}</p>
                    <dl class="summary-lines">{lines}</dl>
                    {safety_line(&r).map(|s| view! { <p class="shift-line">{s}</p> })}
                </article>
                {(!r.answer(SMALL_STEP).is_empty()).then(|| {
                    let plan = format!("/practice?plan={}#plan", String::from(js_sys::encode_uri_component(r.answer(SMALL_STEP))));
                    view! {
                        <p><a class="button" href=link(&plan)>{t(r::PLAN_STEP_SMALL_STEPS)}</a></p>
                    }
                })}
                {crate::domain::helped::offered_from_reframe(&r).map(|(offer, source, id)| view! {
                    <crate::together::KeepThis source=source source_id=id offer=offer/>
                })}
                <details class="card">
                    <summary>{t(r::URGE_WHAT_PROTECTS_FROM)}</summary>
                    <dl class="details">{underneath}</dl>
                </details>
                <p><a href=link("/reframe")>{t(r::ALL_REFRAMES)}</a></p>
            }
            .into_any()
        }
    }
}
