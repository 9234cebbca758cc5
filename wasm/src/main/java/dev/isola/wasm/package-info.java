/**
 * The WebAssembly module model: immutable records for every section of the binary format, and {@link
 * dev.isola.wasm.OpCode}, the one opcode table everything else reads.
 *
 * <p>Index spaces follow the spec: imports of a kind come first. Instructions keep their byte offset so that
 * the validator, the runtime and the tools can say where a problem is.
 *
 * <pre>{@code
 * WasmModule m = ModuleDecoder.decode(bytes);
 * Validator.validate(m, Set.of());
 * }</pre>
 */
package dev.isola.wasm;
