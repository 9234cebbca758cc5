package dev.isola.cli;

import dev.isola.wasm.WasmModule;
import dev.isola.wasm.binary.ModuleDecoder;
import java.nio.file.Path;

/**
 * A command about one module file. {@link ErrorReporter} asks it which file an error is about, and for what to
 * call the module's functions to complete a trap's stack trace or an invalid function's description; {@link
 * #decode} records those names as soon as the module is decoded, so that they are known before validation can
 * fail.
 */
abstract class ModuleCommand {
  protected final Terminal terminal;
  private FunctionNames names = FunctionNames.NONE;

  ModuleCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  /** The module file named on the command line. */
  abstract Path modulePath();

  final ModuleFile moduleFile() {
    return new ModuleFile(modulePath());
  }

  /** The module's function names once it has been decoded; none before that. */
  final FunctionNames names() {
    return names;
  }

  /** Decodes {@code bytes} (the spec's 2.0 format) and remembers the function names for error messages. */
  final WasmModule decode(byte[] bytes) {
    WasmModule decoded = ModuleDecoder.decode(bytes);
    names = FunctionNames.of(decoded);
    return decoded;
  }
}
