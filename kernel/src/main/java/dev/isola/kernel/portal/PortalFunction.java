package dev.isola.kernel.portal;

import dev.isola.kernel.config.PortalParam;
import dev.isola.kernel.config.PortalSignature;
import dev.isola.kernel.container.ExporterUnavailableException;
import dev.isola.kernel.container.PortalDirectory;
import dev.isola.kernel.container.PortalExporter;
import dev.isola.kernel.container.PortalFrame;
import dev.isola.kernel.container.PortalStackOverflowException;
import dev.isola.kernel.sys.SysError;
import dev.isola.runtime.Caller;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Memory;
import dev.isola.runtime.Value;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Optional;

/**
 * One portal function as the importer links it ({@code portal:NAME.FN}): verify the caller's buffers, then run
 * the exporter's export of the same name on the caller's thread with the buffers copied onto the exporter's
 * portal stack, then copy {@code out}/{@code inout} buffers back.
 *
 * <p>Failures never trap the caller: a bad caller buffer answers {@code ISOLA_EFAULT} (before the exporter is
 * touched), an exporter that is not running or traps answers {@code ISOLA_EUNAVAILABLE}, buffers that do not fit
 * the portal stack answer {@code ISOLA_ENOSPC}. The code goes in the first result when it is an integer; a float
 * first result gets NaN (such functions cannot tell errors apart; docs/system-file.md says so).
 */
final class PortalFunction {
  private static final MethodHandle CALL;

