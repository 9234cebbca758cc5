package dev.isola.hal;

import dev.isola.hal.spi.AdcBackend;

/** The checking facade of one ADC channel: a sample is checked to fit the channel's bits before it is answered. */
public final class AdcChannel extends Facade {
  private final Resource.Adc resource;
  private final AdcBackend backend;

  AdcChannel(Resource.Adc resource, AdcBackend backend, Runnable release) throws HalException {
    super(resource.name(), release);
    if (resource.bits() < 1 || resource.bits() > 24) {
      throw invalid("resolution " + resource.bits() + " bits out of range (1..24)");
    }
    this.resource = resource;
    this.backend = backend;
  }

  /** A facade over {@code backend} for {@code resource}, outside any board (tests, drivers). */
  public static AdcChannel of(Resource.Adc resource, AdcBackend backend) throws HalException {
    return new AdcChannel(resource, backend, NO_RELEASE);
  }

  public Resource.Adc resource() {
    return resource;
  }

  /** The resolution: samples are 0 .. 2^bits - 1. */
  public int bits() {
    return resource.bits();
  }

  /** The full-scale voltage (mV). */
  public int referenceMv() {
    return resource.referenceMv();
  }

  /** One sample, 0 .. 2^bits - 1. */
  public int sample() throws HalException {
    checkOpen();
    int raw = backend.sample(resource.channel());
    if (raw < 0 || raw >= 1 << resource.bits()) {
      // A backend answering outside its resolution is a broken part, not a caller's mistake.
      throw new HalException(HalError.BUS_ERROR, name() + ": sample " + raw + " outside " + resource.bits() + " bits");
    }
    return raw;
  }

  /** One sample in millivolts (rounded down). */
  public int millivolts() throws HalException {
    return (int) ((long) sample() * resource.referenceMv() >> resource.bits());
  }

  @Override
  void quiesce() {}
}
