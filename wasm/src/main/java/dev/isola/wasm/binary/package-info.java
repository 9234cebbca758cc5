/**
 * The binary format decoder: {@link dev.isola.wasm.binary.ModuleDecoder#decode(byte[], java.util.Set)} turns
 * the bytes of a module (WebAssembly 2.0, SIMD included, plus the multi-memory and tail-call encodings when
 * their {@link dev.isola.wasm.Feature} is on) into the immutable {@link dev.isola.wasm.WasmModule}. It checks
 * only that the bytes are well formed; {@code dev.isola.wasm.validate} checks the rest.
 *
 * <pre>{@code
 * WasmModule m = ModuleDecoder.decode(Files.readAllBytes(path), Set.of(Feature.MULTI_MEMORY));
 * }</pre>
 *
 * <p>Errors are {@link dev.isola.wasm.binary.MalformedModuleException}s whose reason is the spec testsuite's
 * wording ("unexpected end", "integer too large", ...) with the byte offset and the section. To get the same
 * reason as the reference interpreter for the same broken module, the decoder reads the way it does: sections
 * in their fixed order, each read from the whole module and its size checked afterwards ("section size
 * mismatch"), lengths checked against the bytes left ("length out of bounds"), LEB128 checked byte by byte.
 *
 * <p>Inside the package: {@code ByteReader} (cursor, integers, names, strictly UTF-8),
 * {@code TypeReader} (value, function, table, memory, global types), {@code SectionDecoder} (one method per
 * section), {@code CodeSectionDecoder} (locals and bodies), {@code InstructionDecoder} (instruction streams,
 * driven by {@link dev.isola.wasm.OpCode#immediate()}) and {@code NameSectionDecoder}.
 *
 * <p>Choices worth knowing:
 *
 * <ul>
 *   <li>Function bodies and constant expressions are flat instruction lists; only the nesting of
 *       {@code block}/{@code loop}/{@code if}/{@code else}/{@code end} is checked here.
 *   <li>u32 indices of 2^31 and above become {@link java.lang.Integer#MAX_VALUE}, which no index space can
 *       reach, so the validator reports them as unknown; so do negative or huge block type indices.
 *   <li>A function may declare at most 50,000 locals ("too many locals"), an implementation limit.
 *   <li>"data count section required" is raised when code uses {@code memory.init} or {@code data.drop} and
 *       a data section is present without a data count section. With no data section at all, the index can
 *       only be unknown, and that is left to the validator (the testsuite expects "unknown data segment" of
 *       such modules).
 *   <li>The {@code name} custom section is decoded into {@link dev.isola.wasm.NameSection}; when it is
 *       malformed it is ignored, never an error.
 * </ul>
 */
package dev.isola.wasm.binary;
