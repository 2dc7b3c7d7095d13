//! The journal at /journal: guided prompts, patterns over time, search.

use leptos::prelude::*;

use crate::ui::{ComingSoon, PageHeading};

#[component]
pub fn JournalPage() -> impl IntoView {
    view! {
        <PageHeading title="Journal" lead="A private place to notice the moments you pull away."/>
        <ComingSoon what="Soon you will be able to write from prompts like \"What situations make me withdraw?\" and see your own patterns over time."/>
    }
}
