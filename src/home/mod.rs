//! Home at /: a welcome on the first visit, today's small step (or an invitation
//! to choose one), gentle reminders when they apply, recent activity, and a way
//! into each tool.

use leptos::prelude::*;

use crate::domain::journal::preview;
use crate::domain::pages::PAGES;
use crate::domain::practice::{current_step, CLOSING_QUESTION};
use crate::db::use_db;
use crate::ui::browser::format_date;
use crate::ui::{link, FromStore, PageHeading};

#[component]
pub fn HomePage() -> impl IntoView {
    let db = use_db();
    let tools = [
        ("/check", "Notice how often the seven \"Sound familiar?\" thoughts come up."),
        ("/journal", "Write down the moments you pull away, and what was underneath."),
        ("/reframe", "Thank the part of you that protects you, then choose."),
        ("/practice", "Plan one small act of openness, and see how it went."),
        ("/learn", "Understand the pattern, and where to find support."),
    ];
    let tools = tools.map(|(path, blurb)| {
        let title = PAGES.iter().find(|p| p.path == path).map(|p| crate::i18n::t(p.title)).unwrap_or_default();
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
                <h2 id="welcome-title">"Welcome"</h2>
                <p>"If you often handle things alone, or back away when someone gets close, you are not broken. It is a pattern, and patterns can soften."</p>
                <p>"Here you can notice it, write about it, and try one small step at a time."</p>
                <p><strong>"Everything you write stays on this device."</strong>" There is no account, and nothing is sent anywhere."</p>
                <button type="button" class="button secondary small" on:click=move |_| db.update_prefs(|p| p.welcome_dismissed = true)>"Got it"</button>
            </section>
        })
    };
    let today = move || match db.steps.with(|all| current_step(all).cloned()) {
        Some(step) => view! {
            <section class="card today" aria-labelledby="today-title">
                <h2 id="today-title">"Today's small step"</h2>
                <p class="step-text">{step.text.clone()}</p>
                {(!step.with_whom.is_empty()).then(|| view! { <p class="muted">"With " {step.with_whom.clone()}</p> })}
                <div class="actions">
                    <a class="button" href=link(&format!("/practice?log={}", step.id))>"Log how it went"</a>
                    <a class="button secondary small" href=link("/practice#reminders")>"Add a reminder to my calendar"</a>
                </div>
            </section>
        }
        .into_any(),
        None => view! {
            <section class="card today" aria-labelledby="today-title">
                <h2 id="today-title">"Today's small step"</h2>
                <p>{CLOSING_QUESTION}</p>
                <div class="actions">
                    <a class="button" href=link("/practice#plan")>"Choose a step"</a>
                    <a class="button secondary small" href=link("/practice#reminders")>"Add a reminder to my calendar"</a>
                </div>
            </section>
        }
        .into_any(),
    };
    let recent = move || {
        let mut items: Vec<(i64, &'static str, String, String)> = Vec::new();
        db.journal.with(|all| items.extend(all.iter().map(|e| (e.updated, "Journal entry", preview(&e.text, 80), format!("/journal?entry={}", e.id)))));
        db.checks.with(|all| items.extend(all.iter().map(|c| (c.at, "Self-check", format!("{} out of 100", crate::domain::check::score_of(c)), "/check".to_string()))));
        db.reframes.with(|all| items.extend(all.iter().map(|r| (r.updated, "Reframe", preview(r.situation(), 80), format!("/reframe?view={}", r.id)))));
        db.steps.with(|all| items.extend(all.iter().map(|s| (s.updated, if s.is_done() { "Step taken" } else { "Step planned" }, s.text.clone(), "/practice".to_string()))));
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
                    <h2 id="recent-title">"Recently"</h2>
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
        <PageHeading title="Home" lead="A quiet place to understand the urge to pull away, and to practise leaning in."/>
        <FromStore>
            {welcome}
            {reminders}
            {today}
            {recent}
            {install_offer}
        </FromStore>
        <section aria-labelledby="tools-title">
            <h2 id="tools-title">"Your tools"</h2>
            <ul class="tool-list">{tools.into_iter().collect_view()}</ul>
        </section>
    }
}
