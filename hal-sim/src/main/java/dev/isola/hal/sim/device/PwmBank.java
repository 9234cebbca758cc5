package dev.isola.hal.sim.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleConsumer;

/**
 * A PWM controller's channels: period, pulse width, enable. What a part on a channel sees is the duty cycle
 * ({@code pulse / period} while enabled, 0 while stopped: the line is held low), told to its watchers under the
 * lock whenever it changes. The waveform itself is not generated: nothing on this board samples it faster
 * than a fan's inertia.
 */
public final class PwmBank {
  private final Simulation sim;
  private final String name;
  private final Channel[] channels;

  private static final class Channel {
    long periodNs;
    long pulseNs;
    boolean enabled;
    double duty;
    final List<DoubleConsumer> watchers = new ArrayList<>(1);
  }

  public PwmBank(Simulation sim, String name, int count) {
    this.sim = sim;
    this.name = name;
    this.channels = new Channel[count];
    for (int i = 0; i < count; i++) {
      channels[i] = new Channel();
    }
  }

  public String name() {
    return name;
  }

  private Channel channel(int i) {
    Objects.checkIndex(i, channels.length);
    return channels[i];
  }

  public void set(int i, long periodNs, long pulseNs) {
    sim.locked(() -> {
      Channel c = channel(i);
      c.periodNs = periodNs;
      c.pulseNs = pulseNs;
      update(c);
    });
  }

  public void enable(int i, boolean on) {
    sim.locked(() -> {
      Channel c = channel(i);
      c.enabled = on;
      update(c);
    });
  }

  /** The duty cycle the channel's part sees now, in [0, 1]. */
  public double duty(int i) {
    return sim.locked(() -> channel(i).duty);
  }

  public long periodNs(int i) {
    return sim.locked(() -> channel(i).periodNs);
  }

  /** Adds a part watching the channel's duty (called under the lock on each change, then once now). */
  public void watch(int i, DoubleConsumer watcher) {
    sim.locked(() -> {
      Channel c = channel(i);
      c.watchers.add(watcher);
      watcher.accept(c.duty);
    });
  }

  private void update(Channel c) {
    double duty = c.enabled && c.periodNs > 0 ? Math.clamp((double) c.pulseNs / c.periodNs, 0.0, 1.0) : 0;
    if (duty == c.duty) {
      return;
    }
    c.duty = duty;
    for (DoubleConsumer w : c.watchers) {
      w.accept(duty);
    }
  }
}
