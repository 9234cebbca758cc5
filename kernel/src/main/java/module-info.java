/** The kernel: containers, the scheduler, budgets, contexts, portals, shared memory and the system file. */
module dev.isola.kernel {
  requires transitive dev.isola.runtime;
  requires dev.isola.interp;
  requires dev.isola.compiler;
  requires dev.isola.wasi;
  // Peripherals: boards, facades and needs; backends (hal-sim...) are found by ServiceLoader, never required.
  requires transitive dev.isola.hal;
  // The system file is read with toml's Section; its problems are toml's Problem (in SystemFileException's API).
  requires transitive dev.isola.toml;
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
  // io: the guest I/O API's handle tables and event sources, for irq, the kernel's tests and live views.
  exports dev.isola.kernel.io;
  // irq: the interrupt lines of a container, for the kernel's tests, the benchmarks and live views.
  exports dev.isola.kernel.irq;
}
