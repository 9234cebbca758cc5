package dev.isola.hal.sim.device;

import dev.isola.hal.sim.time.Timeline;
import java.util.function.LongToDoubleFunction;

/**
 * The Texas Instruments TMP102 digital temperature sensor, at register level (datasheet SBOS397).
 *
 * <p><b>Registers</b>, chosen by the pointer register (the first byte written; P1/P0, bits 7..2 must be 0: a
 * pointer above 3 is refused with a NACK and the pointer stays): 0x00 temperature (read-only), 0x01
 * configuration, 0x02 T_LOW, 0x03 T_HIGH; 16 bits each, MSB first. A write phase is the pointer then,
 * optionally, two data bytes (a third is refused); a read phase returns the pointed register's MSB, LSB,
 * MSB... Writing the temperature register is acknowledged and ignored.
 *
 * <p><b>Temperature</b>: 12 bits left-aligned, 0.0625 °C per LSB, two's complement, D0 = 0; in extended mode
 * (EM = 1) 13 bits, left-aligned by 3, D0 = 1, up to 150 °C. T_LOW and T_HIGH use the same format as the
 * current mode. Power-on: temperature 0 until the first conversion, configuration 0x60A0, T_LOW 75 °C
 * (0x4B00), T_HIGH 80 °C (0x5000).
 *
 * <p><b>Configuration</b> (MSB: OS R1 R0 F1 F0 POL TM SD; LSB: CR1 CR0 AL EM 0 0 0 0). R1/R0 read 11
 * (12-bit converter) and AL are read-only. CR1/CR0 the conversion rate, 0.25/1/4/8 Hz (default 4 Hz); a
 * conversion takes 26 ms and its result is latched at its end. SD = 1 stops converting; in shutdown, writing
 * OS = 1 starts one conversion; OS reads 0 while it runs and 1 in shutdown when idle (0 in continuous mode).
 *
 * <p><b>ALERT</b> (an open-drain output on a GPIO net): F1/F0 set the fault queue, 1, 2, 4 or 6 consecutive
 * conversions. Comparator mode (TM = 0): active once the temperature is at or above T_HIGH for the queue's
 * count, inactive once it is below T_LOW for the count. Interrupt mode (TM = 1): active once at or above
 * T_HIGH for the count; cleared by a read of any register (or entering shutdown); then active again only once
 * below T_LOW for the count, cleared by a read, and so on. POL = 0 active low (the pin pulls the net low),
 * POL = 1 active high (the pin releases the net when active and pulls it low otherwise: the net needs the
 * pin's pull-up, as on the real part). AL reads the comparator state whatever TM: 1 while inactive for
 * POL = 0, inverted for POL = 1.
 *
 * <p>Not modelled: the SMBus alert response address and the general call reset; conversion noise; SD = 1
 * written during a conversion stops at once (the part finishes the conversion under way first).
 * State under the {@link Simulation}'s lock; conversions run on the timeline.
 */
public final class Tmp102 implements I2cTarget {
  static final long CONVERSION_NANOS = 26_000_000;
  private static final long[] PERIOD_NANOS = {4_000_000_000L, 1_000_000_000L, 250_000_000L, 125_000_000L};
  private static final int[] FAULTS = {1, 2, 4, 6};

  private final Simulation sim;
  private final LongToDoubleFunction air;
  private final GpioBank alertBank;
  private final int alertPin;

  private int pointer;
  private int temperature;
  private int tLow = 0x4B00;
  private int tHigh = 0x5000;
  // Configuration bits.
  private boolean shutdown;
  private boolean interruptMode;
  private boolean polarity;
  private int faultQueue;
  private int rate = 2;
  private boolean extended;
  private boolean oneShotRunning;
  // Alert state machines.
  private boolean comparatorActive;
  private int faults;
  private boolean interruptActive;
  /** In interrupt mode, whether the next alert is for a high (T >= T_HIGH) rather than a low crossing. */
  private boolean armedHigh = true;
  private int interruptFaults;
  // Write phase state.
  private int written;
  private int msb;

  private Timeline.Scheduled next;
  /** Bumped by every (re)schedule and cancel, so a conversion already under way when it was replaced ends. */
  private int generation;
  private long conversions;

  /**
   * A TMP102 sampling {@code air} (the temperature at a sim instant) with its ALERT on {@code alertBank}'s pin
   * {@code alertPin} (or no alert with a null bank). It powers on converting, first result after 26 ms.
   */
  public Tmp102(Simulation sim, LongToDoubleFunction air, GpioBank alertBank, int alertPin) {
    this.sim = sim;
    this.air = air;
    this.alertBank = alertBank;
    this.alertPin = alertPin;
    sim.locked(() -> {
      driveAlert();
      schedule(sim.now() + CONVERSION_NANOS);
    });
  }

  // ---- I2C ----

  @Override
  public int write(byte[] data) {
    for (int i = 0; i < data.length; i++) {
      int b = data[i] & 0xFF;
      if (written == 0) {
        if (b > 3) {
          return i;
        }
        pointer = b;
      } else if (written == 1) {
        msb = b;
      } else if (written == 2) {
        store(pointer, (msb << 8) | b);
      } else {
        return i;
      }
      written++;
    }
    return data.length;
  }

