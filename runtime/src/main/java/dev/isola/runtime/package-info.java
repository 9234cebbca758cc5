/**
 * Run time: {@link dev.isola.runtime.Engine} (configuration, shared) -> {@link dev.isola.runtime.Module}
 * (validated, prepared code, shared) -> {@link dev.isola.runtime.Store} (per tenant: limits, fuel, deadline)
 * -> {@link dev.isola.runtime.Instance} (memories, tables, globals, exports).
 *
 * <p>Errors are one type per spec outcome: {@code MalformedModuleException} and {@code InvalidModuleException}
 * (from {@code dev.isola.wasm}), {@link dev.isola.runtime.UnlinkableException}, and {@link
 * dev.isola.runtime.Trap} with a {@link dev.isola.runtime.TrapKind} in the spec's words. {@link
 * dev.isola.runtime.GuestExit} is not an error: the guest asked to end.
 *
 * <p><b>Host functions</b> are typed method handles, adapted once to the tiers' raw calling convention (see
 * {@link dev.isola.runtime.HostFunction}):
 *
 * <pre>{@code
 * static int add(Caller caller, int a, int b) { return a + b; }
 *
 * HostFunction add = HostFunction.of("env", "add", FuncType.of(List.of(I32, I32), List.of(I32)),
 *     MethodHandles.lookup().findStatic(Host.class, "add",
 *         MethodType.methodType(int.class, Caller.class, int.class, int.class)));
 * Instance instance = store.instantiate(module, new Imports().define(add));
 * }</pre>
 *
 * <p><b>Instantiation</b> follows the spec's order: imports are checked before anything is allocated; active
 * element segments, then active data segments, are applied after the tier has linked the instance; the start
 * function runs last. A trap stops instantiation but keeps what was already written to imported tables and
 * memories.
 *
 * <p><b>Limits.</b> Memories and tables grow only as far as their type, the implementation limits ({@link
 * dev.isola.runtime.Memory#MAX_PAGES}, {@link dev.isola.runtime.Table#MAX_ELEMENTS}) and the store's {@link
 * dev.isola.runtime.ResourceLimiter} allow; a refused grow returns -1, never traps. CPU time is bounded by fuel
 * or a deadline, both checked only at safepoints ({@link dev.isola.runtime.Store#safepoint}).
 */
package dev.isola.runtime;
