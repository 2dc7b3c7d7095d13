//! "Install the app": on the home screen the app opens like any other, works
//! offline, and Safari no longer clears its data after seven days without a
//! visit. Where the browser offers installing (`beforeinstallprompt`, caught
//! early by `pwa.js`), one button asks it; on Safari, the steps are shown; once
//! installed, it says so. Home shows it from its own small chunk, only when
//! there is something to offer; Your data always has it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{k::install as i, t};
use crate::db::use_db;

/// The offer on Home: the same card, with "Not now".
#[component]
pub fn HomeInstallOffer() -> impl IntoView {
    view! { <InstallOffer on_home=true/> }
}

#[component]
pub fn InstallOffer(#[prop(optional)] on_home: bool) -> impl IntoView {
    let db = use_db();
    let state = Memo::new(|_| install_state());
    let said = RwSignal::new(None::<&'static str>);
    let not_now = move |_| db.update_prefs(|p| p.install_offer_dismissed = true);
    let install = move |_| {
        leptos::task::spawn_local(async move {
            match ask_browser().await {
                Some(true) => set_state("installed"),
                Some(false) => {
                    // The browser's prompt can be used once; it may offer again later.
                    set_state("");
                    said.set(Some(t(i::NOT_INSTALLED_CAN_INSTALL)));
                }
                None => said.set(Some(t(i::BROWSER_DID_NOT_OPEN))),
            }
        })
    };
    let heading = move || match state.get().as_str() {
        "ios" => t(i::ADD_APP_HOME_SCREEN),
        "mac-safari" => t(i::ADD_APP_DOCK),
        "standalone" | "installed" => t(i::INSTALLED_DEVICE),
        _ => t(i::INSTALL_APP),
    };
    // Safari has no prompt to ask: the two steps, and why they are worth it.
    let safari_steps = move |place: &'static str, steps: [&'static str; 2]| {
        view! {
            <p>{place}{t(i::APP_KEEPS_DATA_SAFARI)}</p>
            <ol class="steps">{steps.map(|s| view! { <li>{s}</li> })}</ol>
            {on_home.then(|| view! { <button type="button" class="button secondary small" on:click=not_now>{t(i::NOT_NOW)}</button> })}
        }
        .into_any()
    };
    let body = move || match state.get().as_str() {
        "prompt" => view! {
            <p>{t(i::INSTALLED_LEANING_OPENS_FROM)}</p>
            <div class="actions">
                <button type="button" class="button" on:click=install>{t(i::INSTALL_APP)}</button>
                {on_home.then(|| view! { <button type="button" class="button secondary small" on:click=not_now>{t(i::NOT_NOW)}</button> })}
            </div>
        }
        .into_any(),
        "ios" => safari_steps(t(i::HOME_SCREEN), [t(i::IOS_SHARE), t(i::CHOOSE_ADD_HOME_SCREEN)]),
        "mac-safari" => safari_steps(t(i::DOCK), [t(i::MAC_FILE), t(i::CHOOSE_ADD_DOCK)]),
        "standalone" => view! { <p>{t(i::USING_INSTALLED_APP_DATA)}</p> }.into_any(),
        "installed" => view! { <p role="status">{t(i::INSTALLED_CAN_OPEN_LEANING)}</p> }.into_any(),
        _ => view! {
            <p>{t(i::BROWSER_DOES_NOT_OFFER)}</p>
        }
        .into_any(),
    };
    view! {
        <section class="card install" aria-labelledby="install-title">
            <h2 id="install-title">{heading}</h2>
            {body}
            <p class="small" role="status" hidden=move || said.with(Option::is_none)>{move || said.get().unwrap_or_default()}</p>
        </section>
    }
}

/// Shows the browser's own install prompt. `Some(true)` when the person
/// accepted, `Some(false)` when they declined, `None` when there was no prompt.
async fn ask_browser() -> Option<bool> {
    let event = js_sys::Reflect::get(&window(), &"leaningInInstallPrompt".into()).ok().filter(|e| e.is_object())?;
    let prompt: js_sys::Function = js_sys::Reflect::get(&event, &"prompt".into()).ok()?.dyn_into().ok()?;
    let shown = prompt.call0(&event).ok()?;
    JsFuture::from(js_sys::Promise::resolve(&shown)).await.ok()?;
    let choice = js_sys::Reflect::get(&event, &"userChoice".into()).ok()?;
    let choice = JsFuture::from(js_sys::Promise::resolve(&choice)).await.ok()?;
    let outcome = js_sys::Reflect::get(&choice, &"outcome".into()).ok()?.as_string();
    let _ = js_sys::Reflect::set(&window(), &"leaningInInstallPrompt".into(), &wasm_bindgen::JsValue::NULL);
    Some(outcome.as_deref() == Some("accepted"))
}

/// Changes the install state the way pwa.js does, so every view showing it hears.
fn set_state(value: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-install", value);
    }
    if let Ok(event) = web_sys::Event::new("leaning-in-install") {
        let _ = window().dispatch_event(&event);
    }
}

/// How this browser installs the app, as `pwa.js` keeps it on `<html data-install>`:
/// "prompt", "ios", "mac-safari", "standalone", "installed", or "" (no way offered).
/// Reading it tracks pwa.js's `leaning-in-install` event, so views update when it changes.
pub fn install_state() -> String {
    // Reference-counted, not owned by whichever view asked first: that view's
    // next run would dispose an owned signal.
    thread_local!(static CHANGES: std::cell::OnceCell<ArcTrigger> = const { std::cell::OnceCell::new() });
    CHANGES.with(|cell| {
        cell.get_or_init(|| {
            let changes = ArcTrigger::new();
            let notify = changes.clone();
            std::mem::forget(window_event_listener_untyped("leaning-in-install", move |_| notify.notify()));
            changes
        })
        .track()
    });
    document().document_element().and_then(|e| e.get_attribute("data-install")).unwrap_or_default()
}