  static {
    try {
      CALL = MethodHandles.lookup().findVirtual(PortalFunction.class, "call",
          MethodType.methodType(Object.class, Caller.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final PortalLink link;
  private final String name;
  private final PortalSignature signature;
  private final FuncType type;
  private final PortalDirectory directory;

  PortalFunction(PortalLink link, String name, PortalSignature signature, PortalDirectory directory) {
    this.link = link;
    this.name = name;
    this.signature = signature;
    this.type = signature.coreType();
    this.directory = directory;
  }

  /** The host function the importer links. */
  HostFunction hostFunction() {
    // Generic body, typed face: the arguments are collected into an Object[] (boxed; a portal call copies
    // buffers and enters another instance anyway) and the result is unboxed to the Wasm type.
    MethodHandle h = CALL.bindTo(this).asCollector(Object[].class, type.params().size());
    return HostFunction.of(link.spec().importModule(), name, type, h.asType(javaType(type)));
  }

  /** Called with the core arguments, boxed. */
  Object call(Caller caller, Object[] args) {
    link.counted();
    Memory callerMemory = caller.memory(0);
    // Verify before anything: every buffer lies inside the caller's memory (ptr and len read as unsigned).
    int slot = 0;
    for (PortalParam p : signature.params()) {
      if (p instanceof PortalParam.Buffer) {
        long ptr = Integer.toUnsignedLong((Integer) args[slot]);
        long len = Integer.toUnsignedLong((Integer) args[slot + 1]);
        if (callerMemory == null || ptr + len > callerMemory.bytes().length) {
          link.failed();
          return error(SysError.EFAULT);
        }
      }
      slot += p.coreTypes().size();
    }
    Optional<PortalExporter> exporter = directory.exporter(link.spec().exporter());
    if (exporter.isEmpty()) {
      link.failed();
      return error(SysError.EUNAVAILABLE);
    }
    try {
      Value[] results = exporter.get().call(frame -> inExporter(frame, callerMemory, args));
      return result(results);
    } catch (ExporterUnavailableException e) {
      link.failed();
      return error(SysError.EUNAVAILABLE);
    } catch (PortalStackOverflowException e) {
      link.failed();
      return error(SysError.ENOSPC);
    }
  }

  /** Inside the exporter, holding it: copy in, call, copy out. */
  private Value[] inExporter(PortalFrame frame, Memory callerMemory, Object[] args) {
    Memory exporterMemory = frame.memory();
    Value[] core = new Value[args.length];
    long[] exporterAddress = new long[args.length];
    int slot = 0;
    for (PortalParam p : signature.params()) {
      switch (p) {
        case PortalParam.Scalar s -> core[slot] = box(s.type(), args[slot]);
        case PortalParam.Buffer b -> {
          int ptr = (Integer) args[slot];
          int len = (Integer) args[slot + 1];
          if (exporterMemory == null) {
            throw new ExporterUnavailableException(link.spec().exporter(), "it has no memory for buffers");
          }
          int at = frame.push(len);
          if (b.direction().copiesIn()) {
            exporterMemory.copy(Integer.toUnsignedLong(at), callerMemory, Integer.toUnsignedLong(ptr),
                Integer.toUnsignedLong(len));
          } else {
            // Zeroed, so an out buffer never shows the exporter what an earlier call left on its portal stack.
            exporterMemory.fill(Integer.toUnsignedLong(at), (byte) 0, Integer.toUnsignedLong(len));
          }
          exporterAddress[slot] = Integer.toUnsignedLong(at);
          core[slot] = Value.i32(at);
          core[slot + 1] = Value.i32(len);
        }
      }
      slot += p.coreTypes().size();
    }
    Value[] results = frame.export(name).call(core);
    slot = 0;
    for (PortalParam p : signature.params()) {
      if (p instanceof PortalParam.Buffer b && b.direction().copiesOut()) {
        // The caller's memory can only have grown since the check, so its range is still inside.
        callerMemory.copy(Integer.toUnsignedLong((Integer) args[slot]), exporterMemory, exporterAddress[slot],
            Integer.toUnsignedLong((Integer) args[slot + 1]));
      }
      slot += p.coreTypes().size();
    }
    return results;
  }

  private Object result(Value[] results) {
    List<ValType> types = type.results();
    if (types.isEmpty()) {
      return null;
    }
    if (types.size() == 1) {
      return unbox(results[0]);
    }
    long[] raw = new long[types.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = results[i].raw();
    }
    return raw;
  }

  private Object error(SysError error) {
    List<ValType> types = type.results();
    if (types.isEmpty()) {
      return null;
    }
    Object first = switch (types.getFirst()) {
      case I32 -> error.code();
      case I64 -> (long) error.code();
      case F32 -> Float.NaN;
      case F64 -> Double.NaN;
      case V128, FUNCREF, EXTERNREF -> throw new IllegalStateException("portal results are numeric");
    };
    if (types.size() == 1) {
      return first;
    }
    long[] raw = new long[types.size()];
    raw[0] = switch (first) {
      case Integer i -> i;
      case Long l -> l;
      case Float f -> Float.floatToRawIntBits(f);
      case Double d -> Double.doubleToRawLongBits(d);
      default -> 0;
    };
    return raw;
  }

  private static Value box(ValType type, Object arg) {
    return switch (type) {
      case I32 -> Value.i32((Integer) arg);
      case I64 -> Value.i64((Long) arg);
      case F32 -> Value.f32((Float) arg);
      case F64 -> Value.f64((Double) arg);
      case V128, FUNCREF, EXTERNREF -> throw new IllegalStateException("portal parameters are numeric");
    };
  }

  private static Object unbox(Value v) {
    return switch (v) {
      case Value.I32 i -> i.value();
      case Value.I64 l -> l.value();
      case Value.F32 f -> f.value();
      case Value.F64 d -> d.value();
      case Value.V128 _, Value.FuncRef _, Value.ExternRef _ -> throw new IllegalStateException("numeric only");
    };
  }

  private static MethodType javaType(FuncType type) {
    Class<?>[] params = new Class<?>[type.params().size() + 1];
    params[0] = Caller.class;
    for (int i = 0; i < type.params().size(); i++) {
      params[i + 1] = javaClass(type.params().get(i));
    }
    Class<?> result = type.results().isEmpty() ? void.class
        : type.results().size() == 1 ? javaClass(type.results().getFirst()) : long[].class;
    return MethodType.methodType(result, params);
  }

  private static Class<?> javaClass(ValType t) {
    return switch (t) {
      case I32 -> int.class;
      case I64 -> long.class;
      case F32 -> float.class;
      case F64 -> double.class;
      case V128, FUNCREF, EXTERNREF -> throw new IllegalStateException("portal types are numeric");
    };
  }

}
