package dev.isola.kernel.irq;

import dev.isola.runtime.Caller;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Memory;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code isola:irq} import module for one incarnation (sdk/isola.h lists the same functions): verify, then
 * act. Each call checks the guest's pointer and length against its memory first ({@code ISOLA_EFAULT}), then the
 * {@link InterruptController} checks the handle and the handler.
 *
 * <pre>
 * attach(h, name_ptr, name_len) -> i32   the export "name" of type (i32 count) -> () handles h's events
 * detach(h) -> i32                       no handler any more (pending events dropped)
 * mask(h) -> i32, unmask(h) -> i32       hold the handler off (events still counted), at most mask-limit
 * overflows(h) -> i64                    events lost to the saturated count
 * </pre>
 */
public final class IsolaIrq {
  /** The import module name. */
  public static final String MODULE = "isola:irq";

  /** The longest handler name accepted: a guest must not make the kernel decode without bound. */
  static final int MAX_NAME = 256;

  private static final MethodHandle ATTACH, DETACH, MASK, UNMASK, OVERFLOWS;

  static {
    try {
      var lookup = MethodHandles.lookup();
      ATTACH = virtual(lookup, "attach", int.class, int.class, int.class, int.class);
      DETACH = virtual(lookup, "detach", int.class, int.class);
      MASK = virtual(lookup, "mask", int.class, int.class);
      UNMASK = virtual(lookup, "unmask", int.class, int.class);
      OVERFLOWS = virtual(lookup, "overflows", long.class, int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static MethodHandle virtual(MethodHandles.Lookup lookup, String name, Class<?> result,
                                      Class<?>... params) throws ReflectiveOperationException {
    return HostFunction.findMethod(lookup, IsolaIrq.class, name, result, params);
  }

  private final InterruptController controller;

  /** {@code controller} may be null when only the functions' names and types are wanted (the system check). */
  public IsolaIrq(InterruptController controller) {
    this.controller = controller;
  }

  /** The host functions, bound to this incarnation's controller. */
  public List<HostFunction> functions() {
    ValType i32 = ValType.I32;
    return List.of(
        fn("attach", List.of(i32, i32, i32), List.of(i32), ATTACH),
        fn("detach", List.of(i32), List.of(i32), DETACH),
        fn("mask", List.of(i32), List.of(i32), MASK),
        fn("unmask", List.of(i32), List.of(i32), UNMASK),
        fn("overflows", List.of(i32), List.of(ValType.I64), OVERFLOWS));
  }

  private HostFunction fn(String name, List<ValType> params, List<ValType> results, MethodHandle handle) {
    return HostFunction.of(MODULE, name, FuncType.of(params, results), handle.bindTo(this));
  }

  int attach(Caller caller, int handle, int namePtr, int nameLen) {
    Memory memory = caller.memory(0);
    if (memory == null || nameLen < 0 || Integer.toUnsignedLong(namePtr) + nameLen > memory.bytes().length) {
      return IrqError.EFAULT.code();
    }
    if (nameLen == 0 || nameLen > MAX_NAME) {
      return IrqError.EINVAL.code();
    }
    byte[] name = new byte[nameLen];
    memory.read(Integer.toUnsignedLong(namePtr), name, 0, nameLen);
    return controller.attach(handle, new String(name, StandardCharsets.UTF_8));
  }

  int detach(Caller caller, int handle) {
    return controller.detach(handle);
  }

  int mask(Caller caller, int handle) {
    return controller.mask(handle);
  }

  int unmask(Caller caller, int handle) {
    return controller.unmask(handle);
  }

  long overflows(Caller caller, int handle) {
    return controller.overflows(handle);
  }
}
