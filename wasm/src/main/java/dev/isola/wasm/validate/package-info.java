/**
 * Validation of decoded modules against WebAssembly 2.0 (SIMD included) and the proposals named in {@link
 * dev.isola.wasm.Feature}. Errors are {@link dev.isola.wasm.validate.InvalidModuleException}s whose reason is the
 * spec testsuite's wording ("type mismatch", "unknown global 3", ...), with the place and byte offset.
 *
 * <p>How it is split:
 *
 * <ul>
 *   <li>{@code Validator}: the public entry point;
 *   <li>{@code ModuleValidator}: module-level rules in the reference interpreter's order (imports, limits,
 *       globals, segments, code, start, exports, "multiple memories");
 *   <li>{@code ModuleContext}: the spec's context C, index spaces flattened to arrays once per module;
 *   <li>{@code ConstExprValidator}: constant expressions (constantness first, then typing);
 *   <li>{@code FunctionValidator}: the appendix's algorithm for instruction sequences, an operand stack of
 *       int-coded value types ({@code OperandTypes}, with Unknown) and a control stack whose frames carry the
 *       {@code unreachable} flag of the polymorphic stack; {@code ImmediateChecks} for the memory, table,
 *       segment, lane and alignment immediates of fixed-signature instructions, whose operand types come from
 *       {@link dev.isola.wasm.OpCode#signature()}.
 * </ul>
 *
 * <p>Validation is one pass per function and allocates nothing per instruction beyond amortised stack growth.
 *
 * {@snippet :
 * WasmModule module = ModuleDecoder.decode(bytes, features);
 * Validator.validate(module, features); // throws InvalidModuleException
 * }
 */
package dev.isola.wasm.validate;