  @Override
  public byte[] read(int length) {
    int value = load(pointer);
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) ((i & 1) == 0 ? value >>> 8 : value);
    }
    if (length > 0 && interruptActive) {
      clearInterrupt();
    }
    return out;
  }

  @Override
  public void start(boolean read) {
    written = 0;
  }

  private int load(int register) {
    return switch (register) {
      case 0 -> temperature & 0xFFFF;
      case 1 -> configuration();
      case 2 -> tLow;
      case 3 -> tHigh;
      default -> throw new IllegalStateException("pointer " + register);
    };
  }

  private void store(int register, int value) {
    int mask = extended ? 0xFFF8 : 0xFFF0;
    switch (register) {
      case 0 -> {} // read-only: acknowledged, ignored
      case 1 -> configure(value);
      case 2 -> tLow = value & mask;
      case 3 -> tHigh = value & mask;
      default -> throw new IllegalStateException("pointer " + register);
    }
  }

  /** The configuration register as read. */
  int configuration() {
    boolean os = shutdown && !oneShotRunning;
    boolean al = comparatorActive == polarity;
    return (os ? 0x8000 : 0)
        | 0x6000
        | faultQueue << 11
        | (polarity ? 0x0400 : 0)
        | (interruptMode ? 0x0200 : 0)
        | (shutdown ? 0x0100 : 0)
        | rate << 6
        | (al ? 0x0020 : 0)
        | (extended ? 0x0010 : 0);
  }

  private void configure(int value) {
    boolean wasShutdown = shutdown;
    boolean wasInterrupt = interruptMode;
    int oldRate = rate;
    faultQueue = (value >>> 11) & 3;
    polarity = (value & 0x0400) != 0;
    interruptMode = (value & 0x0200) != 0;
    shutdown = (value & 0x0100) != 0;
    rate = (value >>> 6) & 3;
    extended = (value & 0x0010) != 0;
    if (interruptMode != wasInterrupt) {
      // A fresh interrupt cycle: the next alert is for a high crossing.
      interruptActive = false;
      armedHigh = true;
      interruptFaults = 0;
    }
    if (shutdown && interruptActive) {
      clearInterrupt();
    }
    if (shutdown && !wasShutdown && !oneShotRunning) {
      cancel();
    } else if (!shutdown && (wasShutdown || rate != oldRate)) {
      cancel();
      schedule(sim.now() + CONVERSION_NANOS);
    }
    if (shutdown && (value & 0x8000) != 0 && !oneShotRunning) {
      oneShotRunning = true;
      cancel();
      schedule(sim.now() + CONVERSION_NANOS);
    }
    driveAlert();
  }

  // ---- conversions ----

  private void schedule(long due) {
    int g = ++generation;
    next = sim.timeline().at(due, false, () -> convert(g));
  }

  private void cancel() {
    generation++;
    if (next != null) {
      next.cancel();
      next = null;
    }
  }

  private void convert(int g) {
    sim.locked(() -> {
      if (g != generation) {
        return;
      }
      long now = sim.now();
      double celsius = air.applyAsDouble(now);
      conversions++;
      temperature = encode(celsius, extended);
      double t = decode(temperature, extended);
      evaluate(t);
      if (oneShotRunning) {
        oneShotRunning = false;
        next = null;
        if (!shutdown) {
          schedule(now + PERIOD_NANOS[rate]);
        }
      } else if (!shutdown) {
        // From the due instant (now, on the timeline), so the rate stays exact however late the thread runs.
        schedule(now + PERIOD_NANOS[rate]);
      }
      driveAlert();
    });
  }

  private void evaluate(double t) {
    int count = FAULTS[faultQueue];
    double high = decode(tHigh, extended);
    double low = decode(tLow, extended);
    if (!comparatorActive) {
      faults = t >= high ? faults + 1 : 0;
      if (faults >= count) {
        comparatorActive = true;
        faults = 0;
      }
    } else {
      faults = t < low ? faults + 1 : 0;
      if (faults >= count) {
        comparatorActive = false;
        faults = 0;
      }
    }
    if (interruptMode && !interruptActive) {
      boolean fault = armedHigh ? t >= high : t < low;
      interruptFaults = fault ? interruptFaults + 1 : 0;
      if (interruptFaults >= count) {
        interruptActive = true;
        interruptFaults = 0;
      }
    }
  }

  private void clearInterrupt() {
    interruptActive = false;
    armedHigh = !armedHigh;
    interruptFaults = 0;
    driveAlert();
  }

  /** The ALERT output: open drain, so it either pulls the net low or lets it go. */
  private void driveAlert() {
    if (alertBank == null) {
      return;
    }
    boolean active = interruptMode ? interruptActive : comparatorActive;
    boolean pullLow = polarity ? !active : active;
    alertBank.drive(alertPin, pullLow ? Drive.LOW : Drive.RELEASED);
  }

  /** The temperature register's bits for {@code celsius} (clamped to the format's range). */
  static int encode(double celsius, boolean extended) {
    long code = Math.round(celsius / 0.0625);
    if (extended) {
      code = Math.clamp(code, -4096, 4095);
      return (int) ((code << 3) & 0xFFF8) | 1;
    }
    code = Math.clamp(code, -2048, 2047);
    return (int) ((code << 4) & 0xFFF0);
  }

  /** The temperature a register's bits stand for. */
  static double decode(int bits, boolean extended) {
    short s = (short) bits;
    return extended ? (s >> 3) * 0.0625 : (s >> 4) * 0.0625;
  }

  /** Conversions done since power-on (for tests and readings). */
  public long conversions() {
    return sim.locked(() -> conversions);
  }
}
