package dev.isola.kernel.io;

import dev.isola.hal.HalException;
import dev.isola.hal.need.Need;

/**
 * One open label of one incarnation: the need the module declared (its kind is the handle's rights: a {@code
 * gpio-in} reads, a {@code gpio-out} also writes), the board's checking facade it holds, and, for a label that
 * can interrupt, how its events are listened to (so the handle is an {@link EventSource}).
 */
final class Handle implements EventSource {
  /** How a facade starts (a listener) and stops (null) calling back. */
  interface Listening {
    void listen(Runnable listener) throws HalException;
  }

  private final Need need;
  private final Object facade;
  private final Runnable close;
  /** Null: the handle is not an event source. */
  private final Listening listening;
  private volatile boolean closed;

  Handle(Need need, Object facade, Runnable close, Listening listening) {
    this.need = need;
    this.facade = facade;
    this.close = close;
    this.listening = listening;
  }

  Need need() {
    return need;
  }

  /** The facade if it is a {@code type} (the call's class), else null (the caller answers EBADF). */
  <T> T as(Class<T> type) {
    return type.isInstance(facade) ? type.cast(facade) : null;
  }

  boolean isEventSource() {
    return listening != null;
  }

  @Override
  public String label() {
    return need.label();
  }

  @Override
  public void subscribe(Runnable listener) {
    if (listening == null) {
      throw new IllegalStateException(need.label() + ": not an event source");
    }
    try {
      listening.listen(listener);
    } catch (HalException e) {
      // The facade was closed meanwhile (the incarnation is ending) or the backend cannot listen: the
      // caller (isola:irq attach) answers the guest; nothing is left subscribed.
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public void unsubscribe() {
    if (listening == null || closed) {
      return;
    }
    try {
      listening.listen(null);
    } catch (HalException e) {
      // Closed meanwhile: closing stopped the listener already.
    }
  }

  /** Stops the listener and releases the resource for the next owner (the facade's close does both). */
  void close() {
    closed = true;
    close.run();
  }
}
