//! Your data at /data: how much space is used and whether the browser will keep
//! it, backups (JSON and Markdown), import with a summary first, values that could
//! not be read, and deleting everything.

mod backing_up;
mod reminder;
pub use reminder::BackupReminder;
use backing_up::{save_backup, Backup};

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::i18n::{k::data as d, t, t_with, t_count_with};
use crate::domain::backup::{self, ImportError, ImportPlan, MAX_IMPORT_BYTES};
use crate::domain::words::{kept_aside, plural};
use crate::domain::time;
use crate::db::{store, use_db};
use crate::domain::quota::{self, QUOTA_BYTES};
use crate::storage::NotImported;
use crate::clock::{now_ms, offset_minutes};
use crate::ui::browser::{download, today_iso};
use crate::ui::{FromStore, PageHeading};

#[component]
pub fn DataPage() -> impl IntoView {
    let db = use_db();
    view! {
        <PageHeading title=t(crate::i18n::k::pages::DATA) lead=t(d::EVERYTHING_WRITE_STAYS_BROWSER)/>
        <FromStore>
        <StorageHealth/>
        <Backup/>
        <section class="card" aria-labelledby="summary-link-title">
            <h2 id="summary-link-title">{t(d::SUMMARY_THERAPY)}</h2>
            <p>{t(d::RATHER_THAN_WHOLE_DIARY)}</p>
            <a class="button secondary" href=crate::ui::link("/summary")>{t(d::PREPARE_SUMMARY)}</a>
        </section>
        <Import/>
        <crate::ui::language::LanguagePicker/>
        <crate::reminders::Reminders/>
        <crate::install::InstallOffer/>
        <crate::lock::settings::LockSettings backup=move |_| {
            spawn_local(async move {
                let _ = save_backup(db, None).await;
            });
        }/>
        <Unreadable/>
        <DeleteEverything/>
        </FromStore>
    }
}

/// "12.3 KB" for a count of bytes. Integer arithmetic: float formatting would
/// add kilobytes to the wasm.
fn size_label(bytes: usize) -> String {
    let (tenths, unit) = if bytes < 1024 * 1024 { (bytes * 10 / 1024, d::SIZE_KB) } else { (bytes * 10 / 1_048_576, d::SIZE_MB) };
    t_with(unit, &[("size", &crate::i18n::decimal(tenths as i64, 1))])
}

#[component]
fn StorageHealth() -> impl IntoView {
    let db = use_db();
    let usage = Memo::new(move |_| {
        db.revision.track();
        crate::db::usage()
    });
    // Tenths of a percent of the origin's allowance, counted as WebKit counts it.
    let permille = move || (usage.get().1 * 1000 / QUOTA_BYTES).min(1000);
    // The earliest record's time, to tell the person's pace.
    let first_at = move || {
        let journal = db.journal.with(|j| j.iter().map(|e| e.created.min(e.at)).min());
        let checks = db.checks.with(|c| c.iter().map(|c| c.at).min());
        let reframes = db.reframes.with(|r| r.iter().map(|r| r.created).min());
        let steps = db.steps.with(|s| s.iter().map(|s| s.created).min());
        [journal, checks, reframes, steps].into_iter().flatten().min()
    };
    let time_left = move || {
        let days = first_at().and_then(|first| quota::days_left(usage.get().0, QUOTA_BYTES.saturating_sub(usage.get().1 - usage.get().0), first, now_ms()));
        days.map(|d| t_with(d::PACE_FITS, &[("time", &quota::time_left_phrase(d))]))
    };
    let persisted = move || match db.prefs.get().persisted {
        Some(true) => t(d::PERSISTED_YES),
        Some(false) => t(d::PERSISTED_NO),
        None => t(d::PERSISTED_UNKNOWN),
    };
    let last_backup = move || match db.prefs.get().last_backup_at {
        Some(at) => t_with(d::LAST_BACKUP, &[("when", &crate::ui::browser::days_ago(time::days_between(at, now_ms(), &offset_minutes)))]),
        None => t(d::NO_BACKUP_YET).to_string(),
    };
    view! {
        <section class="card" aria-labelledby="health-title">
            <h2 id="health-title">{t(d::STORAGE)}</h2>
            <p data-testid="usage">
                {move || match usage.get().0 {
                    0 => t_with(d::NOTHING_STORED, &[("quota", &size_label(QUOTA_BYTES))]),
                    used => t_with(d::USES_OF, &[("used", &size_label(used)), ("quota", &size_label(QUOTA_BYTES)), ("percent", &crate::i18n::decimal(permille() as i64, 1))]),
                }}
            </p>
            <div class="meter" aria-hidden="true"><div class="meter-fill" style:width=move || format!("{}%", (permille() / 10).max(1))></div></div>
            {move || time_left().map(|said| view! { <p data-testid="time-left">{said}</p> })}
            <p data-testid="persisted">{persisted}</p>
            <p data-testid="last-backup">{last_backup}</p>
            <Show when=move || db.backup_reminder_due()>
                <p class="notice" data-testid="backup-due">{t(d::SOME_WHAT_HAVE_WRITTEN)}</p>
            </Show>
        </section>
    }
}

