//! Small browser facts and actions the domain needs supplied: randomness, ids,
//! dates as shown (the clock itself is `crate::clock`), and saving a file to the person's device.

use wasm_bindgen::JsCast;

use crate::clock::{now_ms, offset_minutes};

pub fn random_u32() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// A fresh record id.
pub fn new_id() -> String {
    crate::domain::records::new_id(now_ms(), random_u32())
}

/// Today's date as "2026-11-23", for file names.
pub fn today_iso() -> String {
    let now = now_ms();
    crate::domain::time::iso_date(now, offset_minutes(now))
}

/// "23 Nov 2026" in the person's time zone; in another language, as it writes
/// dates (`Intl.DateTimeFormat`).
pub fn format_date(ms: i64) -> String {
    let language = crate::i18n::language();
    if language != crate::i18n::ENGLISH {
        let options = js_sys::Object::new();
        for (name, value) in [("day", "numeric"), ("month", "short"), ("year", "numeric")] {
            let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
        }
        let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&language.into()), &options).format();
        if let Some(text) = format.call1(&wasm_bindgen::JsValue::NULL, &js_sys::Date::new(&(ms as f64).into())).ok().and_then(|t| t.as_string()) {
            return text;
        }
    }
    crate::domain::time::format_date(ms, offset_minutes(ms))
}

/// "today", "yesterday", "3 days ago": in English the app's own words; in
/// another language, as the browser says it (`Intl.RelativeTimeFormat`).
pub fn days_ago(days: i64) -> String {
    let language = crate::i18n::language();
    if language != crate::i18n::ENGLISH {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"numeric".into(), &"auto".into());
        let format = js_sys::Intl::RelativeTimeFormat::new(&js_sys::Array::of1(&language.into()), &options);
        return String::from(format.format(-(days.max(0) as f64), "day"));
    }
    crate::domain::time::days_ago_phrase(days)
}

/// Hands the person a file, generated here: nothing is uploaded anywhere.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "no blob")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "no url")?;
    let doc = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(|_| "no a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// How a file was handed to the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handed {
    /// The system share sheet took it (saved to Files or Drive, or sent).
    Shared,
    Downloaded,
    /// The person closed the share sheet: nothing was saved.
    Cancelled,
    Failed,
}

fn share_data(file_name: &str, mime: &str, contents: &str) -> Option<js_sys::Object> {
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    let file = web_sys::File::new_with_str_sequence_and_options(&js_sys::Array::of1(&contents.into()), file_name, &options).ok()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(&file)).ok()?;
    Some(data)
}

fn navigator_method(name: &str) -> Option<js_sys::Function> {
    let navigator = leptos::prelude::window().navigator();
    js_sys::Reflect::get(&navigator, &name.into()).ok()?.dyn_into().ok()
}

/// Whether this browser can hand a file to the system share sheet (phones, mostly).
pub fn can_share_files() -> bool {
    let (Some(can_share), Some(_)) = (navigator_method("canShare"), navigator_method("share")) else { return false };
    let Some(data) = share_data("backup.json", "application/json", "{}") else { return false };
    can_share.call1(&leptos::prelude::window().navigator(), &data).ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

/// Offers the file through the system share sheet where the browser can share
/// files, so it can be saved to Files or Drive in one step; elsewhere, downloads it.
pub async fn share_or_download(file_name: &str, mime: &str, contents: &str) -> Handed {
    if can_share_files() {
        if let (Some(share), Some(data)) = (navigator_method("share"), share_data(file_name, mime, contents)) {
            if let Ok(promise) = share.call1(&leptos::prelude::window().navigator(), &data) {
                return match wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await {
                    Ok(_) => Handed::Shared,
                    Err(err) if err.dyn_ref::<web_sys::DomException>().is_some_and(|e| e.name() == "AbortError") => Handed::Cancelled,
                    Err(_) => download_handed(file_name, mime, contents),
                };
            }
        }
    }
    download_handed(file_name, mime, contents)
}

fn download_handed(file_name: &str, mime: &str, contents: &str) -> Handed {
    match download(file_name, mime, contents) {
        Ok(()) => Handed::Downloaded,
        Err(_) => Handed::Failed,
    }
}

/// A file of this build (a path relative to the app's base), fetched from its own
/// origin: offline, the service worker answers from its cache.
pub async fn fetch_text(path: &str) -> Option<String> {
    let response = wasm_bindgen_futures::JsFuture::from(leptos::prelude::window().fetch_with_str(path)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    wasm_bindgen_futures::JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// Whether this browser has a system share sheet for text.
pub fn can_share_text() -> bool {
    navigator_method("share").is_some()
}

/// Hands text to the system share sheet. `Some(true)`: shared; `Some(false)`:
/// the person closed the sheet; `None`: there is no sheet, or it failed.
pub async fn share_text(title: &str, text: &str) -> Option<bool> {
    let share = navigator_method("share")?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"title".into(), &title.into()).ok()?;
    js_sys::Reflect::set(&data, &"text".into(), &text.into()).ok()?;
    let promise = share.call1(&leptos::prelude::window().navigator(), &data).ok()?;
    match wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await {
        Ok(_) => Some(true),
        Err(err) if err.dyn_ref::<web_sys::DomException>().is_some_and(|e| e.name() == "AbortError") => Some(false),
        Err(_) => None,
    }
}

/// Puts text on the clipboard; `false` when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let navigator = leptos::prelude::window().navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else { return false };
    let Some(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok()) else {
        return false;
    };
    match write.call1(&clipboard, &text.into()) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await.is_ok(),
        Err(_) => false,
    }
}
