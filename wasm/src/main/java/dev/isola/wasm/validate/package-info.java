/**
 * Validation of decoded modules, following the spec's algorithm for instruction sequences (operand stack and
 * control stack, with the polymorphic stack after unconditional branches). Errors are {@link
 * dev.isola.wasm.validate.InvalidModuleException}s with the spec testsuite's reason.
 */
package dev.isola.wasm.validate;
