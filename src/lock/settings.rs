//! The lock on Your data: what it protects and what it does not, turning it on
//! (passphrase twice, an honest strength hint, a backup first), and while it is
//! on: auto-lock, a new passphrase, and turning it off.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::ops::{self, LockFailure};
use super::next_frame;
use crate::i18n::{k::lock as l, t, t_with};
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
            <h2 id="lock-title">{t(l::LOCK_PASSPHRASE)}</h2>
            <Show when=move || db.lock_on.get() fallback=move || view! { <TurnOn backup=backup outcome=outcome/> }>
                <LockIsOn outcome=outcome/>
            </Show>
            <p class="notice small" role="status" hidden=move || outcome.with(Option::is_none)>{move || outcome.get().unwrap_or_default()}</p>
        </section>
    }
}

fn auto_lock_label(choice: AutoLock) -> String {
    match choice {
        AutoLock::Immediately => t(l::IMMEDIATELY).into(),
        AutoLock::AfterMinutes(1) => t(l::AFTER_1_MINUTE).into(),
        AutoLock::AfterMinutes(n) => t_with(l::AFTER_N_MINUTES, &[("n", &(n).to_string())]),
        AutoLock::Never => t(l::NEVER).into(),
    }
}

fn strength_hint(s: Strength) -> &'static str {
    match s {
        Strength::TooShort => t(l::LEAST_8_CHARACTERS),
        Strength::Weak => t(l::EASY_GUESS_SHORT_PHRASE),
        Strength::Fair => t(l::FAIR_ONE_TWO_MORE),
        Strength::Strong => t(l::STRONG),
    }
}

/// Why a new passphrase typed twice cannot be used yet, if it cannot.
fn check_new(first: &str, second: &str) -> Result<(), &'static str> {
    if first.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(t(l::PLEASE_CHOOSE_PASSPHRASE_LEAST));
    }
    if first != second {
        return Err(t(l::TWO_PASSPHRASES_NOT_SAME));
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
        message.set(Some(t(l::ENCRYPTING_WHAT_STORED_DEVICE).into()));
        spawn_local(async move {
            next_frame().await;
            let result = ops::turn_on(&a).await;
            first.set(String::new());
            second.set(String::new());
            busy.set(false);
            message.set(Some(match result {
                Ok(n) => t_with(l::LOCK_N_STORED_ITEMS, &[("n", &(n).to_string())]),
                Err(LockFailure::Store(err)) if crate::lock::session::lock_is_on() => {
                    t_with(l::LOCK_BUT_NOT_EVERYTHING, &[("message", &(err.message()).to_string())])
                }
                Err(LockFailure::AlreadyOn) => LockFailure::AlreadyOn.message(),
                Err(failure) => t_with(l::MESSAGE_LOCK_STILL_OFF, &[("message", &(failure.message()).to_string())]),
            }));
            db.lock_on.set(crate::lock::session::lock_is_on());
        });
    };
    view! {
        <p>{t(l::LOCK_ENCRYPTS_EVERYTHING_WRITE)}</p>
        <p>{t(l::CANNOT_PROTECT_AGAINST_SOMEONE)}</p>
        <p class="notice warn"><strong>{t(l::THERE_NO_RECOVERY)}</strong>{t(l::FORGET_PASSPHRASE_NOBODY_CAN)}</p>
        <p>{t(l::BACKUP_FIRST_GOOD_IDEA)}<button type="button" class="button secondary small" on:click=move |_| backup.run(())>{t(l::DOWNLOAD_BACKUP)}</button></p>
        <form class="stack" on:submit=submit>
            <NewPassphrase id="lock-new" label=t(l::CHOOSE_PASSPHRASE) again_label=t(l::TYPE_AGAIN) value=first again=second
                idle_hint=t(l::SHORT_PHRASE_SEVERAL_WORDS)/>
            <div class="actions">
                <button type="submit" class="button" disabled=move || busy.get()>{t(l::TURN_LOCK)}</button>
            </div>
            <super::Working busy=busy label=t(l::TURNING_LOCK)/>
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
        <p>{t(l::LOCK_EVERYTHING_WRITE_ENCRYPTED)}</p>
        <EncryptingUnfinished/>
        <label for="auto-lock">{t(l::LOCK_ITSELF_WHEN_APP)}</label>
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
            Ok(_) if crate::lock::session::plain_left() == 0 => Some(t(l::EVERYTHING_ENCRYPTED_NOW).into()),
            Ok(_) => None,
            Err(err) => Some(t_with(l::MESSAGE_NOTHING_WAS_LOST, &[("message", &(err.message()).to_string())])),
        });
    };
    view! {
        <Show when=move || { left.get() > 0 }>
            <div class="notice warn" data-testid="encrypting-unfinished">
                <p><strong>{t(l::ENCRYPTING_NOT_FINISHED)}</strong>{move || t_with(l::PLURAL_CAN_STILL_READ, &[("items", &(plural(left.get(), crate::i18n::k::count::ITEMS)).to_string())])}</p>
                <button type="button" class="button secondary small" on:click=finish>{t(l::FINISH_ENCRYPTING)}</button>
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
                        ops::Changed::Finished => t(l::PASSPHRASE_CHANGED_EVERYTHING_ENCRYPTED).into(),
                        ops::Changed::SomeLeft => t(l::PASSPHRASE_CHANGED_USE_NEW).into(),
                    }
                }
                Err(failure) => t_with(l::MESSAGE_PASSPHRASE_UNCHANGED, &[("message", &(failure.message()).to_string())]),
            }));
        });
    };
    view! {
        <details class="lock-part">
            <summary>{t(l::CHANGE_PASSPHRASE)}</summary>
            <form class="stack" on:submit=submit>
                <Secret id="lock-old" label=t(l::CURRENT_PASSPHRASE) value=old autocomplete="current-password"/>
                <NewPassphrase id="lock-change-new" label=t(l::NEW_PASSPHRASE) again_label=t(l::TYPE_NEW_ONE_AGAIN) value=new again=again idle_hint=""/>
                <div class="actions">
                    <button type="submit" class="button secondary" disabled=move || busy.get()>{t(l::CHANGE_PASSPHRASE_2)}</button>
                </div>
                <super::Working busy=busy label=t(l::CHANGING_PASSPHRASE)/>
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
        message.set(Some(t(l::DECRYPTING_WHAT_STORED_DEVICE).into()));
        spawn_local(async move {
            next_frame().await;
            let result = ops::turn_off(&passphrase.get_untracked(), now_ms()).await;
            passphrase.set(String::new());
            busy.set(false);
            match result {
                Ok(()) => {
                    message.set(Some(t(l::LOCK_OFF_EVERYTHING_STORED).into()));
                    db.reload();
                }
                Err(failure) => message.set(Some(t_with(l::MESSAGE_LOCK_STILL, &[("message", &(failure.message()).to_string())]))),
            }
        });
    };
    view! {
        <details class="lock-part">
            <summary>{t(l::TURN_OFF_LOCK)}</summary>
            <p>{t(l::EVERYTHING_DECRYPTED_BACK_PLAIN)}</p>
            <form class="stack" on:submit=submit>
                <Secret id="lock-off" label=t(l::PASSPHRASE) value=passphrase autocomplete="current-password"/>
                <div class="actions">
                    <button type="submit" class="button secondary" disabled=move || busy.get()>{t(l::TURN_OFF_LOCK)}</button>
                </div>
                <super::Working busy=busy label=t(l::TURNING_OFF_LOCK)/>
            </form>
        </details>
    }
}
