/**
 * The simulated board {@code sim}, as tests and tools drive it: {@link dev.isola.hal.sim.SimBoard}, reached from
 * any open {@link dev.isola.hal.Board} whose controllers the simulator drives.
 *
 * <pre>{@code
 * try (Board board = Boards.open(Optional.empty())) {     // the built-in board (resource sim.toml)
 *   SimBoard sim = SimBoard.of(board);
 *   sim.timeScale(0);                                      // frozen: deterministic, time moves by advance
 *   board.gpio("heater").output(true);
 *   sim.advance(Duration.ofMinutes(10));                   // ten minutes of room time, every conversion run
 *   double t = sim.roomTemperature();                      // 16 + 45 (1 - e^(-2/3)) = 37.9 °C
 *   sim.press("button");
 *   sim.inject("uart0", "status\n");
 *   String said = sim.outputText("uart0");
 *   List<PinLevel> seen = sim.levels("led");
 * }
 * }</pre>
 *
 * <p>Design decisions:
 *
 * <ul>
 *   <li>One board, one clock: the room, the TMP102's conversions and the timers all run on sim time, which
 *       runs at the <em>time-scale</em> ({@code [devices.room.properties] time-scale}, the system property
 *       {@code isola.sim.time-scale}, or {@link dev.isola.hal.sim.SimBoard#timeScale(double)}). Instants in
 *       the recorder are sim nanoseconds since the board opened.
 *   <li>The board file is the wiring: the simulator builds the parts a board file names on the controllers
 *       it drives ({@code isola,sim-gpio}, {@code -i2c}, {@code -spi}, {@code -uart}, {@code -pwm}, {@code
 *       -timer}), so a test can write its own board. The built-in {@code sim} is the greenhouse's.
 *   <li>Parts are modelled from their datasheets at register or bit level (see {@code dev.isola.hal.sim.device});
 *       drivers are tested against the same behaviour a real part has, not against a convenience API.
 *   <li>The UART's other end is the terminal, nothing, a file, or a pair of named pipes ({@code fifo:PATH}):
 *       the JDK has no pseudo-terminal. Tests set {@code isola.sim.endpoint=none}: surefire speaks to its
 *       forked JVM over stdin.
 * </ul>
 */
package dev.isola.hal.sim;
