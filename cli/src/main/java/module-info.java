/** The {@code isola} command line: a thin shell over the runtime, WASI and the spec harness. */
module dev.isola.cli {
  requires dev.isola.interp;
  requires dev.isola.compiler;
  requires dev.isola.kernel;
  // inspect prints a module's peripheral needs (dev.isola.hal.need); check names the default board.
  requires dev.isola.hal;
  requires dev.isola.wasi;
  requires dev.isola.wast;
  requires info.picocli;

  // picocli fills the commands' annotated fields by reflection.
  opens dev.isola.cli to info.picocli;
}
