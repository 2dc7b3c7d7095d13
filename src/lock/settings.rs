//! The lock on Your data: what it protects and what it does not, turning it on
//! (passphrase twice, an honest strength hint, a backup first), and while it is
//! on: auto-lock, a new passphrase, and turning it off.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::ops::{self, LockFailure};
use super::next_frame;
use crate::crypto::{strength, Strength, MIN_PASSPHRASE_CHARS};
use crate::db::use_db;
use crate::domain::auto_lock::AutoLock;
use crate::clock::now_ms;

#[component]
pub fn LockSettings(#[prop(into)] backup: Callback<()>) -> impl IntoView {
    let db = use_db();
    // Outlives the switch between "off" and "on", so the outcome stays in view.
    let outcome = RwSignal::new(None::<String>);
    view! {
        <section class="card" aria-labelledby="lock-title">
            <h2 id="lock-title">"Lock with a passphrase"</h2>
            <Show when=move || db.lock_on.get() fallback=move || view! { <TurnOn backup=backup outcome=outcome/> }>
                <LockIsOn outcome=outcome/>
            </Show>
            <p class="notice small" role="status" hidden=move || outcome.with(Option::is_none)>{move || outcome.get().unwrap_or_default()}</p>
        </section>
    }
}

fn auto_lock_label(choice: AutoLock) -> String {
    match choice {
        AutoLock::Immediately => "Immediately".into(),
        AutoLock::AfterMinutes(1) => "After 1 minute".into(),
        AutoLock::AfterMinutes(n) => format!("After {n} minutes"),
        AutoLock::Never => "Never".into(),
    }
}

fn strength_hint(s: Strength) -> &'static str {
    match s {
        Strength::TooShort => "At least 8 characters.",
        Strength::Weak => "Easy to guess. A short phrase of four or more ordinary words is stronger and easier to remember.",
        Strength::Fair => "Fair. One or two more words would make it much stronger.",
        Strength::Strong => "Strong.",
    }
}

/// A labelled password field bound to a signal.
#[component]
fn Secret(id: &'static str, label: &'static str, value: RwSignal<String>, autocomplete: &'static str, #[prop(optional)] described_by: &'static str) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <input id=id type="password" autocomplete=autocomplete aria-describedby=(!described_by.is_empty()).then_some(described_by)
            prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
    }
}

#[component]
fn TurnOn(backup: Callback<()>, outcome: RwSignal<Option<String>>) -> impl IntoView {
    let db = use_db();
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let message = outcome;
    let hint = move || first.with(|p| (!p.is_empty()).then(|| strength_hint(strength(p))));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b) = (first.get_untracked(), second.get_untracked());
        if a.chars().count() < MIN_PASSPHRASE_CHARS {
            return message.set(Some("Please choose a passphrase of at least 8 characters.".into()));
        }
        if a != b {
            return message.set(Some("The two passphrases are not the same. Please type it again in both fields.".into()));
        }
        busy.set(true);
        message.set(Some("Encrypting what is stored on this device…".into()));
        spawn_local(async move {
            next_frame().await;
            let result = ops::turn_on(&a);
            first.set(String::new());
            second.set(String::new());
            busy.set(false);
            message.set(Some(match result {
                Ok(n) => format!("The lock is on. {n} stored items are encrypted. From now on the app asks for your passphrase when it opens."),
                Err(LockFailure::Store(err)) if crate::lock::session::lock_is_on() => {
                    format!("The lock is on, but not everything could be encrypted yet: {} The rest will be encrypted the next time you unlock, once there is room. Nothing was lost.", err.message())
                }
                Err(failure) => format!("{} The lock is still off; nothing was changed.", failure.message()),
            }));
            db.lock_on.set(crate::lock::session::lock_is_on());
        });
    };
    view! {
        <p>"The lock encrypts everything you write that is stored on this device, and the backups you make with it on. Someone who picks up your phone or laptop, or looks into the browser's storage, sees only scrambled text."</p>
        <p>"It cannot protect against someone watching you type, or harmful software on the device itself."</p>
        <p class="notice warn"><strong>"There is no recovery. "</strong>"If you forget the passphrase, nobody can open your notes again, including us. You would have to delete everything and start over."</p>
        <p>"A backup first is a good idea: "<button type="button" class="button secondary small" on:click=move |_| backup.run(())>"Download a backup"</button></p>
        <form class="stack" on:submit=submit>
            <Secret id="lock-new" label="Choose a passphrase" value=first autocomplete="new-password" described_by="lock-hint"/>
            <p id="lock-hint" class="muted small" aria-live="polite">{move || hint().unwrap_or("A short phrase of several words is easy to remember and hard to guess, for example four words that mean something only to you.")}</p>
            <Secret id="lock-again" label="Type it again" value=second autocomplete="new-password"/>
            <div class="actions">
                <button type="submit" class="button" disabled=move || busy.get()>"Turn on the lock"</button>
            </div>
        </form>
    }
}

