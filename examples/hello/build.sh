#!/usr/bin/env bash
# Rebuilds hello.wasm from hello.c with bin/wasm-cc, reproducibly: fixed flags, no debug info, no absolute paths
# in the output. The name section stays, so a trap's stack trace shows C function names.
# Needs Debian's clang-19, lld-19, wasi-libc and libclang-rt-19-dev-wasm32.
# Usage: examples/hello/build.sh [OUTPUT]   (default: hello.wasm beside this script)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/hello.wasm}"
cd "$here"
"$here/../../bin/wasm-cc" -o "$out" hello.c -lm
