package dev.isola.hal;

import dev.isola.hal.spi.GpioBackend;

/**
 * The checking facade of one GPIO pin: checks the direction, pull and edge against the pin's capabilities and that
 * the pin is configured for the operation, then calls the backend with the pin's number. Until {@link #input} or
 * {@link #output} the pin is not configured and only those two are allowed.
 */
public final class GpioPin extends Facade {
  private final Resource.Pin resource;
  private final GpioBackend backend;
  /** Null until configured; then GPIO_IN or GPIO_OUT. */
  private volatile Kind direction;
  /** An output's driven level, kept here so toggle needs no read-back from the backend. */
  private volatile boolean level;
  private volatile boolean listening;

  GpioPin(Resource.Pin resource, GpioBackend backend, Runnable release) {
    super(resource.name(), release);
    this.resource = resource;
    this.backend = backend;
  }

  /** A facade over {@code backend} for {@code resource}, outside any board (tests, drivers). */
  public static GpioPin of(Resource.Pin resource, GpioBackend backend) {
    return new GpioPin(resource, backend, NO_RELEASE);
  }

  public Resource.Pin resource() {
    return resource;
  }

  /** The configured direction: GPIO_IN, GPIO_OUT, or null before configuration. */
  public Kind direction() {
    return direction;
  }

  /** Makes the pin an input with {@code pull} (one of the pin's pulls). */
  public void input(Pull pull) throws HalException {
    checkOpen();
    if (!resource.kinds().contains(Kind.GPIO_IN)) {
      throw invalid("cannot be an input (it is output only)");
    }
    if (!resource.pulls().contains(pull)) {
      throw invalid("pull " + pull + " not supported (supports " + Sorted.of(resource.pulls()) + ")");
    }
    backend.configureInput(resource.pin(), pull);
    direction = Kind.GPIO_IN;
  }

  /** Makes the pin an output driving {@code initial}. */
  public void output(boolean initial) throws HalException {
    checkOpen();
    if (!resource.kinds().contains(Kind.GPIO_OUT)) {
      throw invalid("cannot be an output (it is input only)");
    }
    if (listening) {
      stopListening();
    }
    backend.configureOutput(resource.pin(), initial);
    level = initial;
    direction = Kind.GPIO_OUT;
  }

  /** The pin's level: sampled for an input, driven for an output. */
  public boolean read() throws HalException {
    checkOpen();
    configured();
    return backend.read(resource.pin());
  }

  /** Drives an output to {@code high}. */
  public void write(boolean high) throws HalException {
    checkOpen();
    output();
    backend.write(resource.pin(), high);
    level = high;
  }

  /** Inverts an output; answers the new level. */
  public boolean toggle() throws HalException {
    checkOpen();
    output();
    boolean next = !level;
    backend.write(resource.pin(), next);
    level = next;
    return next;
  }

  /**
   * Calls {@code listener} (from any thread; it must only record) on every {@code edge} of this input;
   * {@link Edge#NONE} stops. One listener: a new one replaces the old.
   */
  public void listen(Edge edge, Runnable listener) throws HalException {
    checkOpen();
    if (direction != Kind.GPIO_IN) {
      throw invalid(direction == null ? "not configured" : "edge events need an input");
    }
    if (!resource.edges().contains(edge)) {
      throw invalid("edge " + edge + " not supported (supports " + Sorted.of(resource.edges()) + ")");
    }
    if (edge != Edge.NONE && listener == null) {
      throw invalid("no listener");
    }
    backend.listen(resource.pin(), edge, edge == Edge.NONE ? null : listener);
    listening = edge != Edge.NONE;
  }

  private void configured() throws HalException {
    if (direction == null) {
      throw invalid("not configured (input or output first)");
    }
  }

  private void output() throws HalException {
    configured();
    if (direction != Kind.GPIO_OUT) {
      throw invalid("is an input: cannot be driven");
    }
  }

  private void stopListening() throws HalException {
    backend.listen(resource.pin(), Edge.NONE, null);
    listening = false;
  }

  @Override
  void quiesce() {
    if (listening) {
      try {
        stopListening();
      } catch (HalException e) {
        // The owner is leaving; a backend that cannot stop listening has nothing to stop.
      }
    }
  }
}
