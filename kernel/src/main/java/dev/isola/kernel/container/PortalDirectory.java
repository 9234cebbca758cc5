package dev.isola.kernel.container;

import java.util.Optional;

/**
 * The running containers by name, as portals find their exporters. The kernel implements it; the answer is the
 * container's current incarnation at the time of the call (a restart or a swap keeps the same exporter object).
 */
@FunctionalInterface
public interface PortalDirectory {
  Optional<PortalExporter> exporter(String container);
}
