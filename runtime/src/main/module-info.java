/** The runtime: engine, modules, stores, instances, memories, tables, globals, traps, limits. */
module dev.isola.runtime {
  requires transitive dev.isola.wasm;

  exports dev.isola.runtime;
  exports dev.isola.runtime.ops;
  exports dev.isola.runtime.spi to dev.isola.interp;
}
