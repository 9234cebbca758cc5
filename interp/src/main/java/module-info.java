/**
 * The interpreter execution tier. Users see only {@link dev.isola.interp.Interpreter}, handed to {@code
 * EngineConfig.of}; the runtime is required transitively because that class's signatures name its types.
 */
module dev.isola.interp {
  requires transitive dev.isola.runtime;

  exports dev.isola.interp;
}
