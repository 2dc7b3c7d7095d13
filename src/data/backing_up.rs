//! Backing up on Your data: the JSON backup (encrypted with the lock on, after
//! asking for the passphrase), a plain copy, and the readable Markdown copy.

use leptos::prelude::*;
use leptos::task::spawn_local;

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
fn backup_said(handed: Handed, what: &'static str) -> Option<&'static str> {
    match handed {
        Handed::Shared | Handed::Downloaded => Some(what),
        Handed::Cancelled => Some("No backup was made: the share was closed before saving."),
        Handed::Failed => Some("The backup could not be made in this browser."),
    }
}

#[component]
pub(super) fn Backup() -> impl IntoView {
    let db = use_db();
    let done = RwSignal::new(None::<String>);
    let said = move |handed: Handed, what: &'static str| done.set(backup_said(handed, what).map(String::from));
    let export_json = move |_| {
        spawn_local(async move {
            if let Ok(handed) = save_backup(db, None).await {
                said(handed, "Backup saved. Keep it somewhere private.");
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
        done.set(Some("Encrypting…".into()));
        spawn_local(async move {
            crate::lock::next_frame().await;
            match save_backup(db, Some(typed)).await {
                Ok(handed) => {
                    asking.set(false);
                    said(handed, "Encrypted backup saved. It opens with your passphrase.");
                }
                Err(message) => done.set(Some(message)),
            }
        });
    };
    let export_plain = move |_| {
        spawn_local(async move {
            if let Ok(handed) = save_backup(db, None).await {
                said(handed, "A backup without encryption was saved. Anyone who has the file can read it: keep it somewhere private.");
            }
        });
    };
    // Phones hand files to the share sheet: the button says so.
    let backup_label = if can_share_files() { "Save or share backup (JSON)" } else { "Download backup (JSON)" };
    let encrypted_label = if can_share_files() { "Save or share backup (encrypted)" } else { "Download backup (encrypted)" };
    let export_markdown = move |_| {
        let now = now_ms();
        let (journal, checks, reframes) = (db.journal.get_untracked(), db.checks.get_untracked(), db.reframes.get_untracked());
        let all = markdown::Everything { journal: &journal, checks: &checks, reframes: &reframes };
        let text = markdown::export(&all, now, &offset_minutes);
        if download(&backup::file_name(&today_iso(), "md"), "text/markdown", &text).is_ok() {
            done.set(Some("A readable copy was saved to your device.".into()));
        }
    };
    view! {
        <section class="card" aria-labelledby="backup-title">
            <h2 id="backup-title">"Back up"</h2>
            <p>"A backup is one file with everything in it. It lets you move to another device, or restore your notes if this browser's data is ever cleared."</p>
            <Show when=move || db.lock_on.get() fallback=move || view! {
                <div class="actions">
                    <button type="button" class="button" on:click=export_json>{backup_label}</button>
                    <button type="button" class="button secondary" on:click=export_markdown>"Download readable copy (Markdown)"</button>
                </div>
                <p class="muted small">"The readable copy is for you to read or print, for example for a therapist. To restore, use the JSON backup."</p>
            }>
                <Show when=move || asking.get() fallback=move || view! {
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| asking.set(true)>{encrypted_label}</button>
                    </div>
                }>
                    <form class="stack" on:submit=export_encrypted>
                        <crate::ui::fields::Secret id="backup-passphrase" label="Your lock passphrase" value=passphrase autocomplete="current-password"/>
                        <div class="actions">
                            <button type="submit" class="button">{encrypted_label}</button>
                            <button type="button" class="button secondary" on:click=move |_| asking.set(false)>"Cancel"</button>
                        </div>
                    </form>
                </Show>
                <p class="muted small">"With the lock on, backups are encrypted: each one opens only with the passphrase you have when you make it."</p>
                <details class="lock-part">
                    <summary>"Copies without encryption"</summary>
                    <p class="notice warn small">"Anyone who has one of these files can read everything in it."</p>
                    <div class="actions">
                        <button type="button" class="button secondary" on:click=export_plain>"Plain backup (JSON)"</button>
                        <button type="button" class="button secondary" on:click=export_markdown>"Readable copy (Markdown)"</button>
                    </div>
                </details>
            </Show>
            <p role="status" class="status">{move || done.get()}</p>
        </section>
    }
}

