/** The kernel: containers, the scheduler, budgets, contexts, portals, shared memory and the system file. */
module dev.isola.kernel {
  requires transitive dev.isola.runtime;
  requires dev.isola.interp;
  requires dev.isola.compiler;
  requires dev.isola.wasi;
  requires org.tomlj;

  exports dev.isola.kernel;
}
