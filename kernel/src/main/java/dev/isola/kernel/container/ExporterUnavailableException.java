package dev.isola.kernel.container;

/**
 * A portal's exporter cannot serve a call: it is not running, or it trapped during the call. The portal turns
 * it into {@code ISOLA_EUNAVAILABLE} for the caller, never a trap.
 */
public final class ExporterUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ExporterUnavailableException(String exporter, String why) {
    super("portal exporter " + exporter + " unavailable: " + why, null, false, false);
  }
}
