//! The summary as a page: the live preview on screen and, through the print
//! stylesheet, the printed page. Every word the person wrote is rendered as text.

use leptos::prelude::*;

use crate::i18n::{k::summary as s, t, t_with};
use crate::domain::summary::{Chart, Quoted, Section, Summary};
use crate::ui::chart::{LineChart, PairChart};

#[component]
pub fn SummaryView(summary: Summary) -> impl IntoView {
    // The printed footer names the period on every page (`@page` in main.css).
    if let Some(root) = document().document_element() {
        let style = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&root).style();
        let _ = style.set_property("--summary-footer", &t_with(s::SUMMARY_PERIOD, &[("period", &(summary.period).to_string())]));
    }
    let empty = summary.sections.is_empty();
    let sections = summary.sections.into_iter().map(|s| view! { <SectionView section=s/> }).collect_view();
    view! {
        <article class="summary-page" aria-labelledby="summary-title">
            <header class="summary-head">
                <h2 id="summary-title">{t(s::SUMMARY_BRING_THERAPY)}</h2>
                {summary.name.map(|n| view! { <p class="summary-name">{n}</p> })}
                <p>{summary.period}</p>
                <p class="muted">{t_with(s::PREPARED_PREPARED_FROM_OWN, &[("prepared_on", &(summary.prepared_on).to_string())])}</p>
            </header>
            {sections}
            {empty.then(|| view! { <p class="muted summary-empty">{t(s::NOTHING_INCLUDED_YET_CHOOSE)}</p> })}
        </article>
    }
}

#[component]
fn SectionView(section: Section) -> impl IntoView {
    let (id, labelled_by) = (format!("summary-{}", section.part.key()), format!("summary-{}", section.part.key()));
    let chart = section.chart.map(|(chart, said)| match chart {
        Chart::Line { title, value_label, max, points } => {
            view! { <LineChart title=title summary=said max=max points=points value_label=value_label/> }.into_any()
        }
        Chart::Pair { title, names, items } => view! { <PairChart title=title summary=said names=names items=items item_label=t(s::DATE)/> }.into_any(),
    });
    let lists = section
        .lists
        .into_iter()
        .map(|list| {
            let rows =
                list.rows.into_iter().map(|(label, value)| view! { <li><span>{label}</span><span class="count">{value}</span></li> }).collect_view();
            view! {
                <h4>{list.heading}</h4>
                <ul class="ranked plain summary-list">{rows}</ul>
            }
        })
        .collect_view();
    let quoted = section.quoted.into_iter().map(|q| view! { <QuotedView quoted=q/> }).collect_view();
    view! {
        <section class="summary-section" aria-labelledby=labelled_by data-part=section.part.key()>
            <h3 id=id>{section.part.title()}</h3>
            {section.sentences.into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
            {chart}
            {lists}
            {quoted}
        </section>
    }
}

#[component]
fn QuotedView(quoted: Quoted) -> impl IntoView {
    let parts = quoted
        .parts
        .into_iter()
        .map(|(label, words)| match label {
            None => view! { <p class="quoted-text">{words}</p> }.into_any(),
            Some(label) => view! { <p class="quoted-part"><strong>{label}": "</strong>{words}</p> }.into_any(),
        })
        .collect_view();
    view! {
        <blockquote class="quoted">
            {(!quoted.heading.is_empty()).then(|| view! { <h4>{quoted.heading}</h4> })}
            {parts}
        </blockquote>
    }
}
