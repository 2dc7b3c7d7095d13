//! Where to turn when an app is not enough: the crisis lines of the person's
//! region (a setting here, else the region part of their language, never the
//! network), every region's a tap away, and a word on finding a therapist. The
//! lines are data with a source and a check date (`data/crisis-lines.json`,
//! fetched when the page opens, from the service worker's cache offline).

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::db::store;
use crate::domain::crisis::{dial, opening_hours, CrisisData, Line, Region};
use crate::domain::time::{days_from_civil, parse_iso_date, MS_PER_DAY};
use crate::i18n::{k::support as s, t, t_with};
use crate::ui::browser::{fetch_text, format_date};

/// The crisis lines, as the build copies them beside index.html.
pub const CRISIS_LINES_FILE: &str = "crisis-lines.json";

/// What the lines file gave: still coming, read, or not to be had.
#[derive(Clone)]
enum Lines {
    Coming,
    Read(Arc<CrisisData>),
    Unavailable,
}

fn read(text: Option<String>) -> Lines {
    match text.as_deref().map(CrisisData::parse) {
        Some(Ok(data)) => Lines::Read(Arc::new(data)),
        _ => Lines::Unavailable,
    }
}

#[component]
pub fn Support() -> impl IntoView {
    let lines = RwSignal::new(Lines::Coming);
    leptos::task::spawn_local(async move { lines.set(read(fetch_text(CRISIS_LINES_FILE).await)) });
    view! {
        <section id="support" class="card support" aria-labelledby="support-title">
            <h2 id="support-title">{t(s::TITLE)}</h2>
            <p>
                <strong>{t(s::NOT_THERAPY)}</strong>
                {t(s::NOT_THERAPY_MORE)}
            </p>
            <h3>{t(s::RIGHT_NOW)}</h3>
            <p>{t(s::EMERGENCY_FIRST)}</p>
            <div class="crisis-here">
                {move || match lines.get() {
                    Lines::Coming => ().into_any(),
                    Lines::Unavailable => view! {
                        <p class="muted">{t(s::LINES_UNAVAILABLE)}</p>
                    }.into_any(),
                    Lines::Read(data) => view! { <RegionChoice data/> }.into_any(),
                }}
            </div>
            <h3>{t(s::THERAPIST_TITLE)}</h3>
            <p>{t(s::THERAPIST_WHEN)}</p>
            <p>{t(s::SUMMARY_HELPS)}</p>
            <p><a class="button secondary" href=crate::ui::link("/summary")>{t(s::PREPARE_SUMMARY)}</a></p>
            <p>{t(s::IF_NOT_THERAPY_BEFORE)}<cite translate="no">"Attached"</cite>{t(s::IF_NOT_THERAPY_AFTER)}</p>
        </section>
    }
}

/// The region's lines, the choice of region, and every region's lines behind a disclosure.
#[component]
fn RegionChoice(data: Arc<CrisisData>) -> impl IntoView {
    let languages: Vec<String> = window().navigator().languages().iter().filter_map(|l| l.as_string()).collect();
    let from_language = data.region_for_languages(languages.iter().map(String::as_str)).map(|r| r.region.clone());
    let chosen = RwSignal::new(
        store().region().filter(|code| data.region(code).is_some())
            .or(from_language),
    );
    let names = RegionNames::new(&data);
    let mut regions: Vec<(String, String)> = data.regions.iter().map(|r| (names.of(&r.region), r.region.clone())).collect();
    regions.sort();
    let options = regions
        .iter()
        .map(|(name, code)| {
            let code = code.clone();
            let selected = { let code = code.clone(); move || chosen.get().as_deref() == Some(code.as_str()) };
            view! { <option value=code selected=selected translate="no">{name.clone()}</option> }
        })
        .collect_view();
    let on_change = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        let code = (!code.is_empty()).then_some(code);
        // Shown at once; kept if the store can be written (read-only: for this visit).
        let _ = store().set_region(code.as_deref());
        chosen.set(code);
    };
    let here = {
        let data = data.clone();
        let names = names.clone();
        move || match chosen.get().and_then(|code| data.region(&code).cloned()) {
            Some(region) => view! { <RegionLines region sources=data.clone() names=names.clone() heading=false/> }.into_any(),
            None => view! { <p class="muted">{t(s::CHOOSE_TO_SEE)}</p> }.into_any(),
        }
    };
    let every = data
        .regions
        .iter()
        .map(|region| view! { <RegionLines region=region.clone() sources=data.clone() names=names.clone() heading=true/> })
        .collect_view();
    view! {
        <div class="field crisis-region">
            <label for="crisis-region">{t(s::WHERE_YOU_ARE)}</label>
            <select id="crisis-region" on:change=on_change>
                <option value="" selected=move || chosen.get().is_none()>{t(s::CHOOSE_COUNTRY)}</option>
                {options}
            </select>
        </div>
        <div class="crisis-lines-here" aria-live="polite">{here}</div>
        <details class="every-region">
            <summary>{t(s::EVERY_COUNTRY)}</summary>
            {every}
        </details>
    }
}

