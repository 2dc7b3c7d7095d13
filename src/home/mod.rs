//! Home at /: a short welcome and a way into each tool.

use leptos::prelude::*;

use crate::domain::pages::PAGES;
use crate::ui::{link, BackupReminder, PageHeading};

#[component]
pub fn HomePage() -> impl IntoView {
    let tools = [
        ("/check", "Notice how often the seven \"Sound familiar?\" thoughts come up."),
        ("/journal", "Write down the moments you pull away, and what was underneath."),
        ("/reframe", "Thank the part of you that protects you, then choose."),
        ("/practice", "Plan one small act of openness, and see how it went."),
        ("/learn", "Understand the pattern, and where to find support."),
    ];
    let tools = tools.map(|(path, blurb)| {
        let title = PAGES.iter().find(|p| p.path == path).map(|p| p.title).unwrap_or_default();
        view! {
            <li>
                <a class="tool" href=link(path)>
                    <span class="tool-title">{title}</span>
                    <span class="tool-blurb">{blurb}</span>
                </a>
            </li>
        }
    });
    view! {
        <PageHeading title="Home" lead="A quiet place to understand the urge to pull away, and to practise leaning in."/>
        <BackupReminder/>
        <crate::check::RetakeNudge/>
        <section class="card welcome" aria-labelledby="welcome-title">
            <h2 id="welcome-title">"Welcome"</h2>
            <p>"If you often handle things alone, or back away when someone gets close, you are not broken. It is a pattern, and patterns can soften."</p>
            <p>"Here you can notice it, write about it, and try one small step at a time."</p>
            <p><strong>"Everything you write stays on this device."</strong>" There is no account, and nothing is sent anywhere."</p>
        </section>
        <section aria-labelledby="tools-title">
            <h2 id="tools-title">"Your tools"</h2>
            <ul class="tool-list">{tools.into_iter().collect_view()}</ul>
        </section>
    }
}
