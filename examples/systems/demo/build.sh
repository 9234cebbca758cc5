#!/usr/bin/env bash
# Rebuilds the demo's C modules (sensor.wasm, display.wasm) with bin/wasm-cc, reproducibly (as examples/hello).
# The WAT modules (camera.wasm, viewer.wasm) are encoded by Isola's own text parser: DemoSystemTest checks the
# committed files match their .wat and rewrites them when run with ISOLA_BLESS=1:
#   ISOLA_BLESS=1 ./mvnw -q -pl kernel -am verify -Dtest=DemoSystemTest -Dsurefire.failIfNoSpecifiedTests=false
# Needs Debian's clang-19, lld-19, wasi-libc and libclang-rt-19-dev-wasm32.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
for c in sensor display; do
  "$here/../../../bin/wasm-cc" -o "$here/$c.wasm" "$c.c"
done
