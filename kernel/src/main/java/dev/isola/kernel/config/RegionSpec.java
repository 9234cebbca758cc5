package dev.isola.kernel.config;

import dev.isola.wasm.MemoryType;
import java.util.Objects;

/**
 * A shared-memory region ({@code [regions.NAME]}): a fixed-size memory (min = max = its pages) that the
 * containers mapping it import as {@code (import "region" "NAME" (memory ...))}.
 *
 * @param name the region's name
 * @param sizeBytes its size, a whole number of 64 KiB pages
 */
public record RegionSpec(String name, long sizeBytes) {
  /** The Wasm page size. */
  public static final long PAGE_BYTES = MemoryType.PAGE_SIZE;

  public RegionSpec {
    Objects.requireNonNull(name, "name");
  }

  /** The region's size in Wasm pages. */
  public long pages() {
    return sizeBytes / PAGE_BYTES;
  }
}
