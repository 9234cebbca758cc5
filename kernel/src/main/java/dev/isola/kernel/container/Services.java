package dev.isola.kernel.container;

import dev.isola.kernel.LogSink;
import dev.isola.kernel.config.RegionSpec;
import dev.isola.kernel.io.Peripherals;
import dev.isola.kernel.region.Region;
import dev.isola.kernel.sched.Scheduler;
import dev.isola.runtime.Engine;
import java.util.Map;
import java.util.Objects;

/**
 * What every container of one system shares, handed to each by the kernel.
 *
 * @param engine compiles the modules (one tier for the system)
 * @param scheduler runs the containers' tasks
 * @param regionSpecs the system's regions as declared
 * @param regions the system's shared-memory regions by name
 * @param portals defines each container's portal imports
 * @param log the kernel's log
 * @param epoch the scheduler-clock time the system started: {@code isola:sys now()} counts from here
 * @param peripherals the board and each container's I/O handle table ({@code isola:gpio}...)
 */
public record Services(Engine engine, Scheduler scheduler, Map<String, RegionSpec> regionSpecs,
                       Map<String, Region> regions, PortalLinker portals, LogSink log, long epoch,
                       Peripherals peripherals) {
  public Services {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(scheduler, "scheduler");
    regionSpecs = Map.copyOf(regionSpecs);
    regions = Map.copyOf(regions);
    Objects.requireNonNull(portals, "portals");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(peripherals, "peripherals");
  }

  /** Services of a system without a board (every peripheral label is undefined). */
  public Services(Engine engine, Scheduler scheduler, Map<String, RegionSpec> regionSpecs,
                  Map<String, Region> regions, PortalLinker portals, LogSink log, long epoch) {
    this(engine, scheduler, regionSpecs, regions, portals, log, epoch, Peripherals.none());
  }
}
