package dev.isola.kernel.config;

import java.util.Map;
import java.util.Objects;

/**
 * A portal: a named service that one container exports ({@code [containers.X.portals.export.NAME]}) and others
 * import ({@code portals.import = ["NAME"]}). Importers call {@code (import "portal:NAME" "FN" ...)}.
 *
 * @param name the portal's name
 * @param exporter the name of the container that exports it
 * @param functions each function's name (an export of the exporter's module) and declared signature, in file order
 */
public record PortalSpec(String name, String exporter, Map<String, PortalSignature> functions) {
  public PortalSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(exporter, "exporter");
    functions = SystemSpec.orderedCopy(functions);
  }

  /** The import module name importers use: {@code portal:NAME}. */
  public String importModule() {
    return "portal:" + name;
  }
}
