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
use crate::domain::words::plural;
use crate::ui::fields::Secret;

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

/// Why a new passphrase typed twice cannot be used yet, if it cannot.
fn check_new(first: &str, second: &str) -> Result<(), &'static str> {
    if first.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err("Please choose a passphrase of at least 8 characters.");
    }
    if first != second {
        return Err("The two passphrases are not the same. Please type it again in both fields.");
    }
    Ok(())
}

/// A new passphrase typed twice, with an honest strength hint under the first.
#[component]
fn NewPassphrase(
    id: &'static str,
    label: &'static str,
    again_label: &'static str,
    value: RwSignal<String>,
    again: RwSignal<String>,
    idle_hint: &'static str,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let hint = move || value.with(|p| if p.is_empty() { idle_hint } else { strength_hint(strength(p)) });
    view! {
        <Secret id=id label=label value=value autocomplete="new-password" described_by=hint_id.clone()/>
        <p id=hint_id class="muted small" aria-live="polite">{hint}</p>
        <Secret id=format!("{id}-again") label=again_label value=again autocomplete="new-password"/>
    }
}

#[component]
fn TurnOn(backup: Callback<()>, outcome: RwSignal<Option<String>>) -> impl IntoView {
    let db = use_db();
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let message = outcome;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b) = (first.get_untracked(), second.get_untracked());
        if let Err(why) = check_new(&a, &b) {
            return message.set(Some(why.into()));
        }
        busy.set(true);
        message.set(Some("Encrypting what is stored on this device…".into()));
        spawn_local(async move {
            next_frame().await;
            let result = ops::turn_on(&a).await;
            first.set(String::new());
            second.set(String::new());
            busy.set(false);
            message.set(Some(match result {
                Ok(n) => format!("The lock is on. {n} stored items are encrypted. From now on the app asks for your passphrase when it opens."),
                Err(LockFailure::Store(err)) if crate::lock::session::lock_is_on() => {
                    format!("The lock is on, but not everything could be encrypted yet: {} The rest will be encrypted the next time you unlock, once there is room. Nothing was lost.", err.message())
                }
                Err(LockFailure::AlreadyOn) => LockFailure::AlreadyOn.message(),
                Err(failure) => format!("{} The lock is still off; nothing was changed.", failure.message()),
            }));
            db.lock_on.set(crate::lock::session::lock_is_on());
        });
    };
    view! {
        <p>"The lock encrypts everything you write that is stored on this device, and the backups you make with it on. Someone who picks up your phone or laptop, or looks into the browser's storage, sees only scrambled text: how many items there are, but nothing of what they say, what kind they are, or when you wrote them."</p>
        <p>"It cannot protect against someone watching you type, or harmful software on the device itself."</p>
        <p class="notice warn"><strong>"There is no recovery. "</strong>"If you forget the passphrase, nobody can open your notes again, including us. You would have to delete everything and start over."</p>
        <p>"A backup first is a good idea: "<button type="button" class="button secondary small" on:click=move |_| backup.run(())>"Download a backup"</button></p>
        <form class="stack" on:submit=submit>
            <NewPassphrase id="lock-new" label="Choose a passphrase" again_label="Type it again" value=first again=second
                idle_hint="A short phrase of several words is easy to remember and hard to guess, for example four words that mean something only to you."/>
            <div class="actions">
                <button type="submit" class="button" disabled=move || busy.get()>"Turn on the lock"</button>
            </div>
            <super::Working busy=busy label="Turning on the lock"/>
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
        <EncryptingUnfinished/>
        <label for="auto-lock">"Lock by itself when the app is out of sight, or left untouched"</label>
        <select id="auto-lock" on:change=on_choose>
            {AutoLock::CHOICES.into_iter().map(|c| view! {
                <option value=auto_lock_label(c) selected=move || choice() == c>{auto_lock_label(c)}</option>
            }).collect_view()}
        </select>
        <ChangePassphrase/>
        <TurnOff outcome=outcome/>
    }
}

/// A lasting notice while a turn-on that storage cut short left values that can
/// be read without the passphrase, with the way to finish.
#[component]
fn EncryptingUnfinished() -> impl IntoView {
    let db = use_db();
    let left = Memo::new(move |_| {
        db.revision.track();
        crate::lock::session::plain_left()
    });
    let message = RwSignal::new(None::<String>);
    let finish = move |_| {
        let result = crate::lock::session::finish_encrypting();
        db.reload();
        message.set(match result {
            Ok(_) if crate::lock::session::plain_left() == 0 => Some("Everything is encrypted now.".into()),
            Ok(_) => None,
            Err(err) => Some(format!("{} Nothing was lost; what could not be encrypted yet is still here.", err.message())),
        });
    };
    view! {
        <Show when=move || { left.get() > 0 }>
            <div class="notice warn" data-testid="encrypting-unfinished">
                <p><strong>"Encrypting is not finished: "</strong>{move || format!("{} can still be read without the passphrase.", plural(left.get(), crate::i18n::k::count::ITEMS))}</p>
                <button type="button" class="button secondary small" on:click=finish>"Finish encrypting"</button>
            </div>
        </Show>
        <p class="small" role="status" hidden=move || message.with(Option::is_none)>{move || message.get().unwrap_or_default()}</p>
    }
}

#[component]
fn ChangePassphrase() -> impl IntoView {
    let old = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (o, n, a) = (old.get_untracked(), new.get_untracked(), again.get_untracked());
        if let Err(why) = check_new(&n, &a) {
            return message.set(Some(why.into()));
        }
        busy.set(true);
        message.set(None);
        spawn_local(async move {
            next_frame().await;
            let result = ops::change_passphrase(&o, &n).await;
            busy.set(false);
            message.set(Some(match result {
                Ok(changed) => {
                    for s in [old, new, again] {
                        s.set(String::new());
                    }
                    match changed {
                        ops::Changed::Finished => "Your passphrase is changed, and everything is encrypted with a new key. Use the new passphrase from now on.".into(),
                        ops::Changed::SomeLeft => "Your passphrase is changed: use the new one from now on. Storage is full, so some items still use the old key; they are finished the next time you unlock, once there is room. Nothing was lost.".into(),
                    }
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
                <NewPassphrase id="lock-change-new" label="New passphrase" again_label="Type the new one again" value=new again=again idle_hint=""/>
                <div class="actions">
                    <button type="submit" class="button secondary" disabled=move || busy.get()>"Change passphrase"</button>
                </div>
                <super::Working busy=busy label="Changing the passphrase"/>
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
            let result = ops::turn_off(&passphrase.get_untracked(), now_ms()).await;
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
                <super::Working busy=busy label="Turning off the lock"/>
            </form>
        </details>
    }
}
