package dev.isola.kernel.region;

import dev.isola.kernel.config.RegionSpec;
import dev.isola.runtime.Memory;
import dev.isola.runtime.ResourceLimiter;
import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A shared-memory region: a named memory of fixed size that containers import as {@code region.<name>}.
 *
 * @param name the region's name in the system file, also the field name of its import
 * @param memory the memory every mapper shares; min = max = {@link #pages()}
 */
public record Region(String name, Memory memory) {
  /**
   * The largest region a memory can hold: {@link Memory#MAX_PAGES} pages (a {@code byte[]} holds under 2 GiB),
   * fewer than the 65536 a 32-bit memory type may declare.
   */
  public static final int MAX_PAGES = Memory.MAX_PAGES;

  /** The import module name under which every region is offered. */
  public static final String IMPORT_MODULE = "region";

  public Region {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(memory, "memory");
  }

  /**
   * Creates the region {@code spec} describes, zero-filled.
   *
   * @throws dev.isola.runtime.UnlinkableException if it has more than {@link #MAX_PAGES} pages
   */
  public static Region create(RegionSpec spec) {
    long pages = spec.pages();
    // No limiter: the region's pages belong to the system, and its max equals its min, so it never grows.
    return new Region(spec.name(), new Memory(new MemoryType(new Limits(pages, pages)), ResourceLimiter.UNLIMITED));
  }

  /** Creates every region of a system, by name, in the system file's order. */
  public static Map<String, Region> createAll(Map<String, RegionSpec> specs) {
    Map<String, Region> regions = new LinkedHashMap<>();
    specs.forEach((name, spec) -> regions.put(name, create(spec)));
    return Collections.unmodifiableMap(regions);
  }

  /** The region's size in 64 KiB pages. */
  public int pages() {
    return memory.pages();
  }

  /** The memory type a mapper's import is matched against: exactly {@link #pages()}, no more, no less. */
  public MemoryType type() {
    return new MemoryType(new Limits(pages(), pages()));
  }
}
