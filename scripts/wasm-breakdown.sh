#!/usr/bin/env bash
# Where the first-load wasm's bytes go: the main module that wasm-split-cli left in
# target/wasm-split (run `make dist` first), after the same wasm-bindgen + wasm-opt
# -Oz steps the build runs, but keeping function names. Needs twiggy
# (cargo install twiggy).
set -euo pipefail
cd "$(dirname "$0")/.."
# The real wasm-bindgen, not the build's stand-in (which would split again,
# emptying target/wasm-split).
PATH=$(tr : '\n' <<< "$PATH" | grep -v "scripts/split" | paste -sd:)
out=$(mktemp -d)
wasm-bindgen target/wasm-split/leaning-in.wasm --out-dir "$out" --target web --keep-debug --keep-lld-exports --no-demangle
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int "$out/leaning-in_bg.wasm" -o "$out/opt.wasm"
twiggy top -n 100000 --format csv "$out/opt.wasm" | python3 -c '
import csv, re, sys, collections
agg = collections.Counter()
for name, size, *_ in list(csv.reader(sys.stdin))[1:]:
    if "custom section" in name or "function names" in name: continue
    m = re.match(r"^<?([a-z_0-9]+)(?:\[[0-9a-f]+\])?::([a-z_0-9]+)?", name)
    agg[(m.group(1) + "::" + (m.group(2) or "")) if m else name[:40]] += int(size)
total = sum(agg.values())
print(f"{total:8d} total code+data bytes (names excluded)")
for k, v in agg.most_common(int(sys.argv[1]) if len(sys.argv) > 1 else 40): print(f"{v:8d} {k}")
' "${1:-40}"
