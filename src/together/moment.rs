//! A secure-base moment (`?moment`): a rating, four gentle prompts one at a
//! time, the rating again, and the choice to keep the two ratings. "Stop here"
//! is on every screen and keeps nothing. Nothing the person recalls is
//! written down: only the way they chose and the ratings, if they keep them.

use leptos::prelude::*;

use crate::clock::{now_ms, offset_minutes};
use crate::db::use_db;
use crate::domain::moment::{Moment, Way};
use crate::i18n::{k::moment as m, k::reframe as rf, t, t_with};
use crate::storage::{Expect, SaveFailure};
use crate::ui::browser::new_id;
use crate::ui::fields::{zero_to_ten, RadioScale};
use crate::ui::{focus_first, link, PageHeading};

const SAFE_ENDS: (crate::i18n::Key, crate::i18n::Key) = (rf::SAFE_NOT_AT_ALL, rf::SAFE_COMPLETELY);
/// Screens: 0 the first rating, 1–4 the prompts, 5 the rating again.
const AFTER: usize = 5;

/// Where the exercise is.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    At(usize),
    /// Stopped part way, or finished without keeping: nothing stored.
    Ended { finished: bool },
    Kept,
}

#[component]
pub fn MomentFlow() -> impl IntoView {
    let db = use_db();
    let stage = RwSignal::new(Stage::At(0));
    let way = RwSignal::new(Way::Memory);
    let before = RwSignal::new(None::<u8>);
    let after = RwSignal::new(None::<u8>);
    let error = RwSignal::new(None::<String>);
    let go = move |next: Stage| {
        error.set(None);
        stage.set(next);
        focus_first(&["#moment-heading"]);
    };
    let next = move |_| match stage.get_untracked() {
        Stage::At(0) if before.get_untracked().is_none() => error.set(Some(t(m::CHOOSE_RATING).into())),
        Stage::At(n) => go(Stage::At(n + 1)),
        _ => {}
    };
    let keep = move |_| {
        let Some((b, a)) = before.get_untracked().zip(after.get_untracked()) else {
            return error.set(Some(t(m::CHOOSE_RATING).into()));
        };
        let now = now_ms();
        let moment = Moment { id: new_id(), at: now, updated: now, way: way.get_untracked(), before: b, after: a };
        match db.save_later(moment, Expect::Absent) {
            Ok(()) => go(Stage::Kept),
            Err(SaveFailure::Store(err)) => error.set(Some(err.message())),
            Err(SaveFailure::Stale(_)) => error.set(Some(t(crate::i18n::k::drafts::NOT_SAVED_TRY_AGAIN).into())),
        }
    };
    let stop = move |_| go(Stage::Ended { finished: false });
    let finish_without = move |_| go(Stage::Ended { finished: true });
    let switch = move |to: Way| {
        way.set(to);
        focus_first(&["#moment-heading"]);
    };
    let screen = move || match stage.get() {
        Stage::At(0) => view! {
            <p>{t(m::INTRO)}</p>
            <p>{t(m::STOP_ANY_TIME)}</p>
            <RadioScale legend=t(rf::SAFE_QUESTION) name="moment-before" options=zero_to_ten() value=before ends=SAFE_ENDS/>
        }
        .into_any(),
        Stage::At(AFTER) => view! {
            <RadioScale legend=t(m::RATING_AGAIN) name="moment-after" options=zero_to_ten() value=after ends=SAFE_ENDS/>
        }
        .into_any(),
        Stage::At(n) => {
            let prompt = move || t(way.get().prompts()[n - 1]);
            // Someone with no such memory is offered another way in, on the first prompt.
            let other_ways = (n == 1).then(|| view! {
                <div class="other-ways">
                    <p class="muted">{t(m::NO_MEMORY)}</p>
                    <div class="actions">
                        <button type="button" class="button secondary small" aria-pressed=move || (way.get() == Way::Kindness).to_string()
                            on:click=move |_| switch(Way::Kindness)>{t(m::USE_KINDNESS)}</button>
                        <button type="button" class="button secondary small" aria-pressed=move || (way.get() == Way::Imagined).to_string()
                            on:click=move |_| switch(Way::Imagined)>{t(m::USE_IMAGINED)}</button>
                    </div>
                </div>
            });
            view! {
                <p class="muted small">{t_with(m::STEP_OF, &[("step", &n.to_string()), ("total", "4")])}</p>
                <p class="moment-prompt" aria-live="polite">{prompt}</p>
                <p class="muted">{t(m::TAKE_YOUR_TIME)}</p>
                {other_ways}
            }
            .into_any()
        }
        Stage::Ended { finished } => view! {
            <p role="status">{t(if finished { m::FINISHED_NOT_KEPT } else { m::STOPPED })}</p>
            <a class="button secondary" href=link("/together#moment")>{t(crate::i18n::k::card::BACK_LIST)}</a>
        }
        .into_any(),
        Stage::Kept => view! {
            <p role="status">{t(m::KEPT)}</p>
            <p class="muted">{move || t_with(m::BEFORE_AFTER, &[("before", &before.get().unwrap_or(0).to_string()), ("after", &after.get().unwrap_or(0).to_string())])}</p>
            <div class="actions">
                <a class="button secondary" href=link("/journal?tab=patterns#moments")>{t(m::PATTERNS_TITLE)}</a>
                <a class="button secondary" href=link("/together#moment")>{t(crate::i18n::k::card::BACK_LIST)}</a>
            </div>
        }
        .into_any(),
    };
    let controls = move || match stage.get() {
        Stage::At(AFTER) => view! {
            <div class="actions">
                <button type="button" class="button" on:click=keep>{t(m::KEEP)}</button>
                <button type="button" class="button secondary" on:click=finish_without>{t(m::FINISH_WITHOUT)}</button>
            </div>
        }
        .into_any(),
        Stage::At(n) => view! {
            <div class="actions">
                <button type="button" class="button" on:click=next>{if n == 0 { t(m::BEGIN) } else { t(m::NEXT) }}</button>
                <button type="button" class="button secondary" on:click=stop>{t(m::STOP)}</button>
            </div>
        }
        .into_any(),
        _ => ().into_any(),
    };
    view! {
        <PageHeading title=t(m::TITLE)/>
        <section class="card moment" aria-labelledby="moment-heading">
            <h2 id="moment-heading" tabindex="-1" class="visually-hidden">{t(m::TITLE)}</h2>
            {screen}
            <p class="notice error" role="alert" hidden=move || error.get().is_none()>{move || error.get()}</p>
            {controls}
        </section>
    }
}

