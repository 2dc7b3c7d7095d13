//! After a card was shared or copied: an offer to log it as a small step,
//! with how uncomfortable it was expected to feel and how it actually felt.

use leptos::prelude::*;

use crate::clock::now_ms;
use crate::db::use_db;
use crate::domain::practice::{Outcome, PlannedStep};
use crate::i18n::{k::card as c, k::practice as pr, t, t_with};
use crate::storage::{Expect, SaveFailure};
use crate::ui::browser::new_id;
use crate::ui::fields::{zero_to_ten, RadioScale};
use crate::ui::link;

#[component]
pub fn LogShared(for_whom: String) -> impl IntoView {
    let db = use_db();
    let expected = RwSignal::new(None::<u8>);
    let actual = RwSignal::new(None::<u8>);
    let error = RwSignal::new(None::<String>);
    let logged = RwSignal::new(false);
    let log = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(e), Some(a)) = (expected.get_untracked(), actual.get_untracked()) else {
            return error.set(Some(t(c::LOG_CHOOSE_BOTH).into()));
        };
        let name = for_whom.trim();
        let text = if name.is_empty() { t(c::LOG_STEP_TEXT_UNNAMED).to_string() } else { t_with(c::LOG_STEP_TEXT, &[("name", name)]) };
        let now = now_ms();
        let step = PlannedStep {
            id: new_id(),
            created: now,
            updated: now,
            library_id: None,
            text,
            with_whom: name.to_string(),
            expected: e,
            outcome: Some(Outcome { logged_at: now, done: true, actual: Some(a), note: String::new() }),
            when: None,
        };
        match db.save(step, Expect::Absent) {
            Ok(()) => {
                error.set(None);
                logged.set(true);
            }
            Err(SaveFailure::Store(err)) => error.set(Some(err.message())),
            Err(SaveFailure::Stale(_)) => error.set(Some(t(crate::i18n::k::drafts::NOT_SAVED_TRY_AGAIN).into())),
        }
    };
    const EXPECT_ENDS: (crate::i18n::Key, crate::i18n::Key) = (pr::EXPECT_NOT_AT_ALL, pr::EXPECT_VERY);
    view! {
        <section class="card no-print" aria-labelledby="log-shared-title">
            <h2 id="log-shared-title">{t(c::LOG_TITLE)}</h2>
            <Show when=move || !logged.get() fallback=|| view! {
                <p role="status">{t(c::LOGGED)}" "<a href=link("/practice")>{t(crate::i18n::k::pages::PRACTICE)}</a></p>
            }>
                <p>{t(c::LOG_LEAD)}</p>
                <form class="flow" on:submit=log.clone() novalidate>
                    <RadioScale legend=t(c::LOG_EXPECTED) name="card-expected" options=zero_to_ten() value=expected ends=EXPECT_ENDS/>
                    <RadioScale legend=t(c::LOG_ACTUAL) name="card-actual" options=zero_to_ten() value=actual ends=EXPECT_ENDS/>
                    <p class="notice error" role="alert" hidden=move || error.get().is_none()>{move || error.get()}</p>
                    <button type="submit" class="button secondary">{t(c::LOG_SAVE)}</button>
                </form>
            </Show>
        </section>
    }
}
