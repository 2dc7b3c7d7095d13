// The lock's key derivation (Argon2id), off the page's thread, in a wasm
// instance of its own (kdf.wasm, from crates/kdf). The page starts one worker
// per derivation and terminates it after the answer, so Argon2's memory is
// taken once, up front, and handed back whole; the page never grows its own.
// Message in: { passphrase, salt, m, t, p }, salt in base64. Out: { key } (base64) or { error }.
'use strict';

const loading = fetch(new URL('kdf.wasm', self.location.href))
  .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(`kdf.wasm: ${response.status}`))))
  .then((bytes) => WebAssembly.instantiate(bytes, {}));

self.onmessage = async ({ data }) => {
  try {
    const { instance } = await loading;
    const kdf = instance.exports;
    // Normal form C with the browser's own tables, so an accent typed as one
    // character or as two opens the same data (as crates/kdf does natively).
    const passphrase = new TextEncoder().encode(data.passphrase.normalize('NFC'));
    const salt = Uint8Array.from(atob(data.salt), (c) => c.charCodeAt(0));
    const input = kdf.kdf_input(passphrase.length + salt.length);
    new Uint8Array(kdf.memory.buffer, input, passphrase.length).set(passphrase);
    new Uint8Array(kdf.memory.buffer, input + passphrase.length, salt.length).set(salt);
    passphrase.fill(0);
    const at = kdf.kdf_derive(passphrase.length, data.m, data.t, data.p);
    if (at === 0) {
      kdf.kdf_wipe();
      self.postMessage({ error: 'out-of-range' });
      return;
    }
    const key = btoa(String.fromCharCode(...new Uint8Array(kdf.memory.buffer, at, 32)));
    kdf.kdf_wipe();
    self.postMessage({ key });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};
