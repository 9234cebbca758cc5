/**
 * The WebAssembly text format (spec chapter 6, WebAssembly 2.0 with SIMD): {@link
 * dev.isola.wasm.text.TextParser#parseModule(String, java.util.Set)} turns a {@code (module ...)} form, or
 * just its fields, into the same {@link dev.isola.wasm.WasmModule} the binary decoder builds.
 *
 * <pre>{@code
 * WasmModule m = TextParser.parseModule("(func (export \"one\") (result i32) i32.const 1)", Set.of());
 * byte[] wasm = ModuleEncoder.encode(m);
 * }</pre>
 *
 * <p>Inside the package: {@code Lexer} (tokens, strings, comments) and {@code Token}; {@code Literals} and
 * {@code V128Literal} (integers and floats, rounded exactly); {@code Tokens} (the cursor the parsers share,
 * and the wording of errors, with {@code Keywords}); {@code Declarations} (a first pass over the module fields
 * that binds every module-level {@code IndexSpace}, so that any field may refer to one defined later);
 * {@code ModuleParser} (the fields), {@code SegmentParser} (element and data segments, constant
 * expressions), {@code TypeSyntax} and {@code TypeUse} (types), and {@code InstructionParser} (plain and
 * folded instructions, labels).
 *
 * <p>Identifiers become the module's {@link dev.isola.wasm.NameSection} (module, function and local names,
 * without {@code $}), but no {@code name} custom section is added: the custom sections of a module are bytes
 * it carries, and wast2json writes none.
 *
 * <p>Implicit function types (from type uses without {@code (type x)}) are appended after the explicit ones
 * in the order they are met, as the spec says. Block types that fit the short forms ({@code []->[]} and
 * {@code []->[t]}) are kept short even when written with {@code (type x)}, as wabt writes them, so that a
 * parsed module encodes to the same bytes as the testsuite's {@code .wasm} files. Errors are
 * {@link dev.isola.wasm.text.TextFormatException}s with line and column; well-formed but invalid modules are
 * left to {@code dev.isola.wasm.validate}.
 */
package dev.isola.wasm.text;
