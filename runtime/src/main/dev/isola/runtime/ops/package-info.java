/**
 * The semantics of WebAssembly's tricky operations, written once as static methods (division and remainder
 * traps, float-to-int truncation and saturation, min/max with NaN and signed zeros, nearest, copysign): the
 * interpreter calls them and the compiler emits {@code invokestatic} to them, so both tiers agree by
 * construction.
 */
package dev.isola.runtime.ops;
