package dev.isola.wasm;

/**
 * Base of Isola's errors about WebAssembly modules and their execution. Each subclass is one outcome the spec
 * names (malformed, invalid, unlinkable, trap); they are unchecked because every caller either reports them to a
 * person or lets them end the guest.
 */
public abstract class WasmException extends RuntimeException {
  protected WasmException(String message) {
    super(message);
  }

  protected WasmException(String message, Throwable cause) {
    super(message, cause);
  }
}
