package dev.isola.runtime;

/**
 * A safepoint poll between the chunks of a long bulk operation ({@code memory.fill/copy/init}, {@code
 * table.fill/copy/init}), implemented by the execution tier (design.md section 1: every chunk of a long bulk
 * operation polls). The operation checks its bounds once, before writing anything, and then calls {@link
 * #beforeChunk} before each chunk ({@link Memory#BULK_CHUNK} bytes or {@link Table#BULK_CHUNK} elements, the last
 * one shorter), so fuel, a deadline or a handler can stop it between chunks: the chunks already done stay done.
 */
@FunctionalInterface
public interface ChunkPoll {
  /** Never polls: the whole operation runs at once (host code, instantiation). */
  ChunkPoll NONE = length -> {};

  /**
   * Called before a chunk of {@code length} bytes or elements is written; typically charges fuel and runs
   * {@link Store#safepoint}. Throwing (a {@link Trap}) stops the operation before that chunk.
   */
  void beforeChunk(int length);
}
