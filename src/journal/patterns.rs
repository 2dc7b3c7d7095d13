//! What a person's own entries show over time, in honest words when there are few.

use leptos::prelude::*;

use crate::i18n::{decimal, k::journal as j, t, t_count_with, t_with};
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
            <li><span>{name}</span><span class="count">{plural(n, crate::i18n::k::count::ENTRIES)}</span></li>
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
            return view! { <p class="card">{t(j::PATTERNS_WILL_APPEAR_HERE)}</p> <MomentsPattern/> }.into_any();
        }
        let early = (p.entries < FEW_ENTRIES).then(|| view! {
            <p class="notice">{t_with(j::EARLY_GLIMPSES, &[("entries", &plural(p.entries, crate::i18n::k::count::ENTRIES))])}</p>
        });
        let feelings: Vec<(String, usize)> = p.emotions.iter().map(|(m, n)| (crate::domain::journal::emotion_label(m).to_string(), *n)).collect();
        let who: Vec<(String, usize)> = p.who.iter().map(|(w, n)| (w.label().to_string(), *n)).collect();
        let leaning = if p.with_action == 0 {
            t(j::NOTE_WHAT_YOU_DID).to_string()
        } else {
            t_count_with(j::STAYED_OR_REACHED, p.leaned_in as i64, &[("moments", &plural(p.with_action, crate::i18n::k::count::MOMENTS))])
        };
        let chart = (p.urge.len() >= 2).then(|| {
            let half = p.urge.len() / 2;
            let avg = |s: &[(i64, u8)]| s.iter().map(|(_, u)| u32::from(*u)).sum::<u32>() * 10 / s.len() as u32;
            let (a, b) = (avg(&p.urge[..half]), avg(&p.urge[half..]));
            let summary = t_with(j::URGE_SUMMARY, &[
                ("entries", &plural(p.urge.len(), crate::i18n::k::count::ENTRIES)),
                ("from", &format_date(p.urge[0].0)), ("to", &format_date(p.urge[p.urge.len() - 1].0)),
                ("earlier", &decimal(a as i64, 1)), ("later", &decimal(b as i64, 1))]);
            let points = p.urge.iter().map(|(at, u)| (format_date(*at), *u)).collect();
            view! { <LineChart title=t(j::URGE_WITHDRAW_OVER_TIME) summary=summary max=10 points=points value_label=t(j::URGE_0_10)/> }
        });
        view! {
            {early}
            {ranked_section("p-feelings", t(j::FEELINGS_MOST), feelings, t(j::NO_FEELINGS))}
            {ranked_section("p-who", t(j::WHO_INVOLVED), who, t(j::NOBODY_NOTED))}
            <section class="card" aria-labelledby="p-leaning">
                <h2 id="p-leaning">{t(j::STAYING_REACHING_OUT)}</h2>
                <p>{leaning}</p>
            </section>
            <section class="card" aria-labelledby="p-urge">
                <h2 id="p-urge">{t(j::URGE_WITHDRAW_OVER_TIME)}</h2>
                {chart.unwrap_or_else(|| view! {
                    <LineChart title=t(j::URGE_WITHDRAW_OVER_TIME) summary=t(j::RATE_URGE_TWO_MORE).to_string() max=10 points=vec![] value_label=t(j::URGE_0_10)/>
                })}
            </section>
            <MomentsPattern/>
            <SummaryLink/>
        }
        .into_any()
    }
}

/// How safe closeness felt before and after each secure-base moment, when
/// there are any: a chart with its numbers as a table, and a plain sentence.
#[component]
fn MomentsPattern() -> impl IntoView {
    use crate::domain::moment::{changes, latest, Moment};
    use crate::i18n::k::moment as m;
    let db = use_db();
    move || {
        let all = db.later::<Moment>();
        (!all.is_empty()).then(|| {
            let (safer, same, less) = changes(&all);
            let summary = crate::i18n::t_count_with(m::PATTERNS_SUMMARY, all.len() as i64, &[
                ("safer", &safer.to_string()), ("same", &same.to_string()), ("less", &less.to_string())]);
            let items = latest(&all, 12).into_iter().map(|x| (format_date(x.at), x.before, x.after)).collect();
            view! {
                <section class="card" id="moments" aria-labelledby="p-moments">
                    <h2 id="p-moments">{t(m::PATTERNS_TITLE)}</h2>
                    <p class="muted">{t(m::PATTERNS_LEAD)}</p>
                    <crate::ui::chart::PairChart title=t(m::CHART_TITLE) summary=summary names=(t(m::BEFORE), t(m::AFTER)) items=items item_label=t(m::MOMENT_LABEL)/>
                </section>
            }
        })
    }
}

/// Patterns are what a summary for therapy is made of.
#[component]
fn SummaryLink() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="p-summary">
            <h2 id="p-summary">{t(j::BRINGING_THERAPY)}</h2>
            <p>{t(j::ONE_PAGE_SUMMARY_THESE)}</p>
            <a class="button secondary" href=crate::ui::link("/summary")>{t(j::PREPARE_SUMMARY)}</a>
        </section>
    }
}
