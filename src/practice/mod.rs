//! Small steps at /practice: plan a step, log how it went, see progress.

use leptos::prelude::*;

use crate::ui::{ComingSoon, PageHeading};

#[component]
pub fn PracticePage() -> impl IntoView {
    view! {
        <PageHeading title="Small steps" lead="One small act of openness at a time."/>
        <ComingSoon what="Soon you will be able to plan small acts of openness, note how they went, and see how fear compares with what really happens."/>
    }
}
