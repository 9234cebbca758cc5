/** The runtime: engine, modules, stores, instances, memories, tables, globals, traps, limits. */
module dev.isola.runtime {
  requires transitive dev.isola.wasm;

  exports dev.isola.runtime;
  exports dev.isola.runtime.ops;
  // Exported to everyone, not only to dev.isola.interp: EngineConfig and Module name its types in their
  // public signatures, so every embedder that configures an engine must be able to see them.
  exports dev.isola.runtime.spi;
}
