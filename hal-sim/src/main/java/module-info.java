/**
 * The simulated board {@code sim}: hal backends over models of real parts (TMP102, MCP3008, LEDs, a button, a
 * heater, a fan, a room), and the test API {@link dev.isola.hal.sim.SimBoard}.
 */
module dev.isola.hal.sim {
  requires transitive dev.isola.hal;

  exports dev.isola.hal.sim;

  provides dev.isola.hal.spi.BackendProvider with
      dev.isola.hal.sim.backend.SimProvider;
}
