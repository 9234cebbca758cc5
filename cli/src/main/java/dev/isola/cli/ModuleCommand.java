package dev.isola.cli;

/**
 * A command about one module file. {@link ErrorReporter} asks it which file an error is about, and for what to
 * call the module's functions to complete a trap's stack trace or an invalid function's description.
 */
interface ModuleCommand {
  ModuleFile moduleFile();

  /** The module's function names once it has been decoded; none before that. */
  FunctionNames names();
}
