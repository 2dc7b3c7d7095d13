//! The optional lock, as the person meets it: the unlock screen, "Lock now",
//! locking by itself when the app is out of sight, and the settings on Your data
//! (`settings.rs`). The keys and the crypto are in `ops.rs`, behind split points;
//! the store (`storage::sealed`) does the sealing, so no page knows about it.

mod auto_lock;
mod kdf;
pub mod ops;
pub mod session;
pub mod settings;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{k::lock as l, t};
use crate::domain::pages::APP_NAME;
use crate::db::store;
use crate::storage::sealed::LockState;

/// Set by the unlock screen once the key is held; the shell then opens the data.
#[derive(Clone, Copy)]
pub struct Unlocked(pub RwSignal<bool>);

/// Lets a status message paint before a long synchronous step (the key
/// derivation takes a noticeable moment on purpose).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// All that shows while the app is locked: its name, a passphrase field and
/// "Unlock". Nothing of the person's data, not even counts or dates.
#[component]
pub fn UnlockScreen() -> impl IntoView {
    match session::state() {
        LockState::Missing { .. } => view! { <KeyLost failure=ops::LockFailure::Missing/> }.into_any(),
        LockState::Damaged => view! { <KeyLost failure=ops::LockFailure::Damaged/> }.into_any(),
        _ => view! { <AskPassphrase/> }.into_any(),
    }
}

#[component]
fn AskPassphrase() -> impl IntoView {
    let unlocked = expect_context::<Unlocked>().0;
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let field = NodeRef::<leptos::html::Input>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || passphrase.with_untracked(String::is_empty) {
            return;
        }
        busy.set(true);
        message.set(None);
        spawn_local(async move {
            next_frame().await;
            match ops::unlock(&passphrase.get_untracked()).await {
                Ok(()) => {
                    passphrase.set(String::new());
                    unlocked.set(true);
                }
                Err(failure) => {
                    busy.set(false);
                    message.set(Some(failure.message()));
                    if let Some(input) = field.get_untracked() {
                        input.select();
                    }
                }
            }
        });
    };
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            let _ = input.focus();
        }
    });
    view! {
        <LockCard>
            <p class="muted">{t(l::NOTES_DEVICE_LOCKED)}</p>
            <form class="stack" on:submit=submit>
                <label for="unlock-passphrase">{t(l::PASSPHRASE_2)}</label>
                <input id="unlock-passphrase" type="password" autocomplete="current-password" node_ref=field
                    aria-describedby="unlock-message" aria-invalid=move || message.get().is_some().then_some("true")
                    prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                <button type="submit" class="button" disabled=move || busy.get()>
                    {move || if busy.get() { t(l::UNLOCKING) } else { t(l::UNLOCK) }}
                </button>
            </form>
            <Working busy=busy label=t(l::CHECKING_PASSPHRASE)/>
            <p id="unlock-message" class="notice warn small" role="alert" hidden=move || message.get().is_none()>
                {move || message.get().unwrap_or_default()}
            </p>
        </LockCard>
    }
}

/// When this device's lock record is missing or damaged, the encrypted values
/// cannot be opened and nothing may be written. An encrypted backup brings the
/// entries back (`ops::restore_lock`).
#[component]
fn KeyLost(failure: ops::LockFailure) -> impl IntoView {
    let unlocked = expect_context::<Unlocked>().0;
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let file = NodeRef::<leptos::html::Input>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(chosen) = file.get_untracked().and_then(|input| input.files()).and_then(|f| f.get(0)) else {
            return message.set(Some(t(l::PLEASE_CHOOSE_ENCRYPTED_BACKUP).into()));
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        message.set(None);
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(chosen.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
            next_frame().await;
            let result = ops::restore_lock(&text, &passphrase.get_untracked(), crate::clock::now_ms()).await;
            busy.set(false);
            match result {
                Ok(_) => {
                    passphrase.set(String::new());
                    unlocked.set(true);
                }
                Err(why) => message.set(Some(why)),
            }
        });
    };
    view! {
        <LockCard>
            <p class="notice warn" role="alert" data-testid="key-lost">{failure.message()}</p>
            <p>{t(l::NOTHING_HAS_BEEN_DELETED)}</p>
            <form class="stack" on:submit=submit>
                <label for="restore-file">{t(l::ENCRYPTED_BACKUP_FILE)}</label>
                <input id="restore-file" type="file" accept=".json,application/json" node_ref=file/>
                <crate::ui::fields::Secret id="restore-passphrase" label=t(l::ITS_PASSPHRASE) value=passphrase autocomplete="current-password" described_by="restore-message"/>
                <button type="submit" class="button" disabled=move || busy.get()>
                    {move || if busy.get() { t(l::RESTORING) } else { t(l::RESTORE_FROM_BACKUP) }}
                </button>
            </form>
            <Working busy=busy label=t(l::RESTORING_FROM_BACKUP)/>
            <p id="restore-message" class="notice warn small" role="status" hidden=move || message.get().is_none()>
                {move || message.get().unwrap_or_default()}
            </p>
        </LockCard>
    }
}

/// While the key derivation runs (in its worker, so the page stays free): a
/// progress bar. Argon2 cannot tell how far it is, so the bar says only that
/// it is working.
#[component]
pub fn Working(busy: RwSignal<bool>, label: &'static str) -> impl IntoView {
    view! {
        <Show when=move || busy.get()>
            <progress class="working" aria-label=label></progress>
        </Show>
    }
}

/// The frame every lock screen shares: the app's name, what the screen asks,
/// and "Forgot it?". Nothing of the person's data.
#[component]
fn LockCard(children: Children) -> impl IntoView {
    document().set_title(APP_NAME);
    view! {
        <div class="lock-screen">
            <main id="main" class="card lock-card" aria-labelledby="lock-title">
                <span class="brand-mark large" aria-hidden="true"></span>
                <h1 id="lock-title" translate="no">{APP_NAME}</h1>
                {children()}
                <Forgotten/>
            </main>
        </div>
    }
}

/// "Forgot it?": the honest answer, and the one choice left behind a confirm step.
#[component]
fn Forgotten() -> impl IntoView {
    let confirming = RwSignal::new(false);
    let delete = move |_| {
        store().delete_everything();
        let _ = window().location().reload();
    };
    view! {
        <details class="forgot">
            <summary>{t(l::FORGOT)}</summary>
            <p>{t(l::THERE_NO_WAY_RECOVER)}</p>
            <p>{t(l::DOES_NOT_COME_BACK)}</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button danger" on:click=move |_| confirming.set(true)>{t(l::DELETE_EVERYTHING)}</button>
                }
            >
                <div class="notice warn" role="alertdialog" aria-labelledby="forgot-confirm-text">
                    <p id="forgot-confirm-text">{t(l::WILL_PERMANENTLY_DELETE_EVERYTHING)}</p>
                    <div class="actions">
                        <button type="button" class="button danger" on:click=delete>{t(l::YES_DELETE_EVERYTHING)}</button>
                        <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>{t(l::KEEP_LOCKED)}</button>
                    </div>
                </div>
            </Show>
        </details>
    }
}
