#!/usr/bin/env bash
# Builds the kernels (wasm32-wasi with bin/wasm-cc: clang-19 -O2, native with cc -O2) and the bench module, then runs
#   bench/run.sh [BenchRunner options]   the table: Isola, Chicory and native, medians and ratios to native
#   bench/run.sh jmh [JMH options]       the JMH benchmarks (e.g. `jmh -p kernel=fib KernelBenchmark.isola`)
# BenchRunner options: --contenders native,isola,chicory --warmup 2 --runs 5 --only fib,sieve --arg fib=25
# ISOLA_TARGET picks the build folder (default target), as -Disola.target does for Maven.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${ISOLA_TARGET:-target}"
out="$root/bench/$target/kernels"
mkdir -p "$out"

for source in "$root"/bench/kernels/*.c; do
  name="$(basename "$source" .c)"
  "$root/bin/wasm-cc" -o "$out/$name.wasm" "$source" -lm
  cc -O2 -Wall -Werror -o "$out/$name" "$source" -lm
done

# The same JDK bin/isola and bin/test use.
. "$root/bin/lib/jdk.sh"
isola_find_jdk || exit 69
export JAVA_HOME="$ISOLA_JAVA_HOME"
(cd "$root" && ./mvnw -q -Disola.target="$target" -pl bench -am package -DskipTests)
classpath="$root/bench/$target/classes:$(cat "$root/bench/$target/bench-classpath.txt")"

# A deep stack for the interpreters' recursion; ZGC as the launcher uses (design.md).
java_opts=(-Xss64m -XX:+UseZGC)
if [[ "${1:-}" == "jmh" ]]; then
  shift
  exec "$JAVA_HOME/bin/java" "${java_opts[@]}" -Disola.bench.kernels="$out" -cp "$classpath" org.openjdk.jmh.Main "$@"
fi
exec "$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$classpath" dev.isola.bench.BenchRunner --kernels "$out" "$@"
