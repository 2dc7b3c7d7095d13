//! The gentle backup reminder on Home, fetched from its own chunk only when due.

use leptos::prelude::*;

use crate::ui::link;

/// A gentle nudge to back up, shown on Home when it applies (Your data says it in its own words, beside the backup buttons).
#[component]
pub fn BackupReminder() -> impl IntoView {
    let db = crate::db::use_db();
    view! {
        <Show when=move || db.backup_reminder_due()>
            <aside class="notice" aria-label="Backup reminder">
                <p>"It has been a while since your last backup. A backup is a single file you keep somewhere private; it means nothing you have written here can be lost if this browser's data is cleared."</p>
                <a class="button secondary small" href=link("/data")>"Back up now"</a>
            </aside>
        </Show>
    }
}
