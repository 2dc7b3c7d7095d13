//! The navigation's line icons, drawn inline. As CSS mask images (data: URLs)
//! each one was a separate SVG document that the first style pass built on the
//! main thread (about 30 ms on a fast machine, four times that on a phone).

use leptos::prelude::*;

/// A 24×24 line icon in the text's colour; decorative, so hidden from screen
/// readers (its link or button carries the name).
#[component]
pub fn Icon(#[prop(into)] name: String) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path(&name)/>
        </svg>
    }
}

/// The outline of each icon, one path apiece (rectangles written as paths).
fn path(name: &str) -> &'static str {
    match name {
        "home" => "M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z",
        "check" => "M6 3h12a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM8 12l3 3 5-6",
        "journal" => "M5 4a1 1 0 0 1 1-1h12v18H6a1 1 0 0 1-1-1zM9 8h6M9 12h6",
        "reframe" => "M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z",
        "steps" => "M3 20h5v-5h5v-5h5V5h3",
        "learn" => "M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z",
        "lock" => "M7 11h10a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-6a2 2 0 0 1 2-2zM8 11V7a4 4 0 0 1 8 0v4",
        _ => "",
    }
}
