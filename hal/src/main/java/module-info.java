/**
 * The hardware abstraction: narrow backends per peripheral class (the SPI a simulator or a driver implements),
 * checking facades over them, boards as data (board files), resources by name.
 */
module dev.isola.hal {
  // The board file is read like the system file; its problems are toml's Problem (in BoardFileException's API).
  requires transitive dev.isola.toml;
  requires org.tomlj;

  exports dev.isola.hal;
  exports dev.isola.hal.board;
  // A module's peripheral needs (its isola.peripherals section) and their binding to resources: kernel and cli.
  exports dev.isola.hal.need;
  // The backend SPI: what hal-sim (and any other backend module) implements.
  exports dev.isola.hal.spi;

  uses dev.isola.hal.spi.BackendProvider;
}