/// On Between two people: what the moment is, a way in, and planning one.
#[component]
pub fn MomentSection() -> impl IntoView {
    let when = RwSignal::new(String::new());
    let said = RwSignal::new(None::<&'static str>);
    let add = move |_| {
        said.set(Some(match crate::domain::practice::parse_when(&when.get_untracked()) {
            Some(at) => crate::reminders::one_time_in_calendar("leaning-in-secure-base-moment.ics", t(m::CALENDAR_TITLE), &at),
            None => t(m::PLAN_CHOOSE),
        }));
    };
    let now = now_ms();
    let min = crate::domain::time::to_datetime_local(now, offset_minutes(now));
    view! {
        <section class="card" id="moment" aria-labelledby="moment-title">
            <h2 id="moment-title">{t(crate::i18n::k::together::MOMENT_TITLE)}</h2>
            <p>{t(crate::i18n::k::together::MOMENT_LEAD)}</p>
            <a class="button secondary" href=link("/together?moment")>{t(crate::i18n::k::together::MOMENT_BEGIN)}</a>
            <h3>{t(m::PLAN_TITLE)}</h3>
            <p class="muted">{t(m::PLAN_LEAD)}</p>
            <div class="field">
                <label for="moment-when">{t(m::PLAN_WHEN)}</label>
                <input id="moment-when" type="datetime-local" min=min prop:value=move || when.get() on:input=move |ev| when.set(event_target_value(&ev))/>
            </div>
            <button type="button" class="button secondary" on:click=add>{t(m::PLAN_ADD)}</button>
            <p class="small" role="status">{move || said.get()}</p>
        </section>
    }
}
