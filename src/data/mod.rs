//! Your data at /data: storage health, export, import, delete.

use leptos::prelude::*;

use crate::ui::{ComingSoon, PageHeading};

#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <PageHeading title="Your data" lead="Everything you write stays on this device. Here you will be able to back it up, move it, or delete it."/>
        <ComingSoon what="Soon you will be able to export a backup, import one, and delete everything."/>
    }
}
