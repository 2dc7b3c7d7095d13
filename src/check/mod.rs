//! The self-check at /check: the article's seven statements on a frequency scale, a result, and change over time.

use leptos::prelude::*;

use crate::ui::{ComingSoon, PageHeading};

#[component]
pub fn CheckPage() -> impl IntoView {
    view! {
        <PageHeading title="Self-check" lead="Seven statements, a few minutes, and a gentle look at how often they ring true for you."/>
        <ComingSoon what="Soon you will be able to rate the seven \"Sound familiar?\" statements, see a gentle result, and notice change when you retake it."/>
    }
}
