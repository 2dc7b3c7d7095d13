#!/usr/bin/env bash
# Builds kdf.wasm, the lock's key derivation for its dedicated worker
# (assets/kdf-worker.js): crates/kdf with its `worker` exports, always
# optimised for speed (Argon2 is the one place where speed is the point), then
# wasm-opt -O3. Trunk's pre_build hook runs it; index.html copies the result.
set -euo pipefail
cd "$(dirname "$0")/.."
# A target directory of its own: the app's build flags (.cargo/config.toml, for
# the splitter) are not wanted here.
export CARGO_TARGET_DIR=target/kdf-build RUSTFLAGS=""
cargo build --quiet --release -p leaning-in-kdf --no-default-features --features worker --target wasm32-unknown-unknown
mkdir -p target/kdf
wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int \
  target/kdf-build/wasm32-unknown-unknown/release/leaning_in_kdf.wasm -o target/kdf/kdf.wasm
