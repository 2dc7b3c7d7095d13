//! Browser tests: code that needs a real DOM, run in headless Chromium by
//! wasm-bindgen-test-runner (`make test-browser`).
#![cfg(target_arch = "wasm32")]

use leaning_in::ui;
use leptos::prelude::*;
use leptos_router::components::Router;
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

/// Lets effects (such as `<Title>`) run before asserting.
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
        view! { <Router><ui::Navigation/></Router> }
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
async fn a_page_heading_is_the_one_h1_and_the_document_title() {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        leptos_meta::provide_meta_context();
        view! { <Router><leaning_in::journal::JournalPage/></Router> }
    });
    settle().await;
    assert_eq!(texts(&root, "h1"), ["Journal"]);
    assert_eq!(document().title(), "Journal · Leaning In");
    drop(handle);
    root.remove();
}
