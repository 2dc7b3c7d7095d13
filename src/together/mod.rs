//! Between two people at /together: what has helped (`helped`), a card for
//! the person one pulls away from (`card`: `?card=new`, `?card=ID`,
//! `?card=ID&edit`), and a secure-base moment (`moment`: `?moment`). The view
//! comes from the query, so each survives a reload.

mod card;
mod helped;
mod log_shared;
mod moment;

pub use helped::{HelpedGlance, KeepThis};

use leptos::prelude::*;

use crate::i18n::{k::together as tg, t};
use crate::ui::router::use_query;
use crate::ui::{link, FromStore, PageHeading};

#[component]
pub fn TogetherPage() -> impl IntoView {
    let query = use_query();
    move || {
        let q = query.get();
        match (q.get("card"), q.get("moment")) {
            (Some(id), _) if id == "new" => view! { <FromStore><card::CardForm editing=None/></FromStore> }.into_any(),
            (Some(id), _) if q.get("edit").is_some() => view! { <FromStore><card::CardForm editing=Some(id)/></FromStore> }.into_any(),
            (Some(id), _) => view! { <FromStore><card::CardPreview id=id/></FromStore> }.into_any(),
            (None, Some(_)) => view! { <moment::MomentFlow/> }.into_any(),
            (None, None) => view! {
                <PageHeading title=t(crate::i18n::k::pages::TOGETHER) lead=t(tg::LEAD)/>
                <FromStore>
                    <helped::HelpedList/>
                    <card::CardsSection/>
                </FromStore>
                <moment::MomentSection/>
                <p class="small"><a href=link("/learn#between")>{t(tg::WHY)}</a></p>
            }
            .into_any(),
        }
    }
}
