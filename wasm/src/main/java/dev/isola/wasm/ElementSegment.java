package dev.isola.wasm;

import java.util.List;

/**
 * An element segment. Every binary form is normalised to a list of constant expressions: a vector of function
 * indices becomes one {@code ref.func} expression per index.
 */
public record ElementSegment(ValType type, List<ConstExpr> init, Mode mode) {
  public ElementSegment {
    init = List.copyOf(init);
  }

  /** How the segment is used at instantiation. */
  public sealed interface Mode {}

  /** Available to {@code table.init} until dropped. */
  public record Passive() implements Mode {}

  /** Copied into {@code table} at {@code offset} at instantiation, then dropped. */
  public record Active(int table, ConstExpr offset) implements Mode {}

  /** Only declares functions for {@code ref.func}; dropped at instantiation. */
  public record Declarative() implements Mode {}
}
