/**
 * The semantics of WebAssembly's tricky numeric operations, written once as static methods: the interpreter
 * calls them and the compiler emits {@code invokestatic} to them, so both tiers agree bit for bit.
 *
 * <p>Conventions: floats travel as their raw IEEE-754 bits ({@code int} for f32, {@code long} for f64) wherever
 * a NaN payload could otherwise be lost (abs, neg, copysign, min, max, the rounding operations); traps are
 * thrown as {@link dev.isola.runtime.Trap} with the spec's {@link dev.isola.runtime.TrapKind}. Operations Java
 * already gets right (wrapping add, shifts with masked counts, IEEE add) are left to the tiers.
 *
 * <p>Where the spec lets a NaN result be any arithmetic NaN, these methods return a quiet NaN derived from an
 * input (its payload with the quiet bit set), never a signalling one: the spec tests check for that.
 *
 * <p>SIMD ({@link dev.isola.runtime.ops.V128Ops}) works on a v128 as two {@code long} halves, low then high; the
 * lane-wise operations take and return one half.
 */
package dev.isola.runtime.ops;
