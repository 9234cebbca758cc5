package dev.isola.hal;

import dev.isola.hal.spi.TimerBackend;

/**
 * The checking facade of one timer channel: the delay positive, the period 0 (one-shot) or positive. Expiries go to
 * the {@link #listen listener} of the moment, so the listener can be set before or after starting. Closing stops it.
 */
public final class TimerChannel extends Facade {
  private final Resource.Timer resource;
  private final TimerBackend backend;
  private volatile Runnable listener;
  private volatile boolean armed;

  TimerChannel(Resource.Timer resource, TimerBackend backend, Runnable release) {
    super(resource.name(), release);
    this.resource = resource;
    this.backend = backend;
  }

  /** A facade over {@code backend} for {@code resource}, outside any board (tests, drivers). */
  public static TimerChannel of(Resource.Timer resource, TimerBackend backend) {
    return new TimerChannel(resource, backend, NO_RELEASE);
  }

  public Resource.Timer resource() {
    return resource;
  }

  /** Calls {@code listener} (from any thread; it must only record) at every expiry; null stops calling. */
  public void listen(Runnable listener) throws HalException {
    checkOpen();
    this.listener = listener;
  }

  /** Arms the channel: first expiry {@code delayNs} from now ({@code > 0}), then every {@code periodNs} (0: once). */
  public void start(long delayNs, long periodNs) throws HalException {
    checkOpen();
    if (delayNs <= 0) {
      throw invalid("delay " + delayNs + " ns is not positive");
    }
    if (periodNs < 0) {
      throw invalid("period " + periodNs + " ns is negative");
    }
    backend.start(resource.channel(), delayNs, periodNs, this::expire);
    armed = true;
  }

  /** Disarms the channel; no expiry reaches the listener after this returns. */
  public void stop() throws HalException {
    checkOpen();
    backend.stop(resource.channel());
    armed = false;
  }

  private void expire() {
    Runnable l = listener;
    if (l != null && !isClosed()) {
      l.run();
    }
  }

  @Override
  void quiesce() {
    listener = null;
    if (armed) {
      try {
        backend.stop(resource.channel());
      } catch (HalException e) {
        // The owner is leaving; expire() drops whatever still fires.
      }
    }
  }
}
