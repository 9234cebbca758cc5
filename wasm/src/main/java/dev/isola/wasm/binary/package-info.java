/**
 * The binary format decoder. Errors are {@link dev.isola.wasm.binary.MalformedModuleException}s with the spec
 * testsuite's reason and a byte offset.
 */
package dev.isola.wasm.binary;
