package dev.isola.runtime;

import dev.isola.wasm.WasmException;

/**
 * Instantiation failed while resolving imports. {@link #reason()} is the spec's wording ("unknown import" or
 * "incompatible import type"); the message names the import ({@code module.name}) and what was expected.
 */
public final class UnlinkableException extends WasmException {
  private final String reason;

  public UnlinkableException(String reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
