package dev.isola.kernel.container;

/** The work a portal does inside an exporter: copy buffers in, call the export, copy buffers out. */
@FunctionalInterface
public interface PortalCall<R> {
  R run(PortalFrame frame);
}
