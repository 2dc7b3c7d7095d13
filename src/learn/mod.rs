//! Learn and Support at /learn, in our own words, drawing on the article's ideas.
//! The Support section is one tap from every page (the header's "Support" link).

use leptos::prelude::*;

use crate::i18n::{k::learn as l, t};
use crate::ui::{link, PageHeading};

mod support;
pub use support::{Support, CRISIS_LINES_FILE};

#[component]
pub fn LearnPage() -> impl IntoView {
    let ways = [
        (l::WAY_NAME_TITLE, l::WAY_NAME_TEXT, "/journal", l::WAY_NAME_LINK),
        (l::WAY_QUESTION_TITLE, l::WAY_QUESTION_TEXT, "/practice", l::WAY_QUESTION_LINK),
        (l::WAY_PRACTISE_TITLE, l::WAY_PRACTISE_TEXT, "/practice", l::WAY_PRACTISE_LINK),
        (l::WAY_PROTECTOR_TITLE, l::WAY_PROTECTOR_TEXT, "/reframe", l::WAY_PROTECTOR_LINK),
        (l::WAY_SUPPORT_TITLE, l::WAY_SUPPORT_TEXT, "/learn#support", l::WAY_SUPPORT_LINK),
    ];
    let ways = ways
        .into_iter()
        .enumerate()
        .map(|(i, (title, text, href, label))| {
            let (title, text, label, href) = (t(title), t(text), t(label), link(href));
            view! {
                <li>
                    <h3>{format!("{}. {title}", i + 1)}</h3>
                    <p>{text}</p>
                    <a href=href>{label}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageHeading title=t(l::LEARN_SUPPORT) lead=t(l::WHAT_PATTERN_WHERE_COMES)/>
        <section class="card prose" aria-labelledby="what-title">
            <h2 id="what-title">{t(l::WHAT_AVOIDANT_ATTACHMENT)}</h2>
            <p>{t(l::SOME_US_LEARNED_EARLY)}</p>
            <p>{t(l::RESEARCHERS_CALL_AVOIDANT_ATTACHMENT)}</p>
            <p>{t(l::COST_SHOWS_UP_CLOSENESS)}</p>
        </section>
        <section class="card prose" aria-labelledby="shows-title">
            <h2 id="shows-title">{t(l::HOW_CAN_SHOW_UP)}</h2>
            <ul>
                <li>{t(l::GOING_QUIET_CHANGING_SUBJECT)}</li>
                <li>{t(l::FEELING_CROWDED_RESTLESS_WHEN)}</li>
                <li>{t(l::FINDING_HARD_ASK_HELP)}</li>
                <li>{t(l::DEFLECTING_COMPLIMENTS_COMFORT_FEELING)}</li>
                <li>{t(l::MOVING_FROM_ENDINGS_QUICKLY)}</li>
            </ul>
            <p>{t(l::NONE_MAKES_COLD_USUALLY)}</p>
        </section>
        <section class="card prose" aria-labelledby="ways-title">
            <h2 id="ways-title">{t(l::FIVE_WAYS_FORWARD)}</h2>
            <ol class="ways">{ways}</ol>
            <p>{t(l::CHANGE_SLOW_UNEVEN_NORMAL)}</p>
        </section>
        <section class="card prose" id="between" aria-labelledby="between-title">
            <h2 id="between-title">{t(l::BETWEEN_TITLE)}</h2>
            <p>{t(l::BETWEEN_RESPECT)}</p>
            <p>{t(l::BETWEEN_COUPLES)}</p>
            <p>{t(l::BETWEEN_SECURE)}</p>
            <p><a href=crate::ui::link("/together")>{t(l::BETWEEN_TRY)}</a></p>
        </section>
        <Support/>
        <section class="card prose" aria-labelledby="refs-title">
            <h2 id="refs-title">{t(l::WHERE_THESE_IDEAS_COME)}</h2>
            <ul class="references">
                <li>{t(l::MARY_AINSWORTH_MARY_MAIN)}</li>
                <li>{t(l::JAMES_PENNEBAKER_2018_EXPRESSIVE)}</li>
                <li>{t(l::LEVY_COLLEAGUES_2018_ATTACHMENT)}</li>
                <li>{t(l::BREN_BROWN_VULNERABILITY_PATH)}</li>
                <li><cite>{t(l::ATTACHED)}</cite>{t(l::AMIR_LEVINE_RACHEL_HELLER)}</li>
                <li>{t(l::REF_OVERALL)}</li>
                <li>{t(l::REF_BURGESS_MOSER)}</li>
                <li>{t(l::REF_GILLATH)}</li>
                <li>{t(l::REF_OTWAY)}</li>
            </ul>
        </section>
    }
}
