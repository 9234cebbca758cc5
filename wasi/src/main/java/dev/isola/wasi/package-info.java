/**
 * WASI preview 1 for command modules: {@link dev.isola.wasi.Wasi} defines every {@code wasi_snapshot_preview1}
 * function as a typed {@link dev.isola.runtime.HostFunction} and runs a module's {@code _start}.
 *
 * <pre>{@code
 * WasiConfig config = WasiConfig.builder()
 *     .args(List.of("prog", "--flag"))
 *     .preopen(new Preopen(Path.of("data"), "/"))
 *     .build();
 * try (Wasi wasi = new Wasi(config)) {
 *   int status = wasi.run(new Store(engine), module);
 * }
 * }</pre>
 *
 * <p><b>Sandbox.</b> The guest reaches files only through preopened directories. Every path is resolved one
 * component at a time against the directory descriptor it is relative to: {@code ..} may not climb above that
 * directory, absolute paths are refused, and symbolic links are expanded by the resolver itself (never by the
 * host), so a link can only lead to places the guest could name directly. The host calls then act on the
 * resolved path without following links ({@code NOFOLLOW_LINKS}).
 *
 * <p><b>Verify, then act.</b> Every function first checks each guest pointer and length against the memory
 * ({@code EFAULT} if any is out of range), then does its work. Errors are returned as preview-1 {@code errno}
 * values; a function this host does not provide returns {@code ENOSYS}.
 */
package dev.isola.wasi;
