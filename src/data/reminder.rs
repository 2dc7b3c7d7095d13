//! The gentle backup reminder on Home, fetched from its own chunk only when due.

use leptos::prelude::*;

use crate::i18n::{k::data as d, t};
use crate::ui::link;

/// A gentle nudge to back up, shown on Home when it applies (Your data says it in its own words, beside the backup buttons).
#[component]
pub fn BackupReminder() -> impl IntoView {
    let db = crate::db::use_db();
    view! {
        <Show when=move || db.backup_reminder_due()>
            <aside class="notice" aria-label=t(d::BACKUP_REMINDER)>
                <p>{t(d::HAS_BEEN_WHILE_SINCE)}</p>
                <a class="button secondary small" href=link("/data")>{t(d::BACK_UP_NOW)}</a>
            </aside>
        </Show>
    }
}
