//! The stored form of a value that holds words (schema 3): its JSON compressed
//! (raw deflate), then written one byte per character in U+0001–U+00FF.
//!
//! Why that text encoding: localStorage counts characters, not bytes, and each
//! engine counts them its own way. WebKit (Safari, every iPhone browser) charges
//! one byte a character only while every character of a string is at most
//! U+00FF, and two once a single one is beyond; Chromium and Firefox charge by
//! UTF-16 unit. One byte per character is therefore worth 1.0 byte per unit of
//! quota on every engine, where base64 gives 0.75 and base32768 gives 1.875 on
//! Chromium but 0.94 on WebKit: the worst engine decides whether ten years fit.
//! Every character is a plain Unicode scalar value (no surrogates), so it
//! passes through wasm-bindgen's strings unchanged. U+0000 is never written
//! (some storage layers end strings there): bytes 0 and 1 are escaped as two
//! characters, which costs under 1% on compressed bytes.

use std::borrow::Cow;

use miniz_oxide::deflate::compress_to_vec;
use std::cell::RefCell;

use miniz_oxide::inflate::core::inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
use miniz_oxide::inflate::core::{self as inflate_core, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

/// How a packed plain value starts. Schema 2 values are JSON (`{`) and sealed
/// ones start otherwise (`crypto`), so the forms are never confused.
pub const PACKED: char = '~';

/// No value the app writes comes near this once decompressed; a value that
/// would grow past it is refused before it can exhaust memory.
pub const MAX_UNPACKED_BYTES: usize = 4 * 1024 * 1024;

const ESCAPE: u8 = 1;

/// Bytes as text, one character per byte in U+0001–U+00FF.
pub fn bytes_to_text(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        match b {
            0 | ESCAPE => {
                text.push(ESCAPE as char);
                text.push((b + 1) as char);
            }
            _ => text.push(b as char),
        }
    }
    text
}

/// The bytes `bytes_to_text` wrote, or `None` for text it never writes.
/// Read from the UTF-8 directly (U+0080–U+00FF are `C2 xx` and `C3 xx`):
/// this runs over every stored value at each start.
pub fn text_to_bytes(text: &str) -> Option<Vec<u8>> {
    let utf8 = text.as_bytes();
    let mut bytes = Vec::with_capacity(utf8.len());
    let (mut i, mut escaped) = (0, false);
    while i < utf8.len() {
        let b = match utf8[i] {
            lead @ 0x01..=0x7f => lead,
            lead @ (0xc2 | 0xc3) => {
                i += 1;
                0x80 | (lead & 1) << 6 | (*utf8.get(i)? & 0x3f)
            }
            _ => return None,
        };
        i += 1;
        match (escaped, b) {
            (false, ESCAPE) => escaped = true,
            (false, b) => bytes.push(b),
            (true, 1..=2) => {
                escaped = false;
                bytes.push(b - 1);
            }
            (true, _) => return None,
        }
    }
    (!escaped).then_some(bytes)
}

/// Raw deflate at miniz's default level: fast enough for every keystroke's draft.
pub fn compress(bytes: &[u8]) -> Vec<u8> {
    compress_to_vec(bytes, 6)
}

/// Inflates `bytes`, refusing output past `MAX_UNPACKED_BYTES`.
pub fn decompress(bytes: &[u8]) -> Option<Vec<u8>> {
    inflate(bytes).ok()
}

thread_local! {
    /// One decompressor and output buffer for every value: a fresh one (11 KB,
    /// zeroed, and an output buffer grown in steps) for each of ten years'
    /// values was a fifth of unlocking in the browser.
    static INFLATER: RefCell<(Box<DecompressorOxide>, Vec<u8>)> = RefCell::new((Box::default(), Vec::new()));
}

/// The output buffer kept between values; one grown past this (a rare large
/// value) is given back after use.
const KEPT_OUTPUT: usize = 64 * 1024;

fn inflate(bytes: &[u8]) -> Result<Vec<u8>, Unpack> {
    INFLATER.with(|cell| {
        let (decompressor, out) = &mut *cell.borrow_mut();
        decompressor.init();
        out.resize(out.len().max(KEPT_OUTPUT), 0);
        let (mut input, mut written) = (bytes, 0);
        let result = loop {
            let (status, read, wrote) = inflate_core::decompress(decompressor, input, out, written, TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF);
            written += wrote;
            match status {
                TINFLStatus::Done => break Ok(out[..written].to_vec()),
                TINFLStatus::HasMoreOutput if out.len() < MAX_UNPACKED_BYTES => {
                    input = input.get(read..).unwrap_or_default();
                    out.resize((out.len() * 2).min(MAX_UNPACKED_BYTES), 0);
                }
                TINFLStatus::HasMoreOutput => break Err(Unpack::TooLarge),
                _ => break Err(Unpack::Damaged),
            }
        };
        if out.len() > KEPT_OUTPUT {
            *out = Vec::new();
        }
        result
    })
}

