package dev.isola.hal;

/**
 * What every checking facade shares: its resource's name for messages, the closed state and the release of the
 * resource's claim. Package-private: callers see the facades' own types.
 */
abstract class Facade implements AutoCloseable {
  private final String name;
  private final Runnable release;
  private volatile boolean closed;

  Facade(String name, Runnable release) {
    this.name = name;
    this.release = release;
  }

  /** The resource's name, as messages start. */
  final String name() {
    return name;
  }

  /** Throws CLOSED once closed: the first check of every operation. */
  final void checkOpen() throws HalException {
    if (closed) {
      throw new HalException(HalError.CLOSED, name + ": closed");
    }
  }

  final HalException invalid(String message) {
    return HalException.invalid(name, message);
  }

  /** Whether {@link #close()} ran. */
  public final boolean isClosed() {
    return closed;
  }

  /**
   * Stops what the facade started (listeners, timers) and releases the resource for its next owner. Closing twice
   * does nothing.
   */
  @Override
  public final void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      quiesce();
    } finally {
      release.run();
    }
  }

  /** Undoes what this facade set going (a listener, an armed timer); errors are ignored: the owner is leaving. */
  abstract void quiesce();

  static final Runnable NO_RELEASE = () -> {};
}
