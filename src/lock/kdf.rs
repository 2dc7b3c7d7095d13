//! The key derivation, run in a dedicated worker (`assets/kdf-worker.js` with
//! `kdf.wasm`, built from crates/kdf): the page stays responsive for the second
//! it takes, and Argon2's memory lives in a small wasm instance of its own,
//! created for one derivation and terminated after it. A worker that fails is
//! replaced by a fresh one, once.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use js_sys::{Array, Function, Object, Reflect};
use leptos::prelude::window;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use zeroize::Zeroizing;

use crate::crypto::{new_salt, CryptoError, Kdf, LockRecord, WrappingKey, KEY_LEN, SALT_LEN};

/// Why no wrapping key came back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KdfFailure {
    /// The record or its settings are not ones this build makes or reads.
    Crypto(CryptoError),
    /// The worker could not run it, twice.
    Unavailable,
}

/// The wrapping key for `passphrase` under a stored record's settings and salt.
pub async fn for_record(record: &LockRecord, passphrase: &str) -> Result<WrappingKey, KdfFailure> {
    let salt = record.salt().map_err(KdfFailure::Crypto)?;
    derive(&record.kdf, passphrase, &salt).await
}

/// A wrapping key for a new record: the settings this build makes, a fresh salt.
pub async fn fresh(passphrase: &str, random: &mut dyn FnMut(&mut [u8])) -> Result<(WrappingKey, Kdf, [u8; SALT_LEN]), KdfFailure> {
    let kdf = Kdf::recommended();
    let salt = new_salt(random);
    let key = derive(&kdf, passphrase, &salt).await?;
    Ok((key, kdf, salt))
}

/// Argon2id in a worker, after the settings are checked against the caps.
pub async fn derive(kdf: &Kdf, passphrase: &str, salt: &[u8]) -> Result<WrappingKey, KdfFailure> {
    kdf.check().map_err(KdfFailure::Crypto)?;
    match in_worker(kdf, passphrase, salt).await {
        Err(Answer::Failed) => in_worker(kdf, passphrase, salt).await,
        first => first,
    }
    .map_err(|answer| match answer {
        Answer::OutOfRange => KdfFailure::Crypto(CryptoError::OutOfRange),
        Answer::Failed => KdfFailure::Unavailable,
    })
}

/// Far longer than any derivation within the caps takes on a slow phone.
const WORKER_PATIENCE: std::time::Duration = std::time::Duration::from_secs(90);

enum Answer {
    OutOfRange,
    Failed,
}

/// One derivation in a fresh worker. Reached through `js_sys`'s general calls
/// rather than typed `web_sys` bindings: every binding adds to the first load's
/// glue, even one only a lazy chunk uses. Salt and key cross as base64.
async fn in_worker(kdf: &Kdf, passphrase: &str, salt: &[u8]) -> Result<WrappingKey, Answer> {
    let get = |target: &JsValue, name: &str| Reflect::get(target, &name.into()).map_err(|_| Answer::Failed);
    let constructor: Function = get(&window().into(), "Worker")?.dyn_into().map_err(|_| Answer::Failed)?;
    // Relative to the document's base URL, so a sub-path build finds it too.
    let worker = Reflect::construct(&constructor, &Array::of1(&"kdf-worker.js".into())).map_err(|_| Answer::Failed)?;
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |event: JsValue| resolve.call1(&JsValue::NULL, &event));
        // A worker that neither answers nor fails counts as failed after a while.
        let late = reject.clone();
        leptos::prelude::set_timeout(move || drop(late.call1(&JsValue::NULL, &"timed out".into())), WORKER_PATIENCE);
        let on_error = Closure::once_into_js(move |event: JsValue| reject.call1(&JsValue::NULL, &event));
        let _ = Reflect::set(&worker, &"onmessage".into(), &on_message);
        let _ = Reflect::set(&worker, &"onerror".into(), &on_error);
    });
    let message = Object::new();
    let fields = [("passphrase", passphrase.into()), ("salt", B64.encode(salt).into()), ("m", kdf.m.into()), ("t", kdf.t.into()), ("p", kdf.p.into())];
    let filled = fields.into_iter().all(|(name, value)| Reflect::set(&message, &name.into(), &value).is_ok());
    let post: Function = get(&worker, "postMessage")?.dyn_into().map_err(|_| Answer::Failed)?;
    let answer = match filled && post.call1(&worker, &message).is_ok() {
        true => wasm_bindgen_futures::JsFuture::from(answer).await.map_err(|_| Answer::Failed),
        false => Err(Answer::Failed),
    };
    if let Ok(terminate) = get(&worker, "terminate").and_then(|f| f.dyn_into::<Function>().map_err(|_| Answer::Failed)) {
        let _ = terminate.call0(&worker);
    }
    let data = get(&answer?, "data")?;
    let key = get(&data, "key")?.as_string().and_then(|k| B64.decode(k).ok()).map(Zeroizing::new);
    match key {
        Some(key) if key.len() == KEY_LEN => {
            let mut out = Zeroizing::new([0u8; KEY_LEN]);
            out.copy_from_slice(&key);
            Ok(out)
        }
        _ => match get(&data, "error")?.as_string().as_deref() {
            Some("out-of-range") => Err(Answer::OutOfRange),
            _ => Err(Answer::Failed),
        },
    }
}
