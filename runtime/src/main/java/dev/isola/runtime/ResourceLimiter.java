package dev.isola.runtime;

/**
 * Consulted before a memory or table grows (by {@code memory.grow}, {@code table.grow} or at instantiation),
 * so that an embedder can hold a guest to a quota. Answering false makes the grow fail as the spec allows
 * ({@code -1} to the guest); it never traps.
 */
public interface ResourceLimiter {
  /** May a memory grow from {@code currentPages} to {@code desiredPages}? */
  boolean memoryGrowing(long currentPages, long desiredPages);

  /** May a table grow from {@code currentElements} to {@code desiredElements}? */
  boolean tableGrowing(long currentElements, long desiredElements);

  ResourceLimiter UNLIMITED = new ResourceLimiter() {
    public boolean memoryGrowing(long currentPages, long desiredPages) {
      return true;
    }

    public boolean tableGrowing(long currentElements, long desiredElements) {
      return true;
    }
  };
}
