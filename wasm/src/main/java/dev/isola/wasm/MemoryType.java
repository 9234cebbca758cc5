package dev.isola.wasm;

/** A memory type: limits in 64 KiB pages. */
public record MemoryType(Limits limits) {
  public static final int PAGE_SIZE = 65536;
  /** The most pages a 32-bit memory may declare. */
  public static final long MAX_PAGES = 65536;
}
