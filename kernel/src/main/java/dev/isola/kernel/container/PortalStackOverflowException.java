package dev.isola.kernel.container;

/** A portal call's buffers do not fit on the exporter's portal stack: the caller gets {@code ISOLA_ENOSPC}. */
public final class PortalStackOverflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PortalStackOverflowException(String exporter, long wanted, long free) {
    super("portal stack of " + exporter + " too small: " + wanted + " bytes wanted, " + free + " free", null, false,
        false);
  }
}
