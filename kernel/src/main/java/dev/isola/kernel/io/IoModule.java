package dev.isola.kernel.io;

import dev.isola.hal.HalException;
import dev.isola.hal.Kind;
import dev.isola.hal.need.Need;
import dev.isola.runtime.Caller;
import dev.isola.runtime.HostFunction;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the seven I/O import modules share: {@code open} of a label (its buffer checked, then the label looked
 * up in the incarnation's {@link Handles}), {@code close}, the lookup of a handle of the module's own class, and
 * the building of typed host functions (a {@link MethodHandle} per function bound to the module object, as
 * {@code isola:sys} does, so no call looks anything up by name).
 *
 * <p>Every call is verify-then-impl, in this order: lengths and pointers against the caller's memory ({@code
 * EINVAL}, {@code EFAULT}), the handle ({@code EBADF}: not open in this incarnation, or of another module), its
 * rights ({@code EACCES}), the arguments, then the trusted facade, whose {@link HalException} is mapped once by
 * {@link IoError#of}.
 */
abstract class IoModule {
  /**
   * The longest buffer one UART call moves (the port has no limit of its own; this bounds the copy). Bus calls
   * use their facade's own limits ({@code I2cDevice.MAX_BYTES}, {@code SpiDevice.MAX_BYTES}), checked here
   * before anything is copied, so a guest learns them before the bus does.
   */
  static final int MAX_UART_BYTES = 64 * 1024;

  /** The bytes of one transaction operation in memory: three i32 fields. */
  static final int OP_BYTES = 12;

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final MethodHandle OPEN = find(IoModule.class, "open", int.class, int.class);
  private static final MethodHandle CLOSE = find(IoModule.class, "close", int.class);

  private final String module;
  final Handles handles;
  private final Set<Kind> kinds;
  private final Class<?> facade;

  IoModule(String module, Handles handles, Set<Kind> kinds, Class<?> facade) {
    this.module = module;
    this.handles = handles;
    this.kinds = kinds;
    this.facade = facade;
  }

  /** This module's functions, bound to its incarnation's table. */
  abstract List<HostFunction> functions();

  /** {@code open} and {@code close}, then {@code more}. */
  final List<HostFunction> with(HostFunction... more) {
    List<HostFunction> all = new ArrayList<>();
    all.add(fn("open", OPEN));
    all.add(fn("close", CLOSE));
    all.addAll(List.of(more));
    return all;
  }

  /**
   * The host function {@code name} of this module, bound to this object: its Wasm type is read off the method's
   * own (int is i32, long is i64), so the two cannot disagree.
   */
  final HostFunction fn(String name, MethodHandle handle) {
    MethodType type = handle.type(); // (owner, Caller, params...) int
    List<ValType> params = new ArrayList<>();
    for (Class<?> p : type.parameterList().subList(2, type.parameterCount())) {
      params.add(p == long.class ? ValType.I64 : ValType.I32);
    }
    return HostFunction.of(module, name, FuncType.of(params, List.of(ValType.I32)), handle.bindTo(this));
  }

  /**
   * The host call {@code int name(Caller, params...)} of {@code owner} (a class of this package), found once per
   * class when it is loaded.
   */
  static MethodHandle find(Class<? extends IoModule> owner, String name, Class<?>... params) {
    try {
      return HostFunction.findMethod(LOOKUP, owner, name, int.class, params);
    } catch (ReflectiveOperationException e) {
      throw new LinkageError(owner.getSimpleName() + "." + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * The verify step shared by calls that move one buffer: its length ({@code min <= len <= max}, else EINVAL),
   * then its place in the caller's memory (EFAULT). 0 if both hold.
   */
  static int checkBuffer(GuestMemory memory, int buf, int len, int min, int max) {
    if (len < min || len > max) {
      return IoError.EINVAL.code();
    }
    return memory.holds(buf, len) ? 0 : IoError.EFAULT.code();
  }

  /**
   * A transaction's {@code count} operations of three i32 fields each at {@code ops} (count and array checked by
   * the caller), read once so that a guest cannot change a checked pointer under the call.
   */
  static int[][] operations(GuestMemory memory, int ops, int count) {
    int[][] fields = new int[count][3];
    for (int i = 0; i < count; i++) {
      int at = ops + i * OP_BYTES;
      fields[i][0] = memory.readI32(at);
      fields[i][1] = memory.readI32(at + 4);
      fields[i][2] = memory.readI32(at + 8);
    }
    return fields;
  }

  // ---- open, close ----

  final int open(Caller caller, int ptr, int len) {
    GuestMemory memory = GuestMemory.of(caller);
    if (len < 0) {
      return IoError.EINVAL.code();
    }
    if (!memory.holds(ptr, len)) {
      return IoError.EFAULT.code();
    }
    if (len == 0 || len > 32) {
      return IoError.ENOENT.code(); // no label is that long (Need.LABEL): undefined
    }
    String label = new String(memory.read(ptr, len), StandardCharsets.UTF_8);
    if (!Need.isLabel(label)) {
      return IoError.ENOENT.code();
    }
    return handles.open(caller.instance().module(), label, kinds);
  }

  final int close(Caller caller, int h) {
    return handle(h) == null ? IoError.EBADF.code() : handles.close(h);
  }

  /** Handle {@code h} if it is open and of this module's class, else null (the call answers EBADF). */
  final Handle handle(int h) {
    Handle handle = handles.get(h);
    return handle != null && handle.as(facade) != null ? handle : null;
  }

  /** The guest's code for a HAL failure. */
  static int error(HalException e) {
    return IoError.of(e.error()).code();
  }
}