/// JSON in its stored form.
pub fn pack(json: &str) -> String {
    packed_from(&compress(json.as_bytes()))
}

/// Deflated bytes in their stored form.
pub fn packed_from(deflated: &[u8]) -> String {
    let mut packed = String::from(PACKED);
    packed.push_str(&bytes_to_text(deflated));
    packed
}

/// Whether a stored value is already in the packed form.
pub fn is_packed(stored: &str) -> bool {
    stored.starts_with(PACKED)
}

/// Why a stored value could not be unpacked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unpack {
    /// Not text this build writes, or not a deflate stream.
    Damaged,
    /// It would decompress past `MAX_UNPACKED_BYTES`.
    TooLarge,
}

/// The JSON of a stored value: packed (schema 3), or as schema 2 wrote it.
pub fn unpack(stored: &str) -> Result<Cow<'_, str>, Unpack> {
    let Some(body) = stored.strip_prefix(PACKED) else { return Ok(Cow::Borrowed(stored)) };
    let bytes = text_to_bytes(body).ok_or(Unpack::Damaged)?;
    let json = inflate(&bytes)?;
    String::from_utf8(json).map(Cow::Owned).map_err(|_| Unpack::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::quota::cost;

    #[test]
    fn every_byte_value_comes_back_and_costs_one_byte_a_character_on_webkit() {
        let all: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).chain([0, 0, 1, 1, 0, 1]).collect();
        let text = bytes_to_text(&all);
        assert!(text.chars().all(|c| ('\u{1}'..='\u{ff}').contains(&c)), "only U+0001–U+00FF");
        assert_eq!(text_to_bytes(&text), Some(all.clone()));
        assert_eq!(cost(&text), text.chars().count(), "one byte a character, as WebKit counts");
        assert_eq!(text.chars().count(), all.len() + all.iter().filter(|b| **b < 2).count(), "bytes 0 and 1 take two characters each");
        for bad in ["\u{0}", "\u{100}", "a\u{1}", "\u{1}\u{3}", "😀"] {
            assert_eq!(text_to_bytes(bad), None, "{bad:?} is never written");
        }
    }

    #[test]
    fn deflate_matches_rfc_1951_examples() {
        // A stored block (RFC 1951 §3.2.4) and the fixed-Huffman empty block
        // every inflater must read: 03 00 is "final block, fixed codes, end".
        assert_eq!(decompress(&[0x01, 0x03, 0x00, 0xfc, 0xff, b'a', b'b', b'c']), Some(b"abc".to_vec()));
        assert_eq!(decompress(&[0x03, 0x00]), Some(Vec::new()));
        // zlib's raw deflate of "hello", as `zlib.deflateRawSync('hello')` writes it.
        assert_eq!(decompress(&[0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00]), Some(b"hello".to_vec()));
    }

    #[test]
    fn json_packs_smaller_and_unpacks_the_same() {
        let json = r#"{"v":1,"id":"a","text":"I’d rather handle it alone. I’d rather handle it alone. 😀 一人で"}"#;
        let packed = pack(json);
        assert!(is_packed(&packed));
        assert!(cost(&packed) < cost(json), "{} < {}", cost(&packed), cost(json));
        assert_eq!(unpack(&packed).unwrap(), json);
        assert_eq!(unpack(json).unwrap(), json, "schema 2 values read as they are");
    }

    #[test]
    fn a_value_that_would_grow_past_the_limit_is_refused_before_it_is_built() {
        let huge = vec![b' '; MAX_UNPACKED_BYTES + 1];
        let bomb = format!("{PACKED}{}", bytes_to_text(&compress(&huge)));
        assert!(bomb.len() < 20_000, "a few KB stored");
        assert_eq!(unpack(&bomb), Err(Unpack::TooLarge));
        assert_eq!(unpack("~\u{100}"), Err(Unpack::Damaged));
        assert_eq!(unpack("~abc"), Err(Unpack::Damaged));
    }
}
