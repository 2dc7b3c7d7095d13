//! Small browser facts and actions the domain needs supplied: the clock, the
//! local UTC offset, randomness, and saving a file to the person's device.

use wasm_bindgen::JsCast;

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Local time minus UTC at `ms`, in minutes (DST-aware).
pub fn offset_minutes(ms: i64) -> i32 {
    -(js_sys::Date::new(&(ms as f64).into()).get_timezone_offset() as i32)
}

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

/// "23 Nov 2026" in the person's time zone.
pub fn format_date(ms: i64) -> String {
    crate::domain::time::format_date(ms, offset_minutes(ms))
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
