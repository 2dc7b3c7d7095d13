#!/usr/bin/env bash
# Sets up everything the build and the tests need, with pinned versions.
# Idempotent: each step checks first and installs only what is missing, so a warm
# machine passes through in about a second. Used by `make serve` and `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Splits the wasm into per-page chunks (scripts/split/wasm-bindgen). 0.2.2 or newer
# is needed with wasm-bindgen 0.2.125 or newer; it needs Rust 1.95.
WASM_SPLIT_VERSION=0.2.4
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }

# wasm-bindgen-cli must equal the wasm-bindgen crate version in Cargo.lock exactly,
# and Trunk.toml must name the same version (Trunk runs offline and never downloads).
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  say "could not read the wasm-bindgen version from Cargo.lock"; exit 1
fi
if ! grep -q "^wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml; then
  say "Trunk.toml [tools] wasm_bindgen must be \"$WASM_BINDGEN_VERSION\" to match Cargo.lock"; exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes of compiling, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# The split points come from the wasm_split_helpers crate (through Leptos); the
# splitter must understand them. Both are 0.2.x; check the pairing stays so.
if ! grep -A1 '^name = "wasm_split_helpers"$' Cargo.lock | grep -q 'version = "0\.2\.'; then
  say "Cargo.lock's wasm_split_helpers is not 0.2.x: check that wasm-split-cli $WASM_SPLIT_VERSION still fits"; exit 1
fi
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (a few minutes of compiling, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  # Without --locked: the CLI's own lockfile does not resolve on these machines.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Debian's Chromium and ChromeDriver, for wasm-bindgen-test and Playwright.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    say "installing Debian's chromium and chromium-driver"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    say "please install Debian's chromium and chromium-driver (sudo apt-get install chromium chromium-driver), then run this again"
    exit 1
  fi
fi

# The engine tests (tests/engines/, `make test-engines`): WebKit through WebKitGTK's
# WebKitWebDriver and MiniBrowser under Xvfb, and Gecko through firefox-esr and
# geckodriver. Debian's versions are pinned; should the archive have moved on to a
# security update, the current one is installed and named.
ENGINE_PACKAGES="firefox-esr=153.8.0esr-1~deb12u1 webkit2gtk-driver=2.50.6-1~deb12u2 xvfb=2:21.1.7-3+deb12u13"
GECKODRIVER_VERSION=0.37.1
if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v Xvfb >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    say "installing Debian's firefox-esr, webkit2gtk-driver and xvfb for the engine tests"
    apt-get update -qq
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $ENGINE_PACKAGES >/dev/null 2>&1; then
      say "the pinned versions ($ENGINE_PACKAGES) are no longer in the archive: installing the current ones"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb >/dev/null
    fi
  else
    say "please install Debian's firefox-esr, webkit2gtk-driver and xvfb (sudo apt-get install firefox-esr webkit2gtk-driver xvfb), then run this again"
    exit 1
  fi
fi
if ! geckodriver --version 2>/dev/null | grep -qx "geckodriver $GECKODRIVER_VERSION"; then
  say "installing geckodriver $GECKODRIVER_VERSION (a few minutes of compiling, once)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

# npm packages (binaryen 132 for wasm-opt, Playwright for the e2e tests), exactly
# as package-lock.json pins them. Reinstalled only when the lockfile changes.
STAMP=node_modules/.setup-lock.sha256
if [ ! -f "$STAMP" ] || ! sha256sum --quiet -c "$STAMP" >/dev/null 2>&1; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  sha256sum package-lock.json > "$STAMP"
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version 132"; then
  say "wasm-opt 132 is not on PATH after npm ci"; exit 1
fi
