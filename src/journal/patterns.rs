//! What a person's own entries show over time, in honest words when there are few.

use leptos::prelude::*;

use crate::domain::journal::{patterns, FEW_ENTRIES};
use crate::domain::words::plural;
use crate::db::use_db;
use crate::ui::browser::format_date;
use crate::ui::chart::LineChart;

/// A card with the five most frequent items, or a quiet note when there are none.
fn ranked_section(id: &'static str, title: &'static str, items: Vec<(String, usize)>, empty: &'static str) -> impl IntoView {
    let body = if items.is_empty() {
        view! { <p class="muted">{empty}</p> }.into_any()
    } else {
        let rows = items.into_iter().take(5).map(|(name, n)| view! {
            <li><span>{name}</span><span class="count">{plural(n, "entry", "entries")}</span></li>
        }).collect_view();
        view! { <ol class="ranked">{rows}</ol> }.into_any()
    };
    view! {
        <section class="card" aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {body}
        </section>
    }
}

#[component]
pub fn PatternsView() -> impl IntoView {
    let db = use_db();
    move || {
        let p = db.journal.with(|all| patterns(all));
        if p.entries == 0 {
            return view! { <p class="card">"Patterns will appear here as you write. There is no rush."</p> }.into_any();
        }
        let early = (p.entries < FEW_ENTRIES).then(|| view! {
            <p class="notice">{format!(
                "With {} so far, these are early glimpses rather than patterns. They become clearer with time.",
                plural(p.entries, "entry", "entries"))}</p>
        });
        let feelings = p.emotions.clone();
        let who: Vec<(String, usize)> = p.who.iter().map(|(w, n)| (w.label().to_string(), *n)).collect();
        let leaning = if p.with_action == 0 {
            "When you note what you did in a moment, you will see here how often you stayed or reached out.".to_string()
        } else {
            format!(
                "Of the {} where you noted what you did, you stayed or reached out in {}. Every one of those counts.",
                plural(p.with_action, "moment", "moments"), p.leaned_in)
        };
        let chart = (p.urge.len() >= 2).then(|| {
            let half = p.urge.len() / 2;
            let avg = |s: &[(i64, u8)]| s.iter().map(|(_, u)| u32::from(*u)).sum::<u32>() * 10 / s.len() as u32;
            let (a, b) = (avg(&p.urge[..half]), avg(&p.urge[half..]));
            let summary = format!(
                "{} rated from {} to {}. Average {}.{} in the earlier half, {}.{} in the later half.",
                plural(p.urge.len(), "entry", "entries"),
                format_date(p.urge[0].0), format_date(p.urge[p.urge.len() - 1].0),
                a / 10, a % 10, b / 10, b % 10);
            let points = p.urge.iter().map(|(at, u)| (format_date(*at), *u)).collect();
            view! { <LineChart title="Urge to withdraw over time" summary=summary max=10 points=points value_label="Urge (0 to 10)"/> }
        });
        view! {
            {early}
            {ranked_section("p-feelings", "Feelings that come up most", feelings, "No feelings noted yet.")}
            {ranked_section("p-who", "Who it involved", who, "No one noted yet.")}
            <section class="card" aria-labelledby="p-leaning">
                <h2 id="p-leaning">"Staying and reaching out"</h2>
                <p>{leaning}</p>
            </section>
            <section class="card" aria-labelledby="p-urge">
                <h2 id="p-urge">"Urge to withdraw over time"</h2>
                {chart.unwrap_or_else(|| view! {
                    <LineChart title="Urge to withdraw over time" summary="Rate the urge in two or more entries to see it over time.".to_string() max=10 points=vec![] value_label="Urge (0 to 10)"/>
                })}
            </section>
            <SummaryLink/>
        }
        .into_any()
    }
}

/// Patterns are what a summary for therapy is made of.
#[component]
fn SummaryLink() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="p-summary">
            <h2 id="p-summary">"Bringing this to therapy?"</h2>
            <p>"A one-page summary of these patterns, with only what you choose, can help you find words in a session."</p>
            <a class="button secondary" href=crate::ui::link("/summary")>"Prepare a summary"</a>
        </section>
    }
}
