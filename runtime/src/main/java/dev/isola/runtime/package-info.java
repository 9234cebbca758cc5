/**
 * Run time: {@link dev.isola.runtime.Engine} (configuration, shared) -> {@link dev.isola.runtime.Module}
 * (validated, prepared code, shared) -> {@link dev.isola.runtime.Store} (per tenant: limits, fuel, deadline)
 * -> {@link dev.isola.runtime.Instance} (memories, tables, globals, exports).
 *
 * <p>Errors are one type per spec outcome: {@code MalformedModuleException} and {@code InvalidModuleException}
 * (from {@code dev.isola.wasm}), {@link dev.isola.runtime.UnlinkableException}, and {@link
 * dev.isola.runtime.Trap} with a {@link dev.isola.runtime.TrapKind} in the spec's words. {@link
 * dev.isola.runtime.GuestExit} is not an error: the guest asked to end.
 */
package dev.isola.runtime;
