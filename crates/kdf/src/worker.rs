//! `kdf.wasm`'s exports for `assets/kdf-worker.js`: the worker writes the
//! passphrase's UTF-8 and the salt into a buffer this module hands out, asks
//! for the key, copies it out, and wipes. Plain numbers and pointers only, so
//! the module needs no generated JavaScript. The worker is terminated after one
//! use, so nothing here outlives a single derivation.

use std::cell::RefCell;

use zeroize::Zeroize;

struct Buffers {
    input: Vec<u8>,
    key: [u8; crate::KEY_LEN],
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = const { RefCell::new(Buffers { input: Vec::new(), key: [0; crate::KEY_LEN] }) };
}

/// A zeroed buffer of `len` bytes for the passphrase and the salt; its address.
#[no_mangle]
pub extern "C" fn kdf_input(len: usize) -> *mut u8 {
    BUFFERS.with_borrow_mut(|buffers| {
        buffers.input.zeroize();
        buffers.input = vec![0; len];
        buffers.input.as_mut_ptr()
    })
}

/// Derives the key from the input buffer (`passphrase_len` bytes of the
/// passphrase in normal form C as UTF-8, then the salt); the key's address, or
/// 0 if the settings are out of range.
#[no_mangle]
pub extern "C" fn kdf_derive(passphrase_len: usize, m: u32, t: u32, p: u32) -> *const u8 {
    BUFFERS.with_borrow_mut(|Buffers { input, key }| {
        let (passphrase, salt) = input.split_at(passphrase_len.min(input.len()));
        match crate::derive_normalized(passphrase, salt, m, t, p) {
            Ok(derived) => {
                key.copy_from_slice(derived.as_ref());
                key.as_ptr()
            }
            Err(_) => std::ptr::null(),
        }
    })
}

/// Zeroes the input and the key.
#[no_mangle]
pub extern "C" fn kdf_wipe() {
    BUFFERS.with_borrow_mut(|buffers| {
        buffers.input.zeroize();
        buffers.key.zeroize();
    });
}