#[component]
fn LockIsOn(outcome: RwSignal<Option<String>>) -> impl IntoView {
    let db = use_db();
    let choice = move || db.prefs.with(|p| AutoLock::from_minutes(p.auto_lock));
    let on_choose = move |ev: leptos::ev::Event| {
        let picked = event_target_value(&ev);
        if let Some(auto) = AutoLock::CHOICES.into_iter().find(|c| auto_lock_label(*c) == picked) {
            db.update_prefs(|p| p.auto_lock = auto.minutes());
        }
    };
    view! {
        <p>"The lock is on. Everything you write is encrypted on this device, and the app asks for your passphrase when it opens."</p>
        <label for="auto-lock">"Lock by itself when the app is out of sight"</label>
        <select id="auto-lock" on:change=on_choose>
            {AutoLock::CHOICES.into_iter().map(|c| view! {
                <option value=auto_lock_label(c) selected=move || choice() == c>{auto_lock_label(c)}</option>
            }).collect_view()}
        </select>
        <ChangePassphrase/>
        <TurnOff outcome=outcome/>
    }
}

#[component]
fn ChangePassphrase() -> impl IntoView {
    let old = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let hint = move || new.with(|p| (!p.is_empty()).then(|| strength_hint(strength(p))));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (o, n, a) = (old.get_untracked(), new.get_untracked(), again.get_untracked());
        if n.chars().count() < MIN_PASSPHRASE_CHARS {
            return message.set(Some("Please choose a new passphrase of at least 8 characters.".into()));
        }
        if n != a {
            return message.set(Some("The two new passphrases are not the same.".into()));
        }
        busy.set(true);
        message.set(None);
        spawn_local(async move {
            next_frame().await;
            let result = ops::change_passphrase(&o, &n);
            busy.set(false);
            message.set(Some(match result {
                Ok(()) => {
                    for s in [old, new, again] {
                        s.set(String::new());
                    }
                    "Your passphrase is changed. Use the new one from now on.".into()
                }
                Err(failure) => format!("{} Your passphrase is unchanged.", failure.message()),
            }));
        });
    };
    view! {
        <details class="lock-part">
            <summary>"Change the passphrase"</summary>
            <form class="stack" on:submit=submit>
                <Secret id="lock-old" label="Current passphrase" value=old autocomplete="current-password"/>
                <Secret id="lock-change-new" label="New passphrase" value=new autocomplete="new-password" described_by="lock-change-hint"/>
                <p id="lock-change-hint" class="muted small" aria-live="polite">{move || hint().unwrap_or_default()}</p>
                <Secret id="lock-change-again" label="Type the new one again" value=again autocomplete="new-password"/>
                <div class="actions">
                    <button type="submit" class="button secondary" disabled=move || busy.get()>"Change passphrase"</button>
                </div>
            </form>
            <p class="small" role="status" hidden=move || message.with(Option::is_none)>{move || message.get().unwrap_or_default()}</p>
        </details>
    }
}

#[component]
fn TurnOff(outcome: RwSignal<Option<String>>) -> impl IntoView {
    let db = use_db();
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let message = outcome;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        message.set(Some("Decrypting what is stored on this device…".into()));
        spawn_local(async move {
            next_frame().await;
            let result = ops::turn_off(&passphrase.get_untracked(), now_ms());
            passphrase.set(String::new());
            busy.set(false);
            match result {
                Ok(()) => {
                    message.set(Some("The lock is off. Everything is stored in plain form on this device again.".into()));
                    db.reload();
                }
                Err(failure) => message.set(Some(format!("{} The lock is still on.", failure.message()))),
            }
        });
    };
    view! {
        <details class="lock-part">
            <summary>"Turn off the lock"</summary>
            <p>"Everything is decrypted back to plain form on this device, and the app no longer asks for a passphrase."</p>
            <form class="stack" on:submit=submit>
                <Secret id="lock-off" label="Your passphrase" value=passphrase autocomplete="current-password"/>
                <div class="actions">
                    <button type="submit" class="button secondary" disabled=move || busy.get()>"Turn off the lock"</button>
                </div>
            </form>
        </details>
    }
}
