package dev.isola.hal;

import dev.isola.hal.spi.AdcBackend;
import dev.isola.hal.spi.GpioBackend;
import dev.isola.hal.spi.I2cBackend;
import dev.isola.hal.spi.PwmBackend;
import dev.isola.hal.spi.SpiBackend;
import dev.isola.hal.spi.TimerBackend;
import dev.isola.hal.spi.UartBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A backend of every class that records each call it receives as one line of text, so a test asserts exactly what
 * reached the backend after the facade's checks (and that nothing did when a check refused).
 */
final class FakeBackend
    implements GpioBackend, I2cBackend, SpiBackend, UartBackend, AdcBackend, PwmBackend, TimerBackend {
  final List<String> calls = new ArrayList<>();
  final Map<Integer, Runnable> pinListeners = new HashMap<>();
  final Map<Integer, Runnable> timers = new HashMap<>();
  Runnable uartListener;
  /** What sample() answers. */
  int sample;
  /** What SPI transfers answer in rx, byte by byte (cycled). */
  byte[] miso = {0};

  @Override
  public synchronized void configureInput(int pin, Pull pull) {
    calls.add("input " + pin + " " + pull);
  }

  @Override
  public synchronized void configureOutput(int pin, boolean level) {
    calls.add("output " + pin + " " + level);
  }

  @Override
  public synchronized boolean read(int pin) {
    calls.add("read " + pin);
    return true;
  }

  @Override
  public synchronized void write(int pin, boolean level) {
    calls.add("write " + pin + " " + level);
  }

  @Override
  public synchronized void listen(int pin, Edge edge, Runnable listener) {
    calls.add("listen " + pin + " " + edge);
    if (listener == null) {
      pinListeners.remove(pin);
    } else {
      pinListeners.put(pin, listener);
    }
  }

  @Override
  public synchronized void transaction(int address, int speedHz, List<I2cOperation> operations) {
    StringBuilder b = new StringBuilder("i2c 0x" + Integer.toHexString(address) + " " + speedHz);
    for (I2cOperation op : operations) {
      switch (op) {
        case I2cOperation.Read r -> {
          Arrays.fill(r.buffer(), (byte) 0x5A);
          b.append(" r").append(r.length());
        }
        case I2cOperation.Write w -> b.append(" w").append(HexFormat.of().formatHex(w.data()));
      }
    }
    calls.add(b.toString());
  }

  @Override
  public synchronized void transaction(int chipSelect, int mode, long hz, List<SpiTransfer> transfers) {
    StringBuilder b = new StringBuilder("spi cs" + chipSelect + " mode" + mode + " " + hz);
    for (SpiTransfer t : transfers) {
      b.append(" ").append(HexFormat.of().formatHex(t.tx())).append("/").append(t.rx().length);
      for (int i = 0; i < t.rx().length; i++) {
        t.rx()[i] = miso[i % miso.length];
      }
    }
    calls.add(b.toString());
  }

  @Override
  public synchronized void configure(UartConfig config) {
    calls.add("configure " + config);
  }

  @Override
  public synchronized int write(byte[] data, int offset, int length) {
    calls.add("uart write " + HexFormat.of().formatHex(data, offset, offset + length));
    return length;
  }

  @Override
  public synchronized int read(byte[] into, int offset, int length, long timeoutNanos) {
    calls.add("uart read " + offset + "+" + length + " " + timeoutNanos);
    into[offset] = 'x';
    return 1;
  }

  @Override
  public synchronized void listen(Runnable listener) {
    calls.add("uart listen " + (listener != null));
    uartListener = listener;
  }

  @Override
  public synchronized int sample(int channel) {
    calls.add("sample " + channel);
    return sample;
  }

  @Override
  public synchronized void set(int channel, long periodNs, long pulseNs) {
    calls.add("pwm set " + channel + " " + periodNs + " " + pulseNs);
  }

  @Override
  public synchronized void enable(int channel, boolean on) {
    calls.add("pwm enable " + channel + " " + on);
  }

  @Override
  public synchronized void start(int channel, long delayNs, long periodNs, Runnable expiry) {
    calls.add("timer start " + channel + " " + delayNs + " " + periodNs);
    timers.put(channel, expiry);
  }

  @Override
  public synchronized void stop(int channel) {
    calls.add("timer stop " + channel);
    timers.remove(channel);
  }
}
