//! A quiet message at the bottom of the screen, with an optional Undo, that
//! goes away by itself after a few seconds.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::{k::ui as u, t};

/// How long an Undo stays offered.
pub const UNDO_FOR: Duration = Duration::from_secs(8);

/// A plain closure rather than a reactive `Callback`: the view that offered the
/// undo (an entry that was just deleted) is usually gone by the time it is used.
pub type Undo = Arc<dyn Fn() + Send + Sync>;

#[derive(Clone)]
pub struct Toast {
    pub message: String,
    pub undo: Option<Undo>,
}

#[derive(Clone, Copy)]
pub struct Toasts {
    current: RwSignal<Option<(u64, Toast)>>,
    next: StoredValue<u64>,
}

impl Toasts {
    pub fn new() -> Self {
        Toasts { current: RwSignal::new(None), next: StoredValue::new(0) }
    }

    pub fn show(&self, toast: Toast) {
        let id = self.next.get_value() + 1;
        self.next.set_value(id);
        self.current.set(Some((id, toast)));
        let current = self.current;
        set_timeout(
            move || {
                if current.with_untracked(|c| c.as_ref().map(|(i, _)| *i)) == Some(id) {
                    current.set(None);
                }
            },
            UNDO_FOR,
        );
    }
}

impl Default for Toasts {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

/// Where toasts appear; placed once in the shell.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = use_toasts();
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || toasts.current.get().map(|(_, toast)| view! {
                <div class="toast">
                    <span>{toast.message}</span>
                    {toast.undo.map(|undo| view! {
                        <button type="button" class="button secondary small" on:click=move |_| {
                            toasts.current.set(None);
                            undo();
                        }>{t(u::UNDO)}</button>
                    })}
                </div>
            })}
        </div>
    }
}
