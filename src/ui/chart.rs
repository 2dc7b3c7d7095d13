//! A small line chart as inline SVG, always paired with a text alternative:
//! a summary read by screen readers, and the numbers as a table on request.

use leptos::prelude::*;

use crate::i18n::{k::ui as u, t, t_with};

/// `points` are (label, value) in order; values run from 0 to `max`.
#[component]
pub fn LineChart(
    /// Names the chart for screen readers and the table's caption.
    title: &'static str,
    /// One or two sentences that say what the chart shows.
    summary: String,
    max: u8,
    points: Vec<(String, u8)>,
    /// Column heading for the values in the table.
    value_label: &'static str,
) -> impl IntoView {
    // Integer coordinates: formatting floats would add kilobytes to the wasm.
    const W: i32 = 320;
    const H: i32 = 120;
    const PAD: i32 = 10;
    // Room on the left for the axis labels.
    const LEFT: i32 = 30;
    let n = points.len() as i32;
    let top = max;
    let max = i32::from(max.max(1));
    let xy = |i: usize, v: u8| {
        let x = if n <= 1 { (W + LEFT) / 2 } else { LEFT + (W - LEFT - PAD) * i as i32 / (n - 1) };
        let y = PAD + (H - 2 * PAD) * (max - i32::from(v)) / max;
        (x, y)
    };
    let path = points
        .iter()
        .enumerate()
        .map(|(i, (_, v))| {
            let (x, y) = xy(i, *v);
            format!("{}{x},{y}", if i == 0 { "M" } else { " L" })
        })
        .collect::<String>();
    let dots = points
        .iter()
        .enumerate()
        .map(|(i, (_, v))| {
            let (x, y) = xy(i, *v);
            view! { <circle cx=x cy=y r="4"/> }
        })
        .collect_view();
    let first = points.first().map(|p| p.0.clone()).unwrap_or_default();
    let last = points.last().map(|p| p.0.clone()).unwrap_or_default();
    let rows = points
        .into_iter()
        .map(|(label, v)| view! { <tr><td>{label}</td><td>{v}</td></tr> })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=t_with(u::TITLE_SUMMARY, &[("title", &(title).to_string()), ("summary", &(summary).to_string())])>
                <line class="grid" x1=LEFT y1=PAD x2=W - PAD y2=PAD/>
                <line class="grid" x1=LEFT y1=H / 2 x2=W - PAD y2=H / 2/>
                <line class="grid" x1=LEFT y1=H - PAD x2=W - PAD y2=H - PAD/>
                <text class="tick" x=LEFT - 6 y=PAD + 4>{top}</text>
                <text class="tick" x=LEFT - 6 y=H / 2 + 4>{top / 2}</text>
                <text class="tick" x=LEFT - 6 y=H - PAD + 4>"0"</text>
                <path class="line" d=path/>
                <g class="dots">{dots}</g>
            </svg>
            <div class="chart-axis" aria-hidden="true"><span>{first}</span><span>{last}</span></div>
            <figcaption>{summary.clone()}</figcaption>
            <details class="chart-table">
                <summary>{t(u::SHOW_TABLE)}</summary>
                <table>
                    <caption class="visually-hidden">{title}</caption>
                    <thead><tr><th scope="col">{t(u::DATE)}</th><th scope="col">{value_label}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}

/// Two values per item side by side, such as expected and actual discomfort
/// (0–10), with a summary for screen readers and the numbers as a table.
#[component]
pub fn PairChart(
    title: &'static str,
    summary: String,
    /// Names of the two values, first and second.
    names: (&'static str, &'static str),
    /// (label, first, second), oldest first.
    items: Vec<(String, u8, u8)>,
    /// The table's first column.
    #[prop(default = "Step")]
    item_label: &'static str,
) -> impl IntoView {
    const W: i32 = 320;
    const H: i32 = 120;
    const BASE: i32 = 110;
    const TOP: i32 = 10;
    let n = items.len().max(1) as i32;
    let slot = (W - 20) / n;
    let bar = (slot / 3).clamp(3, 18);
    let height = |v: u8| (BASE - TOP) * i32::from(v.min(10)) / 10;
    let bars = items
        .iter()
        .enumerate()
        .map(|(i, (_, a, b))| {
            let x = 20 + slot * i as i32 + (slot - 2 * bar) / 2;
            let (ha, hb) = (height(*a), height(*b));
            view! {
                <rect class="bar first" x=x y=BASE - ha width=bar height=ha.max(1) rx="2"/>
                <rect class="bar second" x=x + bar y=BASE - hb width=bar height=hb.max(1) rx="2"/>
            }
        })
        .collect_view();
    let rows = items
        .into_iter()
        .map(|(label, a, b)| view! { <tr><td>{label}</td><td>{a}</td><td>{b}</td></tr> })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=t_with(u::TITLE_SUMMARY, &[("title", &(title).to_string()), ("summary", &(summary).to_string())])>
                <line class="grid" x1="20" y1=TOP x2=W y2=TOP/>
                <line class="grid" x1="20" y1=BASE x2=W y2=BASE/>
                <text class="tick" x="14" y=TOP + 4>"10"</text>
                <text class="tick" x="14" y=BASE + 4>"0"</text>
                {bars}
            </svg>
            <div class="legend" aria-hidden="true">
                <span class="key first"></span>{names.0}
                <span class="key second"></span>{names.1}
            </div>
            <figcaption>{summary.clone()}</figcaption>
            <details class="chart-table">
                <summary>{t(u::SHOW_TABLE)}</summary>
                <table>
                    <caption class="visually-hidden">{title}</caption>
                    <thead><tr><th scope="col">{item_label}</th><th scope="col">{names.0}</th><th scope="col">{names.1}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}
