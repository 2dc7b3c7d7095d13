//! Every page but Home is its own wasm chunk, fetched the first time it is
//! opened, so a first visit loads only what it shows. `wasm-split-cli` cuts the
//! chunks at these split points (see `scripts/split/`); the service worker keeps
//! them for offline use.
//!
//! A chunk can fail to load: offline before the cache was filled, or after a new
//! deployment mid-session. Then the page area says so kindly and offers a reload;
//! navigation and every other page keep working.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::i18n::{k::ui as u, t};
use crate::ui::PageHeading;

/// One split point per page: `$page` goes into chunk `$chunk`, loaded by `$load`.
macro_rules! split_pages {
    ($($load:ident, $chunk:ident => $page:path;)*) => {
        $(
            #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn $load() -> Result<AnyView, SplitLoaderError> {
                Ok(view! { <$page/> }.into_any())
            }
        )*
    };
}

split_pages! {
    load_check, page_check => crate::check::CheckPage;
    load_journal, page_journal => crate::journal::JournalPage;
    load_reframe, page_reframe => crate::reframe::ReframePage;
    load_practice, page_practice => crate::practice::PracticePage;
    load_learn, page_learn => crate::learn::LearnPage;
    load_data, page_data => crate::data::DataPage;
    load_summary, page_summary => crate::summary::SummaryPage;
    load_together, page_together => crate::together::TogetherPage;
    load_unlock, page_unlock => crate::lock::UnlockScreen;
}

/// Renders a view from its chunk once it has arrived (nothing before: chunks
/// are small and the shell is already on screen), or `unavailable` if the chunk
/// cannot load. Pages and Home's cards share this one `Suspend<AnyView>`, so the
/// first load carries one copy of the suspense code.
fn from_chunk<F>(load: fn() -> F, unavailable: fn() -> AnyView) -> impl IntoView
where
    F: std::future::Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    Suspend::new(send_wrapper::SendWrapper::new(async move { load().await.unwrap_or_else(|_| unavailable()) }))
}

/// A page, or the kind message that it could not be loaded.
fn lazy<F>(load: fn() -> F) -> impl IntoView
where
    F: std::future::Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    from_chunk(load, || view! { <PageUnavailable/> }.into_any())
}

pub fn check() -> impl IntoView {
    lazy(load_check)
}
pub fn journal() -> impl IntoView {
    lazy(load_journal)
}
pub fn reframe() -> impl IntoView {
    lazy(load_reframe)
}
pub fn practice() -> impl IntoView {
    lazy(load_practice)
}
pub fn learn() -> impl IntoView {
    lazy(load_learn)
}
pub fn data() -> impl IntoView {
    lazy(load_data)
}
pub fn summary() -> impl IntoView {
    lazy(load_summary)
}
pub fn together() -> impl IntoView {
    lazy(load_together)
}
/// The unlock screen, with the lock's code: only ever fetched when the lock is on.
pub fn unlock() -> impl IntoView {
    lazy(load_unlock)
}

#[wasm_split(home_reminders, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load_home_reminders() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::data::BackupReminder/> <crate::check::RetakeNudge/> }.into_any())
}

#[wasm_split(storage_notices, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load_storage_notices() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::app::StorageBanners/> }.into_any())
}

/// The banners about stored data (kept aside, put back, newer version), fetched
/// only when there is one to show.
pub fn storage_notices() -> impl IntoView {
    optional(load_storage_notices)
}

#[wasm_split(install_offer, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load_install_offer() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::install::HomeInstallOffer/> }.into_any())
}

#[wasm_split(settle_store, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load_settle_store() -> Result<(), SplitLoaderError> {
    let _ = crate::db::store().settle();
    Ok(())
}

/// Writes again every stored value not yet in this build's form (the schema 3
/// migration, or a turn-on cut short), once the page is up: compression comes
/// in this chunk, not in the first load. Offline before the chunk was cached,
/// everything stays readable as it is, and the next start tries again.
pub fn settle_store() {
    leptos::task::spawn_local(async {
        let _ = load_settle_store().await;
    });
}

/// A card Home shows now and then, fetched only when it applies, and simply
/// left out if its chunk cannot load.
fn optional<F>(load: fn() -> F) -> impl IntoView
where
    F: std::future::Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    from_chunk(load, || ().into_any())
}

/// Home's reminders (a backup, a retake of the self-check), when one is due.
pub fn home_reminders() -> impl IntoView {
    optional(load_home_reminders)
}

/// Home's offer to install the app, when the browser offers installing and the
/// person has not put the offer away.
pub fn install_offer() -> impl IntoView {
    optional(load_install_offer)
}

#[component]
fn PageUnavailable() -> impl IntoView {
    view! {
        <PageHeading title=t(u::PAGE_COULD_NOT_LOADED)/>
        <section class="card" role="alert">
            <p>{t(u::CHECK_CONNECTION_RELOAD)}</p>
            <p class="muted">{t(u::NOTHING_WRONG_DATA_ALL)}</p>
            <button type="button" class="button" on:click=|_| { let _ = window().location().reload(); }>{t(u::RELOAD)}</button>
        </section>
    }
}
