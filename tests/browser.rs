//! Browser tests: code that needs a real DOM, run in headless Chromium by
//! wasm-bindgen-test-runner (`make test-browser`).
#![cfg(target_arch = "wasm32")]

use leaning_in::ui;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element to mount a component into.
fn container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Lets effects run before asserting.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

#[wasm_bindgen_test]
fn links_follow_the_hosting_base() {
    let doc = document();
    let head = doc.head().unwrap();
    let base = doc.create_element("base").unwrap();
    base.set_attribute("href", "/sub/path/").unwrap();
    head.prepend_with_node_1(&base).unwrap();
    assert_eq!(ui::base_path(), "/sub/path");
    assert_eq!(ui::link("/journal"), "/sub/path/journal");
    assert_eq!(ui::link("/"), "/sub/path/");
    base.remove();
    assert_eq!(ui::link("/journal"), format!("{}/journal", ui::base_path()));
}

#[wasm_bindgen_test]
fn navigation_lists_every_tool_and_marks_at_most_one_current() {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        provide_context(leaning_in::db::Db::open());
        view! { <ui::Navigation lock_on=RwSignal::new(false) lock_now=|| ()/> }
    });
    assert_eq!(
        texts(&root, "nav.tabs a .label"),
        ["Home", "Check", "Journal", "Reframe", "Steps", "Learn"]
    );
    assert_eq!(texts(&root, ".utility a"), ["Your data", "Support"]);
    assert!(root.query_selector_all("nav.tabs [aria-current=page]").unwrap().length() <= 1);
    assert!(root.query_selector("nav[aria-label=Main]").unwrap().is_some());
    drop(handle);
    assert_eq!(root.child_element_count(), 0, "unmounting removes the navigation");
    root.remove();
}

#[wasm_bindgen_test]
async fn navigation_offers_lock_now_only_while_the_lock_is_on_and_runs_what_the_shell_handed_it() {
    let root = container();
    thread_local!(static PRESSED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    let lock_on = RwSignal::new(false);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <ui::Navigation lock_on=lock_on lock_now=|| PRESSED.with(|p| p.set(p.get() + 1))/> }
    });
    assert!(root.query_selector("button.lock-now").unwrap().is_none());
    lock_on.set(true);
    settle().await;
    let button = root.query_selector("button.lock-now").unwrap().expect("Lock now is offered");
    button.unchecked_into::<web_sys::HtmlElement>().click();
    assert_eq!(PRESSED.with(|p| p.get()), 1);
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_journal_page_reads_saved_entries_from_local_storage() {
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    storage
        .set_item(
            "leaning-in.rec.journal.t1",
            r#"{"v":1,"id":"t1","at":1763900000000,"created":1763900000000,"updated":1763900000000,"text":"<b>stayed</b> 🌱"}"#,
        )
        .unwrap();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        provide_context(leaning_in::db::Db::open());
        provide_context(leaning_in::ui::toast::Toasts::new());
        view! { <leaning_in::journal::JournalPage/> }
    });
    settle().await;
    assert_eq!(texts(&root, "h1"), ["Journal"]);
    assert_eq!(document().title(), "Journal · Leaning In");
    assert_eq!(texts(&root, ".entry-preview"), ["<b>stayed</b> 🌱"], "rendered as text, not markup");
    assert!(root.query_selector(".entry-preview b").unwrap().is_none());
    drop(handle);
    root.remove();
    storage.clear().unwrap();
}

mod local_storage {
    use leaning_in::storage::local::LocalKv;
    use leaning_in::storage::{Kv, SaveError};

    fn clear() {
        web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn local_kv_reads_writes_lists_and_removes() {
        clear();
        let kv = LocalKv;
        assert_eq!(kv.get("leaning-in.x"), None);
        kv.set("leaning-in.x", "1 🌱").unwrap();
        assert_eq!(kv.get("leaning-in.x").as_deref(), Some("1 🌱"));
        assert_eq!(kv.keys(), ["leaning-in.x"]);
        kv.remove("leaning-in.x");
        assert!(kv.keys().is_empty());
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn a_full_local_storage_is_reported_as_full_and_keeps_what_was_there() {
        clear();
        let kv = LocalKv;
        kv.set("leaning-in.keep", "precious").unwrap();
        // Fill the origin's quota with halving chunks until nothing more fits.
        let mut chunk = "x".repeat(1 << 20);
        let mut i = 0;
        while !chunk.is_empty() {
            if kv.set(&format!("filler-{i}"), &chunk).is_err() {
                chunk.truncate(chunk.len() / 2);
            }
            i += 1;
        }
        assert_eq!(kv.set("leaning-in.new", "one more record"), Err(SaveError::Full));
        assert_eq!(kv.get("leaning-in.keep").as_deref(), Some("precious"));
        assert_eq!(kv.get("leaning-in.new"), None);
        clear();
    }
}

/// The lock's primitives as compiled to wasm, against the same published
/// known answers as the native tests (`src/crypto/tests.rs`), and the frozen
/// encrypted backup, so a wasm-only miscompilation cannot go unnoticed.
mod crypto_known_answers {
    use leaning_in::crypto::known_answers::{check_aes_256_gcm_case_16, check_argon2id_rfc_9106};
    use leaning_in::crypto::EncryptedBackup;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn argon2id_matches_rfc_9106() {
        check_argon2id_rfc_9106();
    }

    #[wasm_bindgen_test]
    fn aes_256_gcm_matches_the_gcm_specification_case_16() {
        check_aes_256_gcm_case_16();
    }

    #[wasm_bindgen_test]
    fn hmac_and_hkdf_match_rfc_4231_and_rfc_5869() {
        leaning_in::crypto::known_answers::check_hmac_and_hkdf_sha_256();
    }

    /// Schema 3's text, one byte a character, through wasm-bindgen's strings
    /// and the browser's real localStorage, for every byte value.
    #[wasm_bindgen_test]
    fn every_byte_value_survives_local_storage() {
        use leaning_in::storage::packed::{bytes_to_text, pack, text_to_bytes, unpack};
        use leaning_in::storage::Kv;
        let kv = leaning_in::storage::local::LocalKv;
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        kv.set("leaning-in.test-bytes", &bytes_to_text(&bytes)).unwrap();
        assert_eq!(text_to_bytes(&kv.get("leaning-in.test-bytes").unwrap()), Some(bytes));
        let json = r#"{"text":"I’d rather handle it alone. 🌱 一人で"}"#;
        kv.set("leaning-in.test-bytes", &pack(json)).unwrap();
        assert_eq!(unpack(&kv.get("leaning-in.test-bytes").unwrap()).unwrap(), json);
        kv.remove("leaning-in.test-bytes");
    }

    #[wasm_bindgen_test]
    fn the_frozen_encrypted_backup_opens_in_the_browser() {
        let backup = EncryptedBackup::parse(include_str!("fixtures/backup-v2-encrypted.json")).unwrap();
        assert!(backup.open("correct horse battery staple").unwrap().contains("Told Sam I was having a rough day."));
        assert!(backup.open("wrong horse battery staple").is_err());
    }
}
