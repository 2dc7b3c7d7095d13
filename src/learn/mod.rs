//! Learn and Support at /learn. The Support section is reachable in one tap from
//! every page through the header's "Support" link (`/learn#support`).

use leptos::prelude::*;

use crate::ui::{ComingSoon, PageHeading};

#[component]
pub fn LearnPage() -> impl IntoView {
    view! {
        <PageHeading title="Learn and support" lead="What avoidant attachment is, where it comes from, and ways forward."/>
        <ComingSoon what="Soon this page will explain the pattern in plain words and walk through five ways forward."/>
        <Support/>
    }
}

/// Where to turn when an app is not enough. Kept short, plain and dated.
#[component]
pub fn Support() -> impl IntoView {
    view! {
        <section id="support" class="card support" aria-labelledby="support-title">
            <h2 id="support-title">"Support"</h2>
            <p>
                <strong>"This app is not therapy and not crisis care."</strong>
                " It is a private notebook and a few exercises. If you are in danger or thinking about harming yourself, please reach out to someone now."
            </p>
            <h3>"If you need help right now"</h3>
            <ul class="crisis-lines">
                <li>"Your local emergency number (for example 911, 999, 112 or 000)."</li>
                <li>"United States: call or text " <strong>"988"</strong> " (Suicide & Crisis Lifeline)."</li>
                <li>"UK and Ireland: call " <strong>"116 123"</strong> " (Samaritans)."</li>
                <li>"Australia: call " <strong>"13 11 14"</strong> " (Lifeline)."</li>
            </ul>
            <p class="muted small">"Numbers checked November 2026. If yours is not listed, your local emergency number can put you through."</p>
        </section>
    }
}
