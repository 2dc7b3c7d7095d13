//! "Add a reminder to my calendar": the app cannot remind anyone without a push
//! server, but the person's own calendar can. This makes an iCalendar file
//! (`domain::calendar`) that phones open straight into their calendar app. It
//! lives on Small steps and Your data (both lazily loaded); Home links here.

use leptos::prelude::*;

use crate::i18n::{k::reminders as r, t};
use crate::domain::calendar::{one_time_ics, parse_time, reminders_ics, Made, OneTime, Reminder, Rhythm, Weekday};
use crate::domain::time::local_date;
use crate::ui::base_path;
use crate::clock::{now_ms, offset_minutes};
use crate::ui::browser::{download, random_u32};
use crate::ui::fields::{CheckChips, PickField, TimeField};

/// Makes a calendar file for this app's address and hands it to the person.
fn save_calendar(file_name: &str, build: impl FnOnce(&Made) -> String) -> bool {
    let now = now_ms();
    let app_url = format!("{}{}/", window().location().origin().unwrap_or_default(), base_path());
    let nonce = format!("{now:x}-{:08x}", random_u32());
    let made = Made { app_url: &app_url, now_ms: now, today: local_date(now, offset_minutes(now)), nonce: &nonce };
    download(file_name, "text/calendar", &build(&made)).is_ok()
}

fn saved_message(saved: bool) -> &'static str {
    t(if saved { r::CALENDAR_SAVED } else { r::CALENDAR_FAILED })
}

/// Hands the person a calendar file for one event; says how that went.
pub fn one_time_in_calendar(file_name: &str, title: &str, at: &OneTime) -> &'static str {
    saved_message(save_calendar(file_name, |made| one_time_ics(title, at, made)))
}

/// A one-time reminder for a planned step with a date and time. Like every
/// reminder, it names nothing the person wrote: not even the step.
#[component]
pub fn StepInCalendar(at: OneTime) -> impl IntoView {
    let message = RwSignal::new(None::<&'static str>);
    let add = move |_| message.set(Some(one_time_in_calendar("leaning-in-small-step.ics", t(r::TIME_SMALL_STEP), &at)));
    view! {
        <button type="button" class="button secondary" on:click=add>{t(r::ADD_STEP_CALENDAR)}</button>
        <p class="small" role="status" hidden=move || message.with(Option::is_none)>{move || message.get().unwrap_or_default()}</p>
    }
}

#[component]
pub fn Reminders() -> impl IntoView {
    let journal = RwSignal::new(true);
    let journal_time = RwSignal::new("21:00".to_string());
    let journal_days = RwSignal::new(Vec::<String>::new());
    let step = RwSignal::new(false);
    let step_day = RwSignal::new(Weekday::Sa.label().to_string());
    let step_time = RwSignal::new("10:00".to_string());
    let check = RwSignal::new(false);
    let check_day = RwSignal::new("1".to_string());
    let check_time = RwSignal::new("09:00".to_string());
    let message = RwSignal::new(None::<&'static str>);

    let chosen = move || -> Result<Vec<Reminder>, &'static str> {
        let time = |field: RwSignal<String>| parse_time(&field.get_untracked()).ok_or(t(r::PLEASE_CHOOSE_TIME_DAY));
        let weekday = |label: &str| Weekday::ALL.into_iter().find(|d| d.label() == label).unwrap_or(Weekday::Sa);
        let mut list = Vec::new();
        if journal.get_untracked() {
            let (hour, minute) = time(journal_time)?;
            let days = journal_days.with_untracked(|ds| Weekday::ALL.into_iter().filter(|d| ds.iter().any(|x| x == d.label())).collect());
            list.push(Reminder { rhythm: Rhythm::JournalCheckIn { days }, hour, minute });
        }
        if step.get_untracked() {
            let (hour, minute) = time(step_time)?;
            list.push(Reminder { rhythm: Rhythm::WeeklyStep { day: weekday(&step_day.get_untracked()) }, hour, minute });
        }
        if check.get_untracked() {
            let (hour, minute) = time(check_time)?;
            let day_of_month = check_day.get_untracked().parse().unwrap_or(1);
            list.push(Reminder { rhythm: Rhythm::MonthlyCheck { day_of_month }, hour, minute });
        }
        if list.is_empty() {
            return Err(t(r::CHOOSE_LEAST_ONE_REMINDER));
        }
        Ok(list)
    };
    let add = move |_| match chosen() {
        Err(why) => message.set(Some(why)),
        Ok(list) => message.set(Some(saved_message(save_calendar("leaning-in-reminders.ics", |made| reminders_ics(&list, made))))),
    };
    let weekdays = Weekday::ALL.iter().map(|d| (d.label().to_string(), d.short_name().to_string())).collect::<Vec<_>>();
    view! {
        <section class="card" id="reminders" aria-labelledby="reminders-title">
            <h2 id="reminders-title">{t(r::REMINDERS_CALENDAR)}</h2>
            <p>{t(r::APP_CANNOT_REMIND_ITSELF)}</p>
            <p class="muted small">{t(r::REMINDERS_SAY_ONLY_CALM)}</p>
            <div class="reminder">
                <label class="choice"><input type="checkbox" prop:checked=move || journal.get() on:change=move |ev| journal.set(event_target_checked(&ev))/><span>{t(r::EVENING_CHECK_JOURNAL)}</span></label>
                <Show when=move || journal.get()>
                    <TimeField id="remind-journal-time" label=t(r::AT) value=journal_time/>
                    <CheckChips legend=t(r::THESE_DAYS_NONE_TICKED) options=weekdays.clone() selected=journal_days/>
                </Show>
            </div>
            <div class="reminder">
                <label class="choice"><input type="checkbox" prop:checked=move || step.get() on:change=move |ev| step.set(event_target_checked(&ev))/><span>{t(r::ONE_SMALL_STEP_EACH)}</span></label>
                <Show when=move || step.get()>
                    <PickField id="remind-step-day" label=t(r::ON) options=Weekday::ALL.iter().map(|d| (d.label().to_string(), d.name().to_string())).collect() value=step_day/>
                    <TimeField id="remind-step-time" label=t(r::AT) value=step_time/>
                </Show>
            </div>
            <div class="reminder">
                <label class="choice"><input type="checkbox" prop:checked=move || check.get() on:change=move |ev| check.set(event_target_checked(&ev))/><span>{t(r::SELF_CHECK_ONCE_MONTH)}</span></label>
                <Show when=move || check.get()>
                    <PickField id="remind-check-day" label=t(r::DAY) options=(1..=28).map(|n| (n.to_string(), n.to_string())).collect() value=check_day/>
                    <TimeField id="remind-check-time" label=t(r::AT) value=check_time/>
                </Show>
            </div>
            <div class="actions">
                <button type="button" class="button" on:click=add>{t(r::ADD_CALENDAR)}</button>
            </div>
            <p class="small" role="status" hidden=move || message.with(Option::is_none)>{move || message.get().unwrap_or_default()}</p>
        </section>
    }
}
