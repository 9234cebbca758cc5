/**
 * The spec testsuite harness. {@link dev.isola.wast.WastRunner} runs the official WebAssembly scripts as wabt's
 * {@code wast2json} converted them (one JSON command list per {@code .wast}, plus the module files it names)
 * against an {@link dev.isola.runtime.Engine}, on any execution tier; {@link dev.isola.wast.Summary} counts what
 * passed, failed and was skipped.
 *
 * <p>How outcomes are judged, in the spirit of the reference interpreter:
 *
 * <ul>
 *   <li>{@code assert_return}: results compare as raw bits; {@code nan:canonical} and {@code nan:arithmetic}
 *       are patterns, per lane for v128; {@code (ref.extern N)} is one host object per N, compared by identity.
 *   <li>{@code assert_trap}, {@code assert_uninstantiable}: a {@link dev.isola.runtime.Trap} whose kind's words
 *       match the expected text (one is a prefix of the other).
 *   <li>{@code assert_exhaustion}: the trap {@code call stack exhausted}, or a {@link StackOverflowError}.
 *   <li>{@code assert_malformed}, {@code assert_invalid}, {@code assert_unlinkable}: the matching exception of
 *       any reason (a different reason is logged at DEBUG level); the wrong exception type fails. A text
 *       module of {@code assert_malformed} must be rejected by the text parser.
 * </ul>
 */
package dev.isola.wast;
