//! Home at /: a welcome on the first visit, today's small step (or an invitation
//! to choose one), gentle reminders when they apply, recent activity, and a way
//! into each tool.

use leptos::prelude::*;

use crate::domain::journal::preview;
use crate::domain::pages::PAGES;
use crate::domain::practice::{current_step, CLOSING_QUESTION};
use crate::db::use_db;
use crate::i18n::{k::home as h, t, t_with};
use crate::ui::browser::format_date;
use crate::ui::{link, FromStore, PageHeading};

#[component]
pub fn HomePage() -> impl IntoView {
    let db = use_db();
    let tools = [
        ("/check", h::TOOL_CHECK),
        ("/journal", h::TOOL_JOURNAL),
        ("/reframe", h::TOOL_REFRAME),
        ("/practice", h::TOOL_PRACTICE),
        ("/learn", h::TOOL_LEARN),
        // Once something has helped, this opens its list: "What has helped you before".
        match db.has_later(crate::domain::helped::KIND) {
            true => ("/together#helped", h::TOOL_TOGETHER_HELPED),
            false => ("/together", h::TOOL_TOGETHER),
        },
    ];
    let tools = tools.map(|(path, blurb)| {
        let page = path.split('#').next().unwrap_or(path);
        let title = PAGES.iter().find(|p| p.path == page).map(|p| t(p.title)).unwrap_or_default();
        let blurb = t(blurb);
        view! {
            <li>
                <a class="tool" href=link(path)>
                    <span class="tool-title">{title}</span>
                    <span class="tool-blurb">{blurb}</span>
                </a>
            </li>
        }
    });
    let welcome = move || {
        (!db.prefs.with(|p| p.welcome_dismissed)).then(|| view! {
            <section class="card welcome" aria-labelledby="welcome-title">
                <h2 id="welcome-title">{t(h::WELCOME)}</h2>
                <p>{t(h::OFTEN_HANDLE_THINGS_ALONE)}</p>
                <p>{t(h::HERE_CAN_NOTICE_WRITE)}</p>
                <p><strong>{t(h::EVERYTHING_WRITE_STAYS_DEVICE)}</strong>{t(h::THERE_NO_ACCOUNT_NOTHING)}</p>
                <button type="button" class="button secondary small" on:click=move |_| db.update_prefs(|p| p.welcome_dismissed = true)>{t(h::GOT)}</button>
            </section>
        })
    };
    let today = move || match db.steps.with(|all| current_step(all).cloned()) {
        Some(step) => view! {
            <section class="card today" aria-labelledby="today-title">
                <h2 id="today-title">{t(h::TODAY_S_SMALL_STEP)}</h2>
                <p class="step-text">{step.text.clone()}</p>
                {(!step.with_whom.is_empty()).then(|| view! { <p class="muted">{t_with(h::WITH, &[("name", &step.with_whom)])}</p> })}
                <div class="actions">
                    <a class="button" href=link(&format!("/practice?log={}", step.id))>{t(h::LOG_HOW_WENT)}</a>
                    <a class="button secondary small" href=link("/practice#reminders")>{t(h::ADD_REMINDER_CALENDAR)}</a>
                </div>
            </section>
        }
        .into_any(),
        None => view! {
            <section class="card today" aria-labelledby="today-title">
                <h2 id="today-title">{t(h::TODAY_S_SMALL_STEP)}</h2>
                <p>{t(CLOSING_QUESTION)}</p>
                <div class="actions">
                    <a class="button" href=link("/practice#plan")>{t(h::CHOOSE_STEP)}</a>
                    <a class="button secondary small" href=link("/practice#reminders")>{t(h::ADD_REMINDER_CALENDAR)}</a>
                </div>
            </section>
        }
        .into_any(),
    };
    let recent = move || {
        let mut items: Vec<(i64, &'static str, String, String)> = Vec::new();
        db.journal.with(|all| items.extend(all.iter().map(|e| (e.updated, t(h::RECENT_JOURNAL), preview(&e.text, 80), format!("/journal?entry={}", e.id)))));
        db.checks.with(|all| items.extend(all.iter().map(|c| (c.at, t(h::RECENT_CHECK), t_with(crate::i18n::k::common::OUT_OF_100, &[("score", &crate::domain::check::score_of(c).to_string())]), "/check".to_string()))));
        db.reframes.with(|all| items.extend(all.iter().map(|r| (r.updated, t(h::RECENT_REFRAME), preview(r.situation(), 80), format!("/reframe?view={}", r.id)))));
        db.steps.with(|all| items.extend(all.iter().map(|s| (s.updated, if s.is_done() { t(h::RECENT_STEP_TAKEN) } else { t(h::RECENT_STEP_PLANNED) }, s.text.clone(), "/practice".to_string()))));
        items.sort_by(|a, b| b.0.cmp(&a.0));
        items.truncate(3);
        (!items.is_empty()).then(|| {
            let rows = items
                .into_iter()
                .map(|(at, kind, text, href)| view! {
                    <li><a class="entry-card" href=link(&href)>
                        <span class="entry-meta"><span>{kind}</span><span>{format_date(at)}</span></span>
                        <span class="entry-preview">{text}</span>
                    </a></li>
                })
                .collect_view();
            view! {
                <section aria-labelledby="recent-title">
                    <h2 id="recent-title">{t(h::RECENTLY)}</h2>
                    <ul class="entry-list">{rows}</ul>
                </section>
            }
        })
    };
    // Reminders are occasional: their words come from a chunk, fetched when one is due.
    let reminders = move || {
        let retake = crate::domain::check::retake_due(db.checks.with(|c| c.iter().map(|c| c.at).max()), crate::clock::now_ms());
        match db.backup_reminder_due() || retake {
            true => crate::lazy_pages::home_reminders().into_any(),
            false => ().into_any(),
        }
    };
    let install_offer = move || {
        let offered = matches!(crate::install::install_state().as_str(), "prompt" | "ios" | "mac-safari" | "installed");
        match offered && !db.prefs.with(|p| p.install_offer_dismissed) {
            true => crate::lazy_pages::install_offer().into_any(),
            false => ().into_any(),
        }
    };
    view! {
        <PageHeading title=t(crate::i18n::k::pages::HOME) lead=t(h::QUIET_PLACE_UNDERSTAND_URGE)/>
        <FromStore>
            {welcome}
            {reminders}
            {today}
            {recent}
            {install_offer}
        </FromStore>
        <section aria-labelledby="tools-title">
            <h2 id="tools-title">{t(h::TOOLS)}</h2>
            <ul class="tool-list">{tools.into_iter().collect_view()}</ul>
        </section>
    }
}
