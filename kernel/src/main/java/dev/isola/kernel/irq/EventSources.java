package dev.isola.kernel.irq;

/**
 * How {@code isola:irq attach} finds the event source behind a guest's handle: the incarnation's I/O handle
 * table ({@code dev.isola.kernel.io}), which alone knows handles, their owner and what they are.
 */
@FunctionalInterface
public interface EventSources {
  /** No handle is open (a container without peripherals). */
  EventSources NONE = handle -> new Lookup.NotOpen();

  /** What {@code handle} is, for this container's incarnation. */
  Lookup find(int handle);

  /** The answer of {@link #find}: one case per outcome of attach's handle check. */
  sealed interface Lookup {
    /** An open handle that can interrupt. */
    record Found(LineSource source) implements Lookup {}

    /** Not an open handle of this incarnation (never opened, closed, another container's). */
    record NotOpen() implements Lookup {}

    /** An open handle that cannot interrupt (a gpio-out, an I2C device...). */
    record NotASource() implements Lookup {}
  }
}
