//! The language the app speaks in this browser. Chosen before the app is drawn
//! (the setting on Your data, else the browser's languages: `i18n::choose`), its
//! file fetched from this origin (`locales/<code>.json`; boot.js has usually
//! started that fetch before the wasm arrived) and installed, with the
//! browser's own plural rules and number formats (`Intl`). `<html lang dir>`
//! follows it. Changed on Your data, it applies at once: the shell is drawn
//! again, and every open form's words are in its draft.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::db::store;
use crate::i18n::{self, choose, is_rtl, Catalog, Category, ENGLISH};

/// Installs this language and draws the app again in it (`app::relanguage`).
#[derive(Clone, Copy)]
pub struct Redraw(pub fn(&'static str));

/// The language boot.js chose before the first paint, by the rules of
/// `i18n::choose` (it names one only when it is not English). Reading its choice
/// keeps the choosing out of the first load, and the two can never differ.
pub fn chosen_at_boot() -> &'static str {
    js_sys::Reflect::get(&window(), &"__leaningInLanguageCode".into())
        .ok()
        .and_then(|c| c.as_string())
        .and_then(|c| i18n::LANGUAGES.iter().find(|l| l.code == c).map(|l| l.code))
        .unwrap_or(ENGLISH)
}

/// Installs `code` (English needs nothing) and marks the document. A file that
/// cannot be had or read leaves the app in English, which is always complete.
pub async fn install(code: &'static str) {
    let installed = code != ENGLISH
        // Fetching and reading it is in a chunk of its own, so English pays
        // nothing for it. Only `app` reaches this, never a component the
        // browser tests draw: a split point they reached would leave their
        // build an unresolved import.
        && match load_language(code).await {
            Ok(loading) => loading.await,
            Err(_) => false,
        };
    if !installed {
        i18n::set_catalog(None);
    }
    let root = document().document_element().expect("a document element");
    let code = if installed { code } else { ENGLISH };
    let _ = root.set_attribute("lang", code);
    let _ = root.set_attribute("dir", if is_rtl(code) { "rtl" } else { "ltr" });
    // pwa.js draws the update banner outside the app: it reads its words here.
    let _ = root.set_attribute("data-update-ready", i18n::t(i18n::k::app::UPDATE_READY));
    let _ = root.set_attribute("data-reload", i18n::t(i18n::k::ui::RELOAD));
    let _ = root.class_list().remove_1("translating");
}

/// The file's text: from boot.js's early fetch when it fetched this language, else fetched now.
async fn load(code: &str) -> Option<String> {
    let win: JsValue = window().into();
    let early_code = js_sys::Reflect::get(&win, &"__leaningInLanguageCode".into()).ok().and_then(|c| c.as_string());
    if early_code.as_deref() == Some(code) {
        if let Ok(promise) = js_sys::Reflect::get(&win, &"__leaningInLanguage".into()).and_then(|p| p.dyn_into::<js_sys::Promise>()) {
            if let Some(text) = wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|t| t.as_string()) {
                return Some(text);
            }
        }
    }
    crate::ui::browser::fetch_text(&format!("locales/{code}.json")).await
}

/// Split functions cannot be async: this one hands back its work as a future.
#[leptos::wasm_split::wasm_split(language, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load_language(code: &'static str) -> Result<std::pin::Pin<Box<dyn std::future::Future<Output = bool>>>, leptos::wasm_split::SplitLoaderError> {
    Ok(Box::pin(async move {
        match load(code).await {
            Some(text) => read(code.to_string(), &text),
            None => false,
        }
    }))
}

fn read(code: String, text: &str) -> bool {
    let Ok(mut catalog) = Catalog::from_compiled(&code, text) else { return false };
    let locales = js_sys::Array::of1(&code.as_str().into());
    let rules = js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new());
    catalog.plural = Box::new(move |n| Category::from_cldr(&String::from(rules.select(n))));
    catalog.number = Box::new(move |n, decimals| {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"minimumFractionDigits".into(), &decimals.into());
        let _ = js_sys::Reflect::set(&options, &"maximumFractionDigits".into(), &decimals.into());
        let format = js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&code.as_str().into()), &options).format();
        format.call1(&JsValue::NULL, &n.into()).ok().and_then(|s| s.as_string()).unwrap_or_else(|| n.to_string())
    });
    i18n::set_catalog(Some(catalog));
    true
}

/// The choice of language on Your data: each language in its own name, the
/// unreviewed ones marked as a preview. Shown once there is more than English.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    use crate::i18n::{k::language as l, offered, t, t_with};
    let Some(Redraw(redraw)) = use_context::<Redraw>() else { return ().into_any() };
    if offered().next().is_none() {
        return ().into_any();
    }
    let setting = store().language();
    let name_of = |code: &str| offered().find(|l| l.code == code).map_or("English", |l| l.name);
    let browser: Vec<String> = window().navigator().languages().iter().filter_map(|l| l.as_string()).collect();
    let browser_choice = choose(None, browser.iter().map(String::as_str));
    let option = |value: &'static str, label: String, selected: bool| view! { <option value=value selected=selected>{label}</option> };
    let mut options = vec![
        option("", t_with(l::AUTOMATIC, &[("language", name_of(browser_choice))]), setting.is_none()),
        option(ENGLISH, "English".to_string(), setting.as_deref() == Some(ENGLISH)),
    ];
    for lang in offered() {
        let label = if lang.reviewed { lang.name.to_string() } else { t_with(l::PREVIEW, &[("language", lang.name)]) };
        options.push(option(lang.code, label, setting.as_deref() == Some(lang.code)));
    }
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let setting = (!value.is_empty()).then_some(value.as_str());
        let _ = store().set_language(setting);
        let code = choose(setting, browser.iter().map(String::as_str));
        // Out of this handler first: the redraw drops the page it belongs to.
        set_timeout(move || redraw(code), std::time::Duration::ZERO);
    };
    view! {
        <section class="card" aria-labelledby="language-title">
            <h2 id="language-title">{t(l::TITLE)}</h2>
            <div class="field">
                <label for="language">{t(l::LABEL)}</label>
                <select id="language" on:change=on_change>{options}</select>
            </div>
            <p class="muted small">{t(l::NOTE)}</p>
            {offered().any(|l| !l.reviewed).then(|| view! { <p class="muted small">{t(l::PREVIEW_NOTE)}</p> })}
        </section>
    }
    .into_any()
}
