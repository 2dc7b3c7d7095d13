# The two commands most people need are `make serve` and `make test`.
# Both run scripts/setup.sh first, which installs whatever is missing.

SHELL := /bin/bash
# A pipe fails when any part of it fails: the size check below is piped into tail.
.SHELLFLAGS := -o pipefail -c
PUBLIC_URL ?= /
DIST ?= dist
PORT ?= 8080
# The first load's gzip ceiling, checked by `make test`. The target is 190 KB and
# the goal 150 KB (issue 11); this only ever comes down, bar one step: schema 3
# stores values compressed, and reading them at start needs inflating (6.3 KB
# of the 8.9 KB it added; compressing, the lock and the migration load lazily).
FIRST_LOAD_BUDGET_KB ?= 165
# scripts/split first: its wasm-bindgen splits the wasm before the real one runs.
export PATH := $(CURDIR)/scripts/split:$(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: setup serve test test-native test-browser test-e2e test-engines engines dist size bench clean

setup:
	@scripts/setup.sh

## Serve the app with live reload on http://127.0.0.1:8080. It builds into
## target/serve, never dist/: dist/ only ever holds a release build to publish.
serve: setup
	@echo "Leaning In is being served at http://127.0.0.1:$(PORT)/"
	trunk serve --port $(PORT) --dist target/serve

## Every test layer: native unit tests, browser tests, end-to-end tests (Chromium),
## and the same app in WebKit and Gecko.
test: setup
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory test-browser
	$(MAKE) --no-print-directory dist PUBLIC_URL=/
	node scripts/size.mjs dist --budget $(FIRST_LOAD_BUDGET_KB) | tail -2
	$(MAKE) --no-print-directory dist PUBLIC_URL=/some/path/ DIST=dist-sub
	$(MAKE) --no-print-directory test-e2e
	$(MAKE) --no-print-directory engines

test-native:
	cargo test --workspace --quiet

test-browser:
	cargo test --target wasm32-unknown-unknown --test browser

test-e2e:
	playwright test -c tests/e2e/playwright.config.mjs

## WebKit (WebKitGTK, as in every iPhone browser) and Gecko (Firefox) against a
## fresh release build; `engines` runs them against the dist/ already built.
test-engines: setup
	$(MAKE) --no-print-directory dist PUBLIC_URL=/
	$(MAKE) --no-print-directory engines

engines:
	node --test --test-concurrency=1 tests/engines/

## A release build in dist/. Host under a sub-path with PUBLIC_URL=/sub/path/
dist: setup
	trunk build --release --public-url "$(PUBLIC_URL)" --dist "$(DIST)"

## Gzip size of each file in dist/ and the first-load total.
size: dist
	@node scripts/size.mjs dist --budget $(FIRST_LOAD_BUDGET_KB)

## Speed and size figures (printed, not asserted).
bench: dist
	@node scripts/size.mjs dist | tail -2
	@node scripts/bench.mjs

clean:
	rm -rf dist dist-sub target/wasm32-unknown-unknown target/wasm-split tests/e2e/results