/// A region's emergency number and lines, with when they were checked and against what.
#[component]
fn RegionLines(region: Region, sources: Arc<CrisisData>, names: RegionNames, heading: bool) -> impl IntoView {
    let name = names.of(&region.region);
    let checked = region.lines.iter().filter_map(|l| parse_iso_date(&l.checked)).min_by_key(|d| (d.year, d.month, d.day));
    let mut source_ids: Vec<&String> = region.emergency_sources.iter().chain(region.lines.iter().flat_map(|l| &l.sources)).collect();
    source_ids.dedup();
    let source_list = source_ids
        .into_iter()
        .filter_map(|id| sources.sources.get(id))
        .map(|s| {
            let dated = s.dated.clone().map(|d| format!(" ({d})"));
            // Told as text to copy, not linked: the app points at no other site.
            view! { <li><span class="address">{s.url.clone()}</span>{dated}</li> }
        })
        .collect_view();
    let lines = region.lines.iter().map(line_view).collect_view();
    view! {
        <div class="crisis-region-lines">
            {heading.then(|| view! { <h4 translate="no">{name.clone()}</h4> })}
            <ul class="crisis-lines">{lines}</ul>
            <p class="crisis-emergency">
                <span>{t(s::EMERGENCY_LABEL)}</span>
                <a class="dial" href=format!("tel:{}", dial(&region.emergency))>{t_with(s::CALL, &[("number", &region.emergency)])}</a>
            </p>
            <details class="crisis-sources small">
                // The sources are addresses, not the app's words.
                <summary>{checked.map(|d| t_with(s::CHECKED_SOURCES, &[("date", &format_date(days_from_civil(d) * MS_PER_DAY + MS_PER_DAY / 2))])).unwrap_or_else(|| t(s::SOURCES).into())}</summary>
                <ul translate="no">{source_list}</ul>
            </details>
        </div>
    }
}

fn line_view(line: &Line) -> impl IntoView {
    let area = line.area.as_ref().map(|area| t_with(s::AREA_ONLY, &[("area", area)]));
    let call = line.call.clone().map(|n| view! { <a class="dial" href=format!("tel:{}", dial(&n))>{t_with(s::CALL, &[("number", &n)])}</a> });
    let text = line.text.clone().map(|n| {
        let label = match &line.keyword {
            Some(word) => t_with(s::TEXT_WORD, &[("word", word), ("number", &n)]),
            None => t_with(s::TEXT, &[("number", &n)]),
        };
        view! { <a class="dial" href=format!("sms:{}", dial(&n))>{label}</a> }
    });
    let mut notes = Vec::new();
    // A chat's address is told, not linked: the app points at no other site.
    if let Some(site) = &line.chat {
        notes.push(t_with(s::CHAT, &[("site", site)]));
    }
    if !line.also.is_empty() {
        notes.push(t_with(s::ALSO_ON, &[("numbers", &line.also.join(", "))]));
    }
    match (line.always_open, line.hours.as_deref().and_then(opening_hours)) {
        (true, _) => notes.push(t(s::ALWAYS_OPEN).into()),
        (false, Some((from, to))) => notes.push(t_with(s::OPEN_HOURS, &[("from", from), ("to", to)])),
        (false, None) => {}
    }
    match line.option.as_deref() {
        Some("mental-health") => notes.push(t(s::OPTION_MENTAL_HEALTH).into()),
        Some(n) => notes.push(t_with(s::OPTION, &[("option", n)])),
        None => {}
    }
    if line.free {
        notes.push(t(s::FREE).into());
    }
    if let Some(cost) = &line.cost {
        notes.push(t_with(s::COST, &[("cost", cost)]));
    }
    view! {
        <li class="crisis-line">
            <p class="crisis-service"><strong translate="no">{line.service.clone()}</strong>{area}</p>
            <p class="crisis-ways">{call}{text}</p>
            <p class="muted small">{notes.join(" ")}</p>
        </li>
    }
}

/// Region names in the person's language, from the browser's `Intl.DisplayNames`
/// (no bundled list); the code itself where the browser has none.
#[derive(Clone)]
struct RegionNames(Arc<BTreeMap<String, String>>);

impl RegionNames {
    fn new(data: &CrisisData) -> RegionNames {
        let options = js_sys::Intl::DisplayNamesOptions::new();
        options.set_type(js_sys::Intl::DisplayNamesType::Region);
        let locales = js_sys::Array::of1(&crate::i18n::language().into());
        let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok();
        let names = intl
            .filter(|intl| js_sys::Reflect::has(intl, &"DisplayNames".into()).unwrap_or(false))
            .map(|_| js_sys::Intl::DisplayNames::new(&locales, &options));
        let of = |code: &str| names.as_ref().and_then(|names| names.of(code)).map(String::from).unwrap_or_else(|| code.to_string());
        RegionNames(Arc::new(data.regions.iter().map(|r| (r.region.clone(), of(&r.region))).collect()))
    }

    fn of(&self, code: &str) -> String {
        self.0.get(code).cloned().unwrap_or_else(|| code.to_string())
    }
}
