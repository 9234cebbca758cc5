package dev.isola.hal.sim;

import dev.isola.hal.Board;
import dev.isola.hal.HalException;
import dev.isola.hal.Reading;
import dev.isola.hal.Resource;
import dev.isola.hal.board.BoardSpec;
import dev.isola.hal.board.ControllerSpec;
import dev.isola.hal.sim.backend.SimWorld;
import dev.isola.hal.sim.device.Drive;
import dev.isola.hal.sim.device.GpioBank;
import dev.isola.hal.spi.AdcBackend;
import dev.isola.hal.spi.BoardBackend;
import dev.isola.hal.spi.GpioBackend;
import dev.isola.hal.spi.I2cBackend;
import dev.isola.hal.spi.PwmBackend;
import dev.isola.hal.spi.SpiBackend;
import dev.isola.hal.spi.TimerBackend;
import dev.isola.hal.spi.UartBackend;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A simulated board, opened: hal's backends for it, and the test API that drives its inputs and reads what its
 * outputs did. Reached from an open {@link Board} with {@link #of(Board)}.
 *
 * <pre>{@code
 * try (Board board = Boards.open(Optional.empty())) {      // the built-in board "sim"
 *   SimBoard sim = SimBoard.of(board);
 *   sim.timeScale(0);                                       // frozen: time moves when the test says
 *   sim.roomTemperature(30);
 *   sim.advance(Duration.ofSeconds(1));                     // every conversion due by then has run
 *   sim.press("button");
 *   List<PinLevel> led = sim.levels("led");                 // every level gpio0.5 had, with its instant
 * }
 * }</pre>
 *
 * Names are the board file's: devices ({@code button}, {@code fan}), pins ({@code gpio0.5}, {@code
 * tmp102.alert}), UARTs ({@code uart0}), ADC channels ({@code adc0.1}). Instants are sim time: nanoseconds since
 * the board opened, on the board's clock (see {@link #timeScale(double)}). A name the board lacks is an {@link
 * IllegalArgumentException}: a test's mistake.
 */
public final class SimBoard implements BoardBackend {
  /** The simulated boards open in this JVM, oldest first (see {@link #opened()}). */
  private static final List<SimBoard> OPEN = new CopyOnWriteArrayList<>();

  private final SimWorld world;

  private SimBoard(SimWorld world) {
    this.world = world;
  }

  /** Builds the simulation of {@code spec}'s simulated controllers and parts (what the provider calls). */
  public static SimBoard open(BoardSpec spec) throws HalException {
    SimBoard b = new SimBoard(SimWorld.open(spec));
    OPEN.add(b);
    return b;
  }

  /**
   * The simulated boards open in this JVM now, oldest first: for a test that cannot reach the {@link Board} (a
   * command run in-process opens its own). Prefer {@link #of(Board)}.
   */
  public static List<SimBoard> opened() {
    return List.copyOf(OPEN);
  }

  /** The board's name ({@code sim}). */
  public String name() {
    return world.spec().name();
  }

  /** The simulator behind {@code board}. */
  public static SimBoard of(Board board) {
    return board.unwrap(SimBoard.class)
        .orElseThrow(() -> new IllegalArgumentException("board " + board.name() + " is not simulated"));
  }

  // ---- inputs ----

  /** Presses button {@code name} (it drives its pin: low, for the board's active-low button). */
  public void press(String name) {
    part(world.buttons(), name, "button").press();
  }

  public void release(String name) {
    part(world.buttons(), name, "button").release();
  }

  /**
   * Drives pin {@code name}'s net from outside ({@code gpio0.12}, or a part's pin): as a signal generator
   * clipped to it would, until {@link #releasePin}. An input reads it; edge listeners hear it.
   */
  public void drive(String name, boolean high) {
    Resource.Pin r = pin(name);
    bank(r).drive(r.pin(), high ? Drive.HIGH : Drive.LOW);
  }

  /** Stops driving pin {@code name}'s net: its pull decides again. */
  public void releasePin(String name) {
    Resource.Pin r = pin(name);
    bank(r).drive(r.pin(), Drive.RELEASED);
  }

  /** The room's air temperature now, in °C. */
  public double roomTemperature() {
    return world.room().temperature();
  }

  /** Sets the room's air temperature now; the thermal model goes on from there. */
  public void roomTemperature(double celsius) {
    world.room().temperature(celsius);
  }

  public double ambient() {
    return world.room().ambient();
  }

  /** Sets the outside temperature the room follows. */
  public void ambient(double celsius) {
    world.room().ambient(celsius);
  }

  /** Sets the voltage on ADC channel {@code channel} ({@code adc0.1}), in mV. */
  public void voltage(String channel, double millivolts) {
    Resource.Adc r = resource(channel, Resource.Adc.class, "an adc channel");
    ControllerSpec.Adc adc = (ControllerSpec.Adc) world.spec().controllers().get(r.controller());
    String part = adc.device().orElseThrow(() -> new IllegalArgumentException(r.controller() + " is not a part"));
    part(world.mcp3008(), part, "mcp3008").input(r.channel(), millivolts);
  }

  /** Receives {@code bytes} on UART {@code name}, as if typed at its other end. */
  public void inject(String name, byte[] bytes) {
    part(world.uarts(), name, "uart").inject(bytes.clone());
  }

