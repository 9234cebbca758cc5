package dev.isola.runtime;

import dev.isola.wasm.WasmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Execution trapped. {@link #kind()} says why in the spec's words; {@link #wasmStackTrace()} lists the Wasm
 * frames that were active, innermost first, which the execution tiers append while they unwind. The Java stack
 * trace is not filled in: it says nothing about the guest and costs time on every trap.
 */
public final class Trap extends WasmException {
  /** One active Wasm function: its module's name (may be null), index, name (may be null) and byte offset. */
  public record Frame(String module, int functionIndex, String functionName, int offset) {
    @Override
    public String toString() {
      String fn = functionName != null ? functionName : "func[" + functionIndex + "]";
      return (module != null ? module + "!" : "") + fn + (offset >= 0 ? " @0x" + Integer.toHexString(offset) : "");
    }
  }

  private final TrapKind kind;
  private final List<Frame> frames = new ArrayList<>();

  public Trap(TrapKind kind) {
    super(kind.message(), null);
    this.kind = kind;
  }

  public Trap(TrapKind kind, String detail) {
    super(detail == null ? kind.message() : kind.message() + ": " + detail, null);
    this.kind = kind;
  }

  public Trap(TrapKind kind, Throwable cause) {
    super(kind.message() + ": " + cause, cause);
    this.kind = kind;
  }

  public TrapKind kind() {
    return kind;
  }

  /** Appends the next outer frame; called by execution tiers while unwinding. */
  public void addFrame(Frame frame) {
    frames.add(frame);
  }

  public List<Frame> wasmStackTrace() {
    return Collections.unmodifiableList(frames);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
