package dev.isola.runtime;

/**
 * Why execution stopped. The spec's own traps carry the spec's words as {@link #message()}; the rest are
 * Isola's limits.
 */
public enum TrapKind {
  UNREACHABLE("unreachable"),
  INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
  INTEGER_OVERFLOW("integer overflow"),
  INVALID_CONVERSION_TO_INTEGER("invalid conversion to integer"),
  OUT_OF_BOUNDS_MEMORY_ACCESS("out of bounds memory access"),
  OUT_OF_BOUNDS_TABLE_ACCESS("out of bounds table access"),
  UNDEFINED_ELEMENT("undefined element"),
  UNINITIALIZED_ELEMENT("uninitialized element"),
  INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
  CALL_STACK_EXHAUSTED("call stack exhausted"),
  /** The store's fuel ran out ({@link Store#setFuel}). */
  OUT_OF_FUEL("out of fuel"),
  /** The store's deadline passed ({@link Store#setDeadline}). */
  DEADLINE_EXCEEDED("deadline exceeded"),
  /** The embedder (e.g. the kernel, for a kill or a hot swap) asked execution to stop. */
  INTERRUPTED("interrupted"),
  /** A host function failed with an unexpected exception; the cause is attached. */
  HOST_FAILURE("host function failed");

  private final String message;

  TrapKind(String message) {
    this.message = message;
  }

  /** The spec's words for this trap (what {@code assert_trap} expects as a prefix). */
  public String message() {
    return message;
  }
}
