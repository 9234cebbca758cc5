package dev.isola.kernel.portal;

import dev.isola.kernel.config.ContainerSpec;
import dev.isola.kernel.config.PortalSpec;
import dev.isola.kernel.config.SystemSpec;
import dev.isola.kernel.container.PortalDirectory;
import dev.isola.runtime.Imports;
import java.util.ArrayList;
import java.util.List;

/**
 * Every portal one container imports ({@code portals.import}), linked: what the kernel defines into that
 * container's imports, and its portal-call count for the run summary.
 *
 * @param links one link per imported portal, in the file's order
 */
public record PortalImports(List<PortalLink> links) {
  public PortalImports {
    links = List.copyOf(links);
  }

  /**
   * Links every portal {@code importer} imports. A name no container exports is skipped (the check reports it;
   * at run time the imports stay undefined and instantiation names them).
   */
  public static PortalImports of(SystemSpec system, ContainerSpec importer, PortalDirectory directory) {
    List<PortalLink> links = new ArrayList<>();
    for (String name : importer.portalImports()) {
      PortalSpec spec = system.portals().get(name);
      if (spec != null && !spec.exporter().equals(importer.name())) {
        links.add(PortalLink.of(spec, importer.name(), directory));
      }
    }
    return new PortalImports(links);
  }

  /** Defines every linked portal function into {@code imports}; returns it. */
  public Imports define(Imports imports) {
    links.forEach(l -> l.define(imports));
    return imports;
  }

  /** Portal calls this container made, over all its portals. */
  public long calls() {
    return links.stream().mapToLong(PortalLink::calls).sum();
  }

  /** Portal calls of this container that returned an error code. */
  public long failures() {
    return links.stream().mapToLong(PortalLink::failures).sum();
  }
}
