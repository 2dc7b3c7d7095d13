//! Backing up on Your data: the JSON backup (encrypted with the lock on, after
//! asking for the passphrase), a plain copy, and the readable Markdown copy.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{k::data as d, t, Key};
use crate::clock::{now_ms, offset_minutes};
use crate::db::{store, use_db, Db};
use crate::domain::{backup, markdown};
use crate::ui::browser::{can_share_files, download, share_or_download, today_iso, Handed};

/// Hands the person the JSON backup (the share sheet on phones, else a
/// download) and notes when it was made: a share counts only once it went
/// through. `passphrase` is `Some` for an encrypted backup, which is sealed
/// under a key of its own; a wrong passphrase hands nothing over.
pub(super) async fn save_backup(db: Db, passphrase: Option<String>) -> Result<Handed, String> {
    let now = now_ms();
    let text = backup::export(&store().all_records(), now);
    let text = match passphrase {
        Some(passphrase) => crate::lock::ops::seal_backup(&text, &passphrase, now).await.map_err(|failure| failure.message())?,
        None => text,
    };
    let handed = share_or_download(&backup::file_name(&today_iso(), "json"), "application/json", &text).await;
    if matches!(handed, Handed::Shared | Handed::Downloaded) {
        db.update_prefs(|p| p.last_backup_at = Some(now));
    }
    Ok(handed)
}

/// What to say after a backup was handed over (or not).
fn backup_said(handed: Handed, what: Key) -> Option<&'static str> {
    match handed {
        Handed::Shared | Handed::Downloaded => Some(t(what)),
        Handed::Cancelled => Some(t(d::SHARE_CLOSED)),
        Handed::Failed => Some(t(d::BACKUP_FAILED)),
    }
}

#[component]
pub(super) fn Backup() -> impl IntoView {
    let db = use_db();
    let done = RwSignal::new(None::<String>);
    let said = move |handed: Handed, what: Key| done.set(backup_said(handed, what).map(String::from));
    let export_json = move |_| {
        spawn_local(async move {
            if let Ok(handed) = save_backup(db, None).await {
                said(handed, d::BACKUP_SAVED);
            }
        });
    };
    // An encrypted backup asks for the passphrase each time: its own key is
    // wrapped under it, with a fresh salt, and the passphrase is never kept.
    let asking = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let export_encrypted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = passphrase.get_untracked();
        passphrase.set(String::new());
        done.set(Some(t(d::ENCRYPTING).into()));
        spawn_local(async move {
            crate::lock::next_frame().await;
            match save_backup(db, Some(typed)).await {
                Ok(handed) => {
                    asking.set(false);
                    said(handed, d::ENCRYPTED_SAVED);
                }
                Err(message) => done.set(Some(message)),
            }
        });
    };
    let export_plain = move |_| {
        spawn_local(async move {
            if let Ok(handed) = save_backup(db, None).await {
                said(handed, d::PLAIN_SAVED);
            }
        });
    };
    // Phones hand files to the share sheet: the button says so.
    let backup_label = if can_share_files() { t(d::SHARE_JSON) } else { t(d::DOWNLOAD_JSON) };
    let encrypted_label = if can_share_files() { t(d::SHARE_ENCRYPTED) } else { t(d::DOWNLOAD_ENCRYPTED) };
    let export_markdown = move |_| {
        let now = now_ms();
        let (journal, checks, reframes) = (db.journal.get_untracked(), db.checks.get_untracked(), db.reframes.get_untracked());
        let (helped, cards, moments) = (db.later_untracked(), db.later_untracked(), db.later_untracked());
        let all = markdown::Everything { journal: &journal, checks: &checks, reframes: &reframes, helped: &helped, cards: &cards, moments: &moments };
        let text = markdown::export(&all, now, &offset_minutes);
        if download(&backup::file_name(&today_iso(), "md"), "text/markdown", &text).is_ok() {
            done.set(Some(t(d::READABLE_SAVED).into()));
        }
    };
    view! {
        <section class="card" aria-labelledby="backup-title">
            <h2 id="backup-title">{t(d::BACK_UP)}</h2>
            <p>{t(d::BACKUP_ONE_FILE_EVERYTHING)}</p>
            <Show when=move || db.lock_on.get() fallback=move || view! {
                <div class="actions">
                    <button type="button" class="button" on:click=export_json>{backup_label}</button>
                    <button type="button" class="button secondary" on:click=export_markdown>{t(d::DOWNLOAD_READABLE_COPY_MARKDOWN)}</button>
                </div>
                <p class="muted small">{t(d::READABLE_COPY_READ_PRINT)}</p>
            }>
                <Show when=move || asking.get() fallback=move || view! {
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| asking.set(true)>{encrypted_label}</button>
                    </div>
                }>
                    <form class="stack" on:submit=export_encrypted>
                        <crate::ui::fields::Secret id="backup-passphrase" label=t(d::LOCK_PASSPHRASE) value=passphrase autocomplete="current-password"/>
                        <div class="actions">
                            <button type="submit" class="button">{encrypted_label}</button>
                            <button type="button" class="button secondary" on:click=move |_| asking.set(false)>{t(d::CANCEL)}</button>
                        </div>
                    </form>
                </Show>
                <p class="muted small">{t(d::LOCK_BACKUPS_ENCRYPTED_EACH)}</p>
                <details class="lock-part">
                    <summary>{t(d::COPIES_WITHOUT_ENCRYPTION)}</summary>
                    <p class="notice warn small">{t(d::ANYONE_WHO_HAS_ONE_TEXT)}</p>
                    <div class="actions">
                        <button type="button" class="button secondary" on:click=export_plain>{t(d::PLAIN_BACKUP_JSON)}</button>
                        <button type="button" class="button secondary" on:click=export_markdown>{t(d::READABLE_COPY_MARKDOWN)}</button>
                    </div>
                </details>
            </Show>
            <p role="status" class="status">{move || done.get()}</p>
        </section>
    }
}

