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
        <PageHeading title="Your data" lead="Everything you write stays in this browser, on this device. Nobody else can read it, and nothing is sent anywhere."/>
        <FromStore>
        <StorageHealth/>
        <Backup/>
        <section class="card" aria-labelledby="summary-link-title">
            <h2 id="summary-link-title">"A summary for therapy"</h2>
            <p>"Rather than the whole diary, a single page with only what you choose: trends, patterns, and any entries you tick."</p>
            <a class="button secondary" href=crate::ui::link("/summary")>"Prepare a summary"</a>
        </section>
        <Import/>
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
    let (tenths, unit) = if bytes < 1024 * 1024 { (bytes * 10 / 1024, "KB") } else { (bytes * 10 / 1_048_576, "MB") };
    format!("{}.{} {unit}", tenths / 10, tenths % 10)
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
        days.map(|d| format!("At your pace so far, {} of writing fit here.", quota::time_left_phrase(d)))
    };
    let persisted = move || match db.prefs.get().persisted {
        Some(true) => "Your browser has agreed to keep this data, even if the device runs low on space.",
        Some(false) => "Your browser may clear this data if the device runs low on space, or after a long time unused. A backup keeps it safe.",
        None => "When you first save something, the app will ask your browser to keep your data safe.",
    };
    let last_backup = move || match db.prefs.get().last_backup_at {
        Some(at) => format!("Last backup: {}.", time::days_ago_phrase(time::days_between(at, now_ms(), &offset_minutes))),
        None => "You have not made a backup yet.".to_string(),
    };
    view! {
        <section class="card" aria-labelledby="health-title">
            <h2 id="health-title">"Storage"</h2>
            <p data-testid="usage">
                {move || match usage.get().0 {
                    0 => format!("Nothing is stored yet. Every browser allows this app at least {}.", size_label(QUOTA_BYTES)),
                    used => format!("This app uses {} of the {} every browser allows here ({}.{}% full).",
                        size_label(used), size_label(QUOTA_BYTES), permille() / 10, permille() % 10),
                }}
            </p>
            <div class="meter" aria-hidden="true"><div class="meter-fill" style:width=move || format!("{}%", (permille() / 10).max(1))></div></div>
            {move || time_left().map(|said| view! { <p data-testid="time-left">{said}</p> })}
            <p data-testid="persisted">{persisted}</p>
            <p data-testid="last-backup">{last_backup}</p>
            <Show when=move || db.backup_reminder_due()>
                <p class="notice" data-testid="backup-due">"Some of what you have written is not in a backup yet. Downloading one below keeps it safe."</p>
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
            Ok(n) => ImportState::Done(format!("Imported {}.", plural(n, crate::i18n::k::count::RECORDS))),
            // Another tab changed things since the summary: show the new one.
            Err(NotImported::Changed(plan)) => ImportState::Planned { text, plan, changed: true },
            Err(NotImported::Invalid(err)) => ImportState::Error(err.message()),
            Err(NotImported::Failed(failed)) => ImportState::Error(failed.message()),
        });
    };

    view! {
        <section class="card" aria-labelledby="import-title">
            <h2 id="import-title">"Import a backup"</h2>
            <p>"Bring in a backup from this app. You will see what it contains before anything changes, and nothing already here is lost: entries are matched by their id, and where both copies differ, the more recently edited one is kept."</p>
            <label class="file-pick">
                <span class="button secondary">"Choose a backup file…"</span>
                <input type="file" accept=".json,application/json" node_ref=input_ref on:change=on_file class="visually-hidden"/>
            </label>
            {move || match state.get() {
                ImportState::Idle => ().into_any(),
                ImportState::Error(msg) => view! { <p class="notice error" role="alert">{msg}</p> }.into_any(),
                ImportState::Done(msg) => view! { <p class="notice ok" role="status">{msg}</p> }.into_any(),
                ImportState::Encrypted { error, .. } => view! {
                    <form class="notice stack" on:submit=open_encrypted>
                        <p>"This backup is encrypted. It opens with the passphrase the lock had when the backup was made."</p>
                        <crate::ui::fields::Secret id="import-passphrase" label="Passphrase for this backup" value=passphrase autocomplete="current-password"/>
                        {error.map(|e| view! { <p class="notice warn small" role="alert">{e}</p> })}
                        <div class="actions">
                            <button type="submit" class="button" disabled=move || opening.get()>
                                {move || if opening.get() { "Opening…" } else { "Open backup" }}
                            </button>
                            <button type="button" class="button secondary" on:click=move |_| state.set(ImportState::Idle)>"Cancel"</button>
                        </div>
                        <crate::lock::Working busy=opening label="Opening the backup"/>
                    </form>
                }.into_any(),
                ImportState::Planned { plan, changed, .. } => {
                    let nothing = plan.to_write().next().is_none();
                    view! {
                        <div class="notice" role="status">
                            {changed.then(|| view! {
                                <p><strong>"Something changed in another tab since you chose this file, so nothing has been imported yet."</strong>" Here is what importing would do now."</p>
                            })}
                            <p><strong>"This backup holds: "</strong>{plan.summary()}"."</p>
                            {if nothing {
                                view! {
                                    <p>{if plan.differ > 0 {
                                        "Where copies differ, the ones here are newer and are kept. There is nothing to import."
                                    } else {
                                        "Everything in it is already here. There is nothing to import."
                                    }}</p>
                                    <button type="button" class="button secondary" on:click=move |_| state.set(ImportState::Idle)>"Close"</button>
                                }.into_any()
                            } else {
                                view! {
                                    <div class="actions">
                                        <button type="button" class="button" on:click=confirm>"Import"</button>
                                        <button type="button" class="button secondary" on:click=move |_| state.set(ImportState::Idle)>"Cancel"</button>
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
                <h2 id="unreadable-title">"Items that could not be read"</h2>
                <p>{move || format!("{} You can download {} below.", kept_aside(db.unreadable.get()), if db.unreadable.get() == 1 { "it" } else { "them" })}</p>
                <button type="button" class="button secondary" on:click=download_raw>"Download them as they are"</button>
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
        parts.push("any unsaved drafts".into());
        parts.push("your settings".into());
        if db.unreadable.get() > 0 {
            parts.push("the items that could not be read".into());
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
            <h2 id="delete-title">"Delete everything"</h2>
            <p>"Removes all of this app's data from this browser. Nothing else on your device is touched. This cannot be undone, so you may want to download a backup first."</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button danger" on:click=move |_| { deleted.set(false); confirming.set(true) }>"Delete everything…"</button>
                }
            >
                <div class="notice warn" role="alertdialog" aria-labelledby="delete-confirm-text">
                    <p id="delete-confirm-text">"This will permanently delete " <strong>{what}</strong> "."</p>
                    <div class="actions">
                        <button type="button" class="button danger" node_ref=focus_on_open on:click=delete>"Yes, delete everything"</button>
                        <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>"Keep my data"</button>
                    </div>
                </div>
            </Show>
            <Show when=move || deleted.get()>
                <p class="notice ok" role="status">"Everything has been deleted from this browser."</p>
            </Show>
        </section>
    }
}
