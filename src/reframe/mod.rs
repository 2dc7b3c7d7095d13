//! The reframe exercise at /reframe: thank the protector, reassure, choose.

use leptos::prelude::*;

use crate::ui::{ComingSoon, PageHeading};

#[component]
pub fn ReframePage() -> impl IntoView {
    view! {
        <PageHeading title="Reframe" lead="Thank the part of you that pulls away, then choose what to do."/>
        <ComingSoon what="Soon a short guided exercise will walk you through thanking your protective side, reassuring yourself, and choosing one small step."/>
    }
}