/// Import has three states: choosing a file, a plan to confirm, or a message.
/// A plan keeps the file's text, to plan again against the store at confirm time.
#[derive(Clone)]
enum ImportState {
    Idle,
    Error(String),
    Planned { text: std::sync::Arc<str>, plan: ImportPlan, changed: bool },
    /// An encrypted backup (format 2), waiting for its passphrase.
    Encrypted { file: std::sync::Arc<str>, error: Option<&'static str> },
    Done(String),
}

#[component]
fn Import() -> impl IntoView {
    let db = use_db();
    let state = RwSignal::new(ImportState::Idle);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let plan = move |text: String| {
        state.set(match backup::plan_import(&text, &store().all_records(), now_ms()) {
            Ok(plan) => ImportState::Planned { text: text.into(), plan, changed: false },
            Err(err) => ImportState::Error(err.message()),
        });
    };

    let on_file = move |_| {
        let Some(input) = input_ref.get() else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        if file.size() > MAX_IMPORT_BYTES as f64 {
            state.set(ImportState::Error(ImportError::TooLarge(file.size() as usize).message()));
            return;
        }
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
            let Some(text) = text else {
                state.set(ImportState::Error(ImportError::NotJson.message()));
                return;
            };
            if crate::crypto::EncryptedBackup::parse(&text).is_some() {
                return state.set(ImportState::Encrypted { file: text.into(), error: None });
            }
            plan(text);
        });
    };
    let passphrase = RwSignal::new(String::new());
    // The key derivation takes a moment (in its worker): say so, and take one try at a time.
    let opening = RwSignal::new(false);
    let open_encrypted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ImportState::Encrypted { file, .. } = state.get_untracked() else { return };
        if opening.get_untracked() {
            return;
        }
        let typed = passphrase.get_untracked();
        passphrase.set(String::new());
        opening.set(true);
        spawn_local(async move {
            let opened = crate::lock::ops::open_backup(&file, &typed).await;
            opening.set(false);
            match opened {
                Ok(text) => plan(text),
                Err(error) => state.set(ImportState::Encrypted { file, error: Some(error) }),
            }
        });
    };

    let confirm = move |_| {
        let ImportState::Planned { text, plan, .. } = state.get_untracked() else { return };
        let result = store().import_confirmed(&text, &plan, now_ms());
        db.reload();
        state.set(match result {
            Ok(n) => ImportState::Done(t_with(d::IMPORTED, &[("records", &plural(n, crate::i18n::k::count::RECORDS))])),
            // Another tab changed things since the summary: show the new one.
            Err(NotImported::Changed(plan)) => ImportState::Planned { text, plan, changed: true },
            Err(NotImported::Invalid(err)) => ImportState::Error(err.message()),
            Err(NotImported::Failed(failed)) => ImportState::Error(failed.message()),
        });
    };

    view! {
        <section class="card" aria-labelledby="import-title">
            <h2 id="import-title">{t(d::IMPORT_BACKUP)}</h2>
            <p>{t(d::BRING_BACKUP_FROM_APP)}</p>
            <label class="file-pick">
                <span class="button secondary">{t(d::CHOOSE_BACKUP_FILE)}</span>
                <input type="file" accept=".json,application/json" node_ref=input_ref on:change=on_file class="visually-hidden"/>
            </label>
            {move || match state.get() {
                ImportState::Idle => ().into_any(),
                ImportState::Error(msg) => view! { <p class="notice error" role="alert">{msg}</p> }.into_any(),
                ImportState::Done(msg) => view! { <p class="notice ok" role="status">{msg}</p> }.into_any(),
                ImportState::Encrypted { error, .. } => view! {
                    <form class="notice stack" on:submit=open_encrypted>
                        <p>{t(d::BACKUP_ENCRYPTED_OPENS_PASSPHRASE)}</p>
                        <crate::ui::fields::Secret id="import-passphrase" label=t(d::PASSPHRASE_BACKUP) value=passphrase autocomplete="current-password"/>
                        {error.map(|e| view! { <p class="notice warn small" role="alert">{e}</p> })}
                        <div class="actions">
                            <button type="submit" class="button" disabled=move || opening.get()>
                                {move || if opening.get() { t(d::OPENING) } else { t(d::OPEN_BACKUP) }}
                            </button>
                            <button type="button" class="button secondary" on:click=move |_| state.set(ImportState::Idle)>{t(d::CANCEL)}</button>
                        </div>
                        <crate::lock::Working busy=opening label=t(d::OPENING_BACKUP)/>
                    </form>
                }.into_any(),
                ImportState::Planned { plan, changed, .. } => {
                    let nothing = plan.to_write().next().is_none();
                    view! {
                        <div class="notice" role="status">
                            {changed.then(|| view! {
                                <p><strong>{t(d::SOMETHING_CHANGED_ANOTHER_TAB)}</strong>{t(d::HERE_WHAT_IMPORTING_WOULD)}</p>
                            })}
                            <p><strong>{t(d::BACKUP_HOLDS)}</strong>{plan.summary()}</p>
                            {if nothing {
                                view! {
                                    <p>{if plan.differ > 0 {
                                        t(d::HERE_NEWER)
                                    } else {
                                        t(d::ALL_HERE)
                                    }}</p>
                                    <button type="button" class="button secondary" on:click=move |_| state.set(ImportState::Idle)>{t(d::CLOSE)}</button>
                                }.into_any()
                            } else {
                                view! {
                                    <div class="actions">
                                        <button type="button" class="button" on:click=confirm>{t(d::IMPORT)}</button>
                                        <button type="button" class="button secondary" on:click=move |_| state.set(ImportState::Idle)>{t(d::CANCEL)}</button>
                                    </div>
                                }.into_any()
                            }}
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn Unreadable() -> impl IntoView {
    let db = use_db();
    let download_raw = move |_| {
        let kept = store().quarantined();
        let text = serde_json::to_string(&kept).unwrap_or_default();
        let _ = download(&format!("leaning-in-unreadable-{}.json", today_iso()), "application/json", &text);
    };
    view! {
        <Show when=move || { db.unreadable.get() > 0 }>
            <section class="card" aria-labelledby="unreadable-title">
                <h2 id="unreadable-title">{t(d::ITEMS_COULD_NOT_READ)}</h2>
                <p>{move || t_count_with(d::DOWNLOAD_BELOW, db.unreadable.get() as i64, &[("kept", &kept_aside(db.unreadable.get()))])}</p>
                <button type="button" class="button secondary" on:click=download_raw>{t(d::DOWNLOAD_THEM_THEY)}</button>
            </section>
        </Show>
    }
}

#[component]
fn DeleteEverything() -> impl IntoView {
    let db = use_db();
    let confirming = RwSignal::new(false);
    let deleted = RwSignal::new(false);
    let what = move || {
        let n = db.journal.get().len();
        let c = db.checks.get().len();
        let mut parts = vec![
            plural(n, crate::i18n::k::count::JOURNAL_ENTRIES),
            plural(c, crate::i18n::k::count::SELF_CHECKS),
            plural(db.reframes.with(Vec::len), crate::i18n::k::count::REFRAMES),
            plural(db.steps.with(Vec::len), crate::i18n::k::count::SMALL_STEPS),
        ];
        let later = [
            (db.later::<crate::domain::helped::Helped>().len(), crate::i18n::k::count::HELPED),
            (db.later::<crate::domain::card::Card>().len(), crate::i18n::k::count::CARDS),
            (db.later::<crate::domain::moment::Moment>().len(), crate::i18n::k::count::SECURE_MOMENTS),
        ];
        parts.extend(later.into_iter().filter(|(n, _)| *n > 0).map(|(n, what)| plural(n, what)));
        parts.push(t(d::DELETE_DRAFTS).into());
        parts.push(t(d::DELETE_SETTINGS).into());
        if db.unreadable.get() > 0 {
            parts.push(t(d::DELETE_UNREADABLE).into());
        }
        parts.join(", ")
    };
    let delete = move |_| {
        store().delete_everything();
        // The lock went with everything else: its key must go too.
        crate::lock::session::hold_key(None);
        db.reload();
        confirming.set(false);
        deleted.set(true);
    };
    let focus_on_open = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = focus_on_open.get() {
            let _ = button.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    });
    view! {
        <section class="card danger-zone" aria-labelledby="delete-title">
            <h2 id="delete-title">{t(d::DELETE_EVERYTHING)}</h2>
            <p>{t(d::REMOVES_ALL_APP_S)}</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button danger" on:click=move |_| { deleted.set(false); confirming.set(true) }>{t(d::DELETE_EVERYTHING_2)}</button>
                }
            >
                <div class="notice warn" role="alertdialog" aria-labelledby="delete-confirm-text">
                    <p id="delete-confirm-text">{t(d::WILL_PERMANENTLY_DELETE)} <strong>{what}</strong> "."</p>
                    <div class="actions">
                        <button type="button" class="button danger" node_ref=focus_on_open on:click=delete>{t(d::YES_DELETE_EVERYTHING)}</button>
                        <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>{t(d::KEEP_DATA)}</button>
                    </div>
                </div>
            </Show>
            <Show when=move || deleted.get()>
                <p class="notice ok" role="status">{t(d::EVERYTHING_HAS_BEEN_DELETED)}</p>
            </Show>
        </section>
    }
}
