package dev.isola.kernel.config;

import dev.isola.wasm.ValType;
import java.util.List;
import java.util.Objects;

/**
 * One parameter of a portal function: a scalar passed as it is, or a buffer passed by value as {@code (ptr i32,
 * len i32)} on both sides and copied between the two memories by the kernel.
 */
public sealed interface PortalParam {
  /** The Wasm parameter types this parameter takes in the core function type: one scalar, or two i32. */
  List<ValType> coreTypes();

  /** The word the system file uses for this parameter. */
  String keyword();

  /** A numeric scalar (i32, i64, f32, f64) passed unchanged. */
  record Scalar(ValType type) implements PortalParam {
    public Scalar {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public List<ValType> coreTypes() {
      return List.of(type);
    }

    @Override
    public String keyword() {
      return type.textName();
    }
  }

  /** A buffer {@code (ptr, len)}: which way its bytes are copied. */
  record Buffer(Direction direction) implements PortalParam {
    public Buffer {
      Objects.requireNonNull(direction, "direction");
    }

    @Override
    public List<ValType> coreTypes() {
      return List.of(ValType.I32, ValType.I32);
    }

    @Override
    public String keyword() {
      return direction.keyword();
    }
  }

  /** Which way a buffer's bytes travel. */
  enum Direction {
    /** Copied from the caller into the exporter before the call. */
    IN("in"),
    /** Copied from the exporter back to the caller after the call (the exporter sees zeroed bytes). */
    OUT("out"),
    /** Both. */
    INOUT("inout");

    private final String keyword;

    Direction(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }

    /** Whether the caller's bytes are copied to the exporter before the call. */
    public boolean copiesIn() {
      return this != OUT;
    }

    /** Whether the exporter's bytes are copied back to the caller after the call. */
    public boolean copiesOut() {
      return this != IN;
    }
  }
}
