//! Form controls shared by every feature: scales as real radio groups (arrow keys
//! work, every option is labelled), multi-select chips as real checkboxes, and
//! labelled time, choice and password fields bound to a signal.

use leptos::prelude::*;


/// A scale such as "urge to withdraw, 0–10": one radio per step, in a fieldset.
/// `ends` labels the two ends ("No urge" … "Very strong"); `value` is `None` until chosen.
#[component]
pub fn RadioScale(
    legend: &'static str,
    name: &'static str,
    options: Vec<(u8, String)>,
    value: RwSignal<Option<u8>>,
    #[prop(optional)] ends: Option<(crate::i18n::Key, crate::i18n::Key)>,
    #[prop(optional)] wide: bool,
) -> impl IntoView {
    let radios = options
        .into_iter()
        .map(|(v, label)| {
            view! {
                <label class="scale-option">
                    <input type="radio" name=name value=v.to_string()
                        prop:checked=move || value.get() == Some(v)
                        on:change=move |_| value.set(Some(v))/>
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field scale" class:wide=wide>
            <legend>{legend}</legend>
            <div class="scale-options">{radios}</div>
            {ends.map(|(low, high)| view! {
                <div class="scale-ends" aria-hidden="true"><span>{crate::i18n::t(low)}</span><span>{crate::i18n::t(high)}</span></div>
            })}
        </fieldset>
    }
}

/// 0 to 10, each step labelled with its number; the ends are explained in words.
pub fn zero_to_ten() -> Vec<(u8, String)> {
    (0..=10).map(|n| (n, n.to_string())).collect()
}

/// Several choices at once, as checkboxes styled as chips.
#[component]
pub fn CheckChips(
    legend: &'static str,
    options: Vec<(String, String)>,
    selected: RwSignal<Vec<String>>,
) -> impl IntoView {
    let chips = options
        .into_iter()
        .map(|(value, label)| {
            let v = value.clone();
            let checked = move || selected.with(|s| s.contains(&v));
            view! {
                <label class="chip">
                    <input type="checkbox" prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            selected.update(|s| {
                                s.retain(|x| x != &value);
                                if on { s.push(value.clone()) }
                            });
                        }/>
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field">
            <legend>{legend}</legend>
            <div class="chips">{chips}</div>
        </fieldset>
    }
}

/// A time field bound to a signal.
#[component]
pub fn TimeField(id: &'static str, label: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <label class="time-field" for=id>
            <span>{label}</span>
            <input id=id type="time" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
        </label>
    }
}

/// A labelled choice of one option, bound to a signal.
#[component]
/// `options`: each value and what the person reads for it.
pub fn PickField(id: &'static str, label: &'static str, options: Vec<(String, String)>, value: RwSignal<String>) -> impl IntoView {
    view! {
        <label class="time-field" for=id>
            <span>{label}</span>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                {options.into_iter().map(|(o, shown)| {
                    let current = o.clone();
                    view! { <option value=o selected=move || value.with(|v| *v == current)>{shown}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// A labelled password field bound to a signal.
#[component]
pub fn Secret(#[prop(into)] id: String, label: &'static str, value: RwSignal<String>, autocomplete: &'static str, #[prop(optional, into)] described_by: String) -> impl IntoView {
    view! {
        <label for=id.clone()>{label}</label>
        <input id=id type="password" autocomplete=autocomplete aria-describedby=(!described_by.is_empty()).then_some(described_by)
            prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
    }
}
