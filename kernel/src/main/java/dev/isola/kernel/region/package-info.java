/**
 * Shared-memory regions: named fixed-size memories the kernel creates once per system and gives to every
 * container that maps them, as the import {@code (import "region" "NAME" (memory P P))}.
 *
 * <p>Design decisions:
 *
 * <ul>
 *   <li>A region is one {@link dev.isola.runtime.Memory} object imported by several instances: every mapper
 *       sees the same bytes with no copy. With multi-memory a module keeps its own memory and imports regions
 *       beside it; a region gets whatever index the module's memory index space gives it (imports first).
 *   <li>Regions are fixed size (min = max = the region's pages), so {@code memory.grow} on one can only fail and
 *       the backing array is never replaced under another container's feet. Their pages belong to the system,
 *       not to a container: they are not counted against a container's memory limit.
 *   <li>Read-only access is enforced statically, not by a second, read-only view of the memory: a container
 *       that maps a region {@code "ro"} must contain no instruction that can write that memory index (found by
 *       {@link dev.isola.wasm.analysis.MemoryWrites}) and must not re-export it. The check runs before anything
 *       runs, so {@code isola check} can refuse the file naming the function and byte offset, and execution
 *       pays nothing for the protection.
 *   <li>Problems are data ({@link dev.isola.kernel.region.RegionProblem}), all of them collected, never the
 *       first one thrown: the system file's checker prints them together with its own.
 *   <li>A region guarantees no ordering or atomicity beyond the JVM's plain array accesses: guests that share
 *       a region coordinate by their own protocol (a sequence counter, a portal call), as on a microcontroller
 *       without atomics.
 * </ul>
 */
package dev.isola.kernel.region;
