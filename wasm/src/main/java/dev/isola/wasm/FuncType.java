package dev.isola.wasm;

import java.util.List;
import java.util.stream.Collectors;

/** A function type: parameter types to result types. Structural equality is the spec's type equality. */
public record FuncType(List<ValType> params, List<ValType> results) {
  public FuncType {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }

  public static FuncType of(List<ValType> params, List<ValType> results) {
    return new FuncType(params, results);
  }

  @Override
  public String toString() {
    return "(" + join(params) + ") -> (" + join(results) + ")";
  }

  private static String join(List<ValType> types) {
    return types.stream().map(ValType::textName).collect(Collectors.joining(" "));
  }
}
