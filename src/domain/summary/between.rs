//! The summary's parts from "Between two people": what has helped, and the
//! secure-base moments. Both are the person's to add (`Part::by_default`).

use super::{Chart, Part, Quoted, Section, CHART_FROM};
use crate::domain::helped::{in_order, Helped};
use crate::domain::moment::{changes, latest, Moment};
use crate::i18n::{k::summary as sm, t, t_count_with};

/// The whole list, in the person's order and words: it is kept over time, so
/// the period does not cut it.
pub(super) fn helped_section(helped: &[Helped]) -> Option<Section> {
    let mut s = Section::new(Part::Helped);
    if helped.is_empty() {
        s.say(t(sm::HELPED_NONE));
        return Some(s);
    }
    s.say(t(sm::HELPED_LEAD));
    let parts = in_order(helped).into_iter().map(|h| (None, h.text.trim().to_string())).collect();
    s.quoted.push(Quoted { heading: String::new(), parts });
    Some(s)
}

/// How safe closeness felt before and after each moment in the period.
pub(super) fn moments_section(moments: &[Moment], within: &dyn Fn(i64) -> bool, date: &dyn Fn(i64) -> String) -> Option<Section> {
    let mut s = Section::new(Part::Moments);
    let in_period: Vec<Moment> = moments.iter().filter(|m| within(m.at)).cloned().collect();
    if in_period.is_empty() {
        s.say(t(sm::MOMENTS_NONE));
        return Some(s);
    }
    let (safer, same, less) = changes(&in_period);
    let sentence = t_count_with(crate::i18n::k::moment::PATTERNS_SUMMARY, in_period.len() as i64, &[
        ("safer", &safer.to_string()),
        ("same", &same.to_string()),
        ("less", &less.to_string()),
    ]);
    if in_period.len() < CHART_FROM {
        s.say(sentence);
    } else {
        let items = latest(&in_period, usize::MAX).into_iter().map(|m| (date(m.at), m.before, m.after)).collect();
        s.chart = Some((Chart::Pair { title: t(sm::MOMENTS_CHART_TITLE), names: (t(sm::BEFORE), t(sm::AFTER)), items }, sentence));
    }
    Some(s)
}
