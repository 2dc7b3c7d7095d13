//! The summary as Markdown, for pasting into an email: the same sections as the
//! page, charts as tables, and the person's words quoted and escaped so nothing
//! in them can turn into a link, heading or HTML.

use super::{Chart, Summary};
use crate::domain::markdown::{escape, quote};

pub fn to_markdown(summary: &Summary) -> String {
    use crate::i18n::{k::summary as sm, t, t_with};
    let mut out = format!("# {}\n\n", t(sm::SUMMARY_BRING_THERAPY));
    if let Some(name) = &summary.name {
        out.push_str(&format!("{}  \n", escape(name)));
    }
    out.push_str(&format!("{}  \n{}\n", summary.period, t_with(sm::PREPARED_PREPARED_FROM_OWN, &[("prepared_on", &summary.prepared_on)])));
    for section in &summary.sections {
        out.push_str(&format!("\n## {}\n", section.part.title()));
        for sentence in &section.sentences {
            out.push_str(&format!("\n{sentence}\n"));
        }
        if let Some((chart, said)) = &section.chart {
            out.push_str(&format!("\n{said}\n\n"));
            match chart {
                Chart::Line { value_label, points, .. } => {
                    out.push_str(&format!("| {} | {value_label} |\n|---|---|\n", t(sm::DATE)));
                    for (date, v) in points {
                        out.push_str(&format!("| {date} | {v} |\n"));
                    }
                }
                Chart::Pair { names, items, .. } => {
                    out.push_str(&format!("| {} | {} | {} |\n|---|---|---|\n", t(sm::DATE), names.0, names.1));
                    for (date, a, b) in items {
                        out.push_str(&format!("| {date} | {a} | {b} |\n"));
                    }
                }
            }
        }
        for list in &section.lists {
            out.push_str(&format!("\n**{}**\n\n", list.heading));
            for (label, value) in &list.rows {
                out.push_str(&format!("- {label}: {value}\n"));
            }
        }
        for q in &section.quoted {
            if !q.heading.is_empty() {
                out.push_str(&format!("\n### {}\n", q.heading));
            }
            for (label, words) in &q.parts {
                match label {
                    None => out.push_str(&format!("\n{}\n", quote(words))),
                    Some(label) => out.push_str(&format!("\n**{label}:**\n\n{}\n", quote(words))),
                }
            }
        }
    }
    out
}
