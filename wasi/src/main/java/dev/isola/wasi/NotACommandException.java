package dev.isola.wasi;

import dev.isola.wasm.WasmException;

/**
 * The module is not a WASI command: it does not export a function {@code _start} of type {@code () -> ()}, so
 * there is nothing for {@link Wasi#run} to call. Checked before instantiation, so nothing of the module runs.
 */
public final class NotACommandException extends WasmException {
  public NotACommandException(String message) {
    super(message);
  }
}
