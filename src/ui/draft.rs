//! Drafts: every form that takes text keeps its unsaved state in storage while the
//! person types, so a reload, a crash or a stray tap loses at most a moment.

use std::time::Duration;

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use crate::storage::local::store;

/// How long typing pauses before the draft is written.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// Controls for a form's draft.
#[derive(Clone, Copy)]
pub struct Draft {
    form: StoredValue<String>,
    pending: StoredValue<Option<TimeoutHandle>>,
}

impl Draft {
    /// Forget the draft: after a save, or when the person discards it.
    pub fn clear(&self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
            self.pending.set_value(None);
        }
        store().clear_draft(&self.form.get_value());
    }
}

/// Restores the form from its draft (through `restore`), then autosaves what
/// `read` returns on every change: debounced while typing, at once when the page
/// is hidden or the form goes away. `is_blank` says when there is nothing to keep.
pub fn use_draft<T>(
    form: String,
    read: impl Fn() -> T + Send + Sync + 'static,
    restore: impl FnOnce(T),
    is_blank: fn(&T) -> bool,
) -> Draft
where
    T: Serialize + DeserializeOwned + 'static,
{
    if let Some(saved) = store().draft(&form).and_then(|raw| serde_json::from_str::<T>(&raw).ok()) {
        restore(saved);
    }
    let draft = Draft { form: StoredValue::new(form), pending: StoredValue::new(None) };
    let read = StoredValue::new(read);
    let write = move || {
        draft.pending.set_value(None);
        let value = read.with_value(|read| untrack(read));
        let form = draft.form.get_value();
        if is_blank(&value) {
            store().clear_draft(&form);
        } else if let Ok(json) = serde_json::to_string(&value) {
            // If storage is full the words stay on screen; Save says why.
            let _ = store().save_draft(&form, &json);
        }
    };
    let flush = move || {
        if let Some(handle) = draft.pending.get_value() {
            handle.clear();
            write();
        }
    };
    Effect::new(move |first_run: Option<()>| {
        read.with_value(|read| read());
        if first_run.is_none() {
            return;
        }
        if let Some(handle) = draft.pending.get_value() {
            handle.clear();
        }
        draft.pending.set_value(set_timeout_with_handle(write, DEBOUNCE).ok());
    });
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    on_cleanup(move || {
        flush();
        on_hide.remove();
        on_hidden.remove();
    });
    draft
}
