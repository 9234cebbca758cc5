package dev.isola.kernel.container;

import dev.isola.kernel.config.ContainerSpec;
import dev.isola.runtime.Imports;

/**
 * Defines the portal functions a container imports ({@code portal:NAME} modules) into its imports: the portal
 * package implements it on a {@link PortalDirectory}. The functions it defines run the exporter's code through
 * {@link PortalExporter#call}. {@link #NONE} for systems without portals.
 */
@FunctionalInterface
public interface PortalLinker {
  PortalLinker NONE = (importer, imports) -> {};

  void define(ContainerSpec importer, Imports imports);
}
