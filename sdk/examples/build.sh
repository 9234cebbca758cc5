#!/usr/bin/env bash
# Builds the greenhouse's modules (examples/greenhouse/) from the C sources here with bin/wasm-cc, reproducibly
# (as examples/hello): thermo, thermo-v2 (the driver the hot swap brings in), control, console and rogue.
# GreenhouseModulesTest rebuilds them into a temporary folder and fails if a committed .wasm differs: after
# editing a source, run this and commit the sources and the .wasm together.
# Needs Debian's clang-19, lld-19, wasi-libc and libclang-rt-19-dev-wasm32.
# Usage: sdk/examples/build.sh [OUTPUT_DIR]   (default: examples/greenhouse)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mkdir -p "${1:-$here/../../examples/greenhouse}" && cd "${1:-$here/../../examples/greenhouse}" && pwd)"
cd "$here"
for module in thermo thermo-v2 control console rogue; do
  "$here/../../bin/wasm-cc" -o "$out/$module.wasm" "$module.c"
done
