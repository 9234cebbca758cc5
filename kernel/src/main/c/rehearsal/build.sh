#!/usr/bin/env bash
# Builds the kernel's start-up rehearsal modules (docs/kernel.md, "The start-up rehearsal") from the C sources
# here with bin/wasm-cc, reproducibly, into the kernel's resources. RehearsalModulesTest rebuilds them into a
# temporary folder and fails if a committed .wasm differs: after editing a source, run this and commit both.
# Needs Debian's clang-19, lld-19, wasi-libc and libclang-rt-19-dev-wasm32.
# Usage: kernel/src/main/c/rehearsal/build.sh [OUTPUT_DIR]   (default: the kernel's resources)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
default="$here/../../resources/dev/isola/kernel/rehearsal"
out="$(mkdir -p "${1:-$default}" && cd "${1:-$default}" && pwd)"
cd "$here"
for module in driver app; do
  "$here/../../../../../bin/wasm-cc" -o "$out/$module.wasm" "$module.c"
done
