package dev.isola.hal.sim.device;

/** Hears a pin's level change; called outside the board's lock, on the thread that caused the change. */
@FunctionalInterface
public interface EdgeListener {
  void edge(int pin, boolean high, long nanos);
}
