#!/usr/bin/env bash
# Builds the kernels (wasm32-wasi with bin/wasm-cc: clang-19 -O2, native with cc -O2) and the bench module, then runs
#   bench/run.sh [BenchRunner options]   the tables: every contender, steady state and whole process, ratios to native
#   bench/run.sh jmh [JMH options]       the JMH benchmarks (e.g. `jmh -p kernel=fib KernelBenchmark.isolaCompiled`)
# BenchRunner options: --contenders native,isola-compiled,isola-interp,chicory-compiled,chicory-interp,graalwasm,node
#   --measure steady,process --warmup 2 --runs 5 --only fib,sieve --arg fib=25 (see bench/README.md)
# ISOLA_TARGET picks the build folder (default target), as -Disola.target does for Maven.
# ISOLA_BENCH_CLI=0 measures Isola in the runner's JVM even when `bin/isola bench` exists.
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
# GraalWasm's optimizing runtime needs the Graal compiler through JVMCI: the jars the build copied there.
runner_opts=(--kernels "$out" --graal-compiler "$root/bench/$target/graal-compiler")
# Isola through its own launcher (`bin/isola bench`, `bin/isola exec`) once the command line has `bench`.
if [[ "${ISOLA_BENCH_CLI:-1}" != 0 ]] && ISOLA_TARGET="$target" "$root/bin/isola" bench --help >/dev/null 2>&1; then
  runner_opts+=(--isola-cli "$root/bin/isola")
  export ISOLA_TARGET="$target"
fi
exec "$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$classpath" dev.isola.bench.BenchRunner "${runner_opts[@]}" "$@"
