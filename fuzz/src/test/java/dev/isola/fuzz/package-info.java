/**
 * Differential testing of the execution tiers (test-only module): random valid modules from binaryen's
 * {@code wasm-opt --translate-to-fuzz} run on the interpreter (the oracle) and on the compiler, which must agree.
 *
 * <p>How a seed is judged, and why:
 *
 * <ul>
 *   <li><b>Generation</b> ({@link dev.isola.fuzz.WasmOpt}): the seed drives {@code SplittableRandom} bytes that
 *       wasm-opt turns into a module using only the features Isola runs. The module is deterministic for a given
 *       binaryen version, so CI's fixed seed range is a fixed corpus; {@code -Dfuzz.start} explores others.
 *       Binaryen never emits tail calls, so for half the seeds {@link dev.isola.fuzz.TailCallRewrite} turns the
 *       calls in tail position into {@code return_call}s (about one module in six gets some; the run's summary
 *       line counts them).
 *   <li><b>Execution</b> ({@link dev.isola.fuzz.Execution}): binaryen's harness protocol. Instantiate, then call
 *       every function export in order with zero arguments, re-arming the module's own hang limit before each;
 *       a trap ends that call only. The {@code fuzzing-support} imports log to a list
 *       ({@link dev.isola.fuzz.FuzzingSupport}). Then, beyond binaryen's protocol, a second round calls the
 *       exports that take parameters with edge values drawn from the seed ({@link dev.isola.fuzz.Arguments}).
 *   <li><b>Observation</b> ({@link dev.isola.fuzz.Call}): per step the outcome (values, or the trap's kind),
 *       the logged values, the fuel used, and a CRC of every exported memory, every exported global and table.
 *       NaNs are canonical where the spec lets them vary ({@link dev.isola.fuzz.Observed}); memory is compared
 *       byte-exact, since a NaN stored to memory keeps whatever bits the tier produced and both tiers compute on
 *       the same JVM: a difference there is looked at by hand before anything is relaxed.
 *   <li><b>Fuel</b> ({@link dev.isola.fuzz.FuelMode}): exact by default, because fuel is specified to be
 *       deterministic across tiers; a deadline guards only against a tier that never polls, and a step it stops
 *       ends the comparison of that seed.
 *   <li><b>Comparison</b> ({@link dev.isola.fuzz.Comparison}): only the first differing step and aspect is
 *       reported, since everything after it runs on diverged state. A module the compiler hands to the
 *       interpreter (its visible fallback) is counted and listed by reason in the run's output, since it tests
 *       nothing of the compiler.
 *   <li><b>Running it</b>: {@code -Dfuzz.seeds=N} (800 by default: 25 to 60 seconds on 2 cores),
 *       {@code -Dfuzz.start=S}, {@code -Dfuzz.seed=S} (reproduce one), {@code -Dfuzz.fuel=exact|bound},
 *       {@code -Dfuzz.tiers=interp,compiled}, {@code -Dfuzz.wasmopt=PATH}, {@code -Dfuzz.wasmopt.flags=...}
 *       (e.g. {@code --disable-simd -O3} for exploring), {@code -Dfuzz.inputKb=N}.
 *   <li><b>Regressions</b> ({@code RegressionTest}): every disagreement found becomes a module under
 *       {@code src/test/resources/regressions/} with the agreed transcript beside it, run on both tiers on every
 *       build, with or without wasm-opt. {@code fuzz/reduce} shrinks a disagreeing module first, with binaryen's
 *       {@code wasm-reduce} and {@link dev.isola.fuzz.Reduce} as its test command.
 * </ul>
 */
package dev.isola.fuzz;
