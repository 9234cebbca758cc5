package dev.isola.runtime;

/**
 * What a host function sees of its caller: the calling instance (for its exported memory) and the store.
 * Host functions must check every guest pointer against the memory before use (verify, then act).
 */
public interface Caller {
  /** The instance whose code made the call. */
  Instance instance();

  Store store();

  /** The calling instance's memory {@code index} (0 for the usual single memory), or null if it has none. */
  Memory memory(int index);
}