  public void inject(String name, String text) {
    inject(name, text.getBytes(StandardCharsets.UTF_8));
  }

  // ---- outputs ----

  /** Every byte UART {@code name} transmitted (past 64 KiB, at least the newest 32 KiB). */
  public byte[] output(String name) {
    return part(world.uarts(), name, "uart").captured();
  }

  public String outputText(String name) {
    return new String(output(name), StandardCharsets.UTF_8);
  }

  /** Fan {@code name}'s speed now, in rpm. */
  public double fanRpm(String name) {
    return world.room().rpm(part(world.fans(), name, "fan"));
  }

  /** Fan {@code name}'s duty cycle now, in [0, 1] (0 while its PWM channel is disabled). */
  public double fanDuty(String name) {
    return world.room().duty(part(world.fans(), name, "fan"));
  }

  public boolean heater(String name) {
    return part(world.heaters(), name, "heater").on();
  }

  public boolean led(String name) {
    return part(world.leds(), name, "led").lit();
  }

  /** Conversions TMP102 {@code name} has done since the board opened. */
  public long conversions(String name) {
    return part(world.tmp102(), name, "tmp102").conversions();
  }

  /**
   * Every level pin {@code name} had, oldest first ({@code gpio0.5}, {@code led}, {@code tmp102.alert}): its
   * level when the board opened, then each change with its instant. The newest 100,000 per pin are kept.
   */
  public List<PinLevel> levels(String name) {
    Resource.Pin r = pin(name);
    return bank(r).history(r.pin());
  }

  /** Every simulated pin's levels, by pin name ({@code gpio0.0}...). */
  public Map<String, List<PinLevel>> levels() {
    Map<String, List<PinLevel>> out = new LinkedHashMap<>();
    world.gpio().forEach((name, bank) -> {
      for (int i = 0; i < bank.count(); i++) {
        out.put(name + "." + i, bank.history(i));
      }
    });
    return out;
  }

  // ---- time ----

  /** Sim time since the board opened. */
  public Duration now() {
    return Duration.ofNanos(world.sim().now());
  }

  /** Moves sim time forward; returns once every event due by then (conversions, timer expiries) has run. */
  public void advance(Duration d) {
    world.sim().timeline().advance(d);
  }

  public double timeScale() {
    return world.sim().clock().scale();
  }

  /**
   * Sets how fast the board's time runs: 1 real time, 60 a minute a second (the room, the sensor's
   * conversions and the timers alike), 0 frozen (only {@link #advance} moves it).
   */
  public void timeScale(double scale) {
    world.sim().clock().scale(scale);
    world.sim().timeline().rescheduled();
  }

  // ---- hal's backends ----

  @Override
  public GpioBackend gpio(ControllerSpec.Gpio controller) throws HalException {
    return backend(controller, GpioBackend.class);
  }

  @Override
  public I2cBackend i2c(ControllerSpec.I2c controller) throws HalException {
    return backend(controller, I2cBackend.class);
  }

  @Override
  public SpiBackend spi(ControllerSpec.Spi controller) throws HalException {
    return backend(controller, SpiBackend.class);
  }

  @Override
  public UartBackend uart(ControllerSpec.Uart controller) throws HalException {
    return backend(controller, UartBackend.class);
  }

  @Override
  public AdcBackend adc(ControllerSpec.Adc controller) throws HalException {
    return backend(controller, AdcBackend.class);
  }

  @Override
  public PwmBackend pwm(ControllerSpec.Pwm controller) throws HalException {
    return backend(controller, PwmBackend.class);
  }

  @Override
  public TimerBackend timer(ControllerSpec.Timer controller) throws HalException {
    return backend(controller, TimerBackend.class);
  }

  /** {@code room.temperature}, {@code room.ambient}, {@code fan.duty}, {@code fan.rpm}, {@code heater}... */
  @Override
  public List<Reading> readings() {
    return world.readings();
  }

  /** Stops the board's threads (the timeline, the UARTs' endpoints). */
  @Override
  public void close() {
    OPEN.remove(this);
    world.close();
  }

  private <T> T backend(ControllerSpec c, Class<T> type) throws HalException {
    Object b = world.backend(c.name());
    if (!type.isInstance(b)) {
      throw HalException.notSupported(c.name() + ": compatible \"" + c.compatible() + "\" in the simulator");
    }
    return type.cast(b);
  }

  private static <T> T part(Map<String, T> parts, String name, String what) {
    T t = parts.get(name);
    if (t == null) {
      throw new IllegalArgumentException(
          "no simulated " + what + " named \"" + name + "\" (there are " + parts.keySet() + ")");
    }
    return t;
  }

  private Resource.Pin pin(String name) {
    return resource(name, Resource.Pin.class, "a gpio pin");
  }

  private GpioBank bank(Resource.Pin r) {
    GpioBank bank = world.gpio().get(r.controller());
    if (bank == null) {
      throw new IllegalArgumentException(r.name() + ": " + r.controller() + " is not simulated");
    }
    return bank;
  }

  private <R extends Resource> R resource(String name, Class<R> type, String what) {
    Resource r = world.spec().resources().get(name);
    if (!type.isInstance(r)) {
      throw new IllegalArgumentException(name + ": not " + what + " of board " + world.spec().name());
    }
    return type.cast(r);
  }
}
