//! Learn and Support at /learn, in our own words, drawing on the article's ideas.
//! The Support section is one tap from every page (the header's "Support" link).

use leptos::prelude::*;

use crate::ui::{link, PageHeading};

#[component]
pub fn LearnPage() -> impl IntoView {
    let ways = [
        ("Name the pattern", "Notice when you pull away, what set it off, and what you felt. Writing it down helps you see the pattern instead of being run by it.", "/journal", "Open the journal"),
        ("Question the independence story", "Being able to cope alone is a strength. Needing people is not a weakness. Nobody is meant to do life alone, and even the steadiest people lean on others.", "/practice", "Try a small step"),
        ("Practise small acts of openness", "You do not have to tell anyone everything. Share one real thought, accept a compliment, let someone comfort you. Small is the point.", "/practice", "Plan a small step"),
        ("Treat the urge as a protector", "The part of you that pulls away once kept you safe. Thank it, remind yourself what is different now, and choose what to do.", "/reframe", "Try the reframe"),
        ("Get support for the deeper work", "Therapy, especially with someone who understands attachment, can help you feel safer with closeness. Books can help too.", "/learn#support", "Where to find support"),
    ];
    let ways = ways
        .into_iter()
        .enumerate()
        .map(|(i, (title, text, href, label))| {
            let href = link(href);
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
        <PageHeading title="Learn and support" lead="What the pattern is, where it comes from, and ways forward."/>
        <section class="card prose" aria-labelledby="what-title">
            <h2 id="what-title">"What avoidant attachment is"</h2>
            <p>"Some of us learned early that it was safer to rely on ourselves. Perhaps feelings were brushed aside, or we were told to stop crying and sort it out alone. So we did. We became capable, calm on the outside, and careful not to need anyone too much."</p>
            <p>"Researchers call this an avoidant attachment style. It is not a flaw or a diagnosis. It was a way of surviving that made sense at the time, and it often still works well at school, at work, in a crisis."</p>
            <p>"The cost shows up in closeness. Part of you may long for connection while another part keeps a careful distance. Over time that can feel lonely, even in a relationship."</p>
        </section>
        <section class="card prose" aria-labelledby="shows-title">
            <h2 id="shows-title">"How it can show up"</h2>
            <ul>
                <li>"Going quiet, changing the subject or saying \"I'm fine\" when someone asks how you really are."</li>
                <li>"Feeling crowded or restless when a relationship gets more serious, and wanting space."</li>
                <li>"Finding it hard to ask for help, or to accept it when it is offered."</li>
                <li>"Deflecting compliments and comfort, or feeling uneasy when someone depends on you."</li>
                <li>"Moving on from endings quickly on the outside, while something stays unprocessed inside."</li>
            </ul>
            <p>"None of this makes you cold. It usually means you learned to protect yourself well."</p>
        </section>
        <section class="card prose" aria-labelledby="ways-title">
            <h2 id="ways-title">"Five ways forward"</h2>
            <ol class="ways">{ways}</ol>
            <p>"Change is slow and uneven, and that is normal. The aim is not to need everyone for everything, but a balance where closeness feels safe and goes both ways."</p>
        </section>
        <Support/>
        <section class="card prose" aria-labelledby="refs-title">
            <h2 id="refs-title">"Where these ideas come from"</h2>
            <ul class="references">
                <li>"Mary Ainsworth and Mary Main: the research that first described attachment styles, including avoidant attachment."</li>
                <li>"James Pennebaker (2018): on expressive writing and how reflecting on experiences helps process emotions."</li>
                <li>"Levy and colleagues (2018): on attachment and psychotherapy, including how therapy helps people feel safer with closeness."</li>
                <li>"Brené Brown: on vulnerability as a path to connection rather than a weakness."</li>
                <li><cite>"Attached"</cite>", by Amir Levine and Rachel Heller: a readable book on attachment styles in adult relationships."</li>
            </ul>
        </section>
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
            <h3>"Finding a therapist"</h3>
            <p>"It may be time to look for a therapist if the pattern keeps costing you relationships you care about, if you feel alone even with people around you, or if old experiences still weigh on you. Look for someone who mentions attachment, relationships, or emotion-focused work. A first session is a chance to see whether you feel at ease with them; it is fine to try more than one person."</p>
            <p>"Finding words on the spot is often the hardest part of a first session. A summary of what you have noticed here, with only what you choose to share, can help you begin."</p>
            <p><a class="button secondary" href=crate::ui::link("/summary")>"Prepare a summary"</a></p>
            <p>"If therapy is not possible right now, a book such as " <cite>"Attached"</cite> " by Amir Levine and Rachel Heller, a trusted friend, or a local support group can still help."</p>
        </section>
    }
}
