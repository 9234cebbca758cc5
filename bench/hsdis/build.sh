#!/bin/sh
# Builds bench/hsdis/hsdis-amd64.so (see hsdis.c). Needs a C compiler and Debian's libcapstone-dev.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cc -O2 -shared -fPIC -o "$here/hsdis-amd64.so" "$here/hsdis.c" -lcapstone
echo "$here/hsdis-amd64.so"
