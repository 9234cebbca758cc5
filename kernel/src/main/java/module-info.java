/** The kernel: containers, the scheduler, budgets, contexts, portals, shared memory and the system file. */
module dev.isola.kernel {
  requires transitive dev.isola.runtime;
  requires dev.isola.interp;
  requires dev.isola.compiler;
  requires dev.isola.wasi;
  requires org.tomlj;
  requires com.fasterxml.jackson.databind;

  exports dev.isola.kernel;
  // Jackson reads and writes the control socket's messages (records) by reflection.
  opens dev.isola.kernel to com.fasterxml.jackson.databind;
  exports dev.isola.kernel.config;
  exports dev.isola.kernel.portal;
  // container, sched and region: the kernel's inner API, used across its packages and by the benchmarks.
  exports dev.isola.kernel.container;
  exports dev.isola.kernel.sched;
  exports dev.isola.kernel.region;
}
