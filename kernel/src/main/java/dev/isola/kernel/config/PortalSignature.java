package dev.isola.kernel.config;

import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The declared signature of one portal function, written in the system file as {@code "(i32, in, out) -> i32"}:
 * parameters are numeric types or buffer directions ({@code in}, {@code out}, {@code inout}); results are
 * numeric types, written bare ({@code -> i32}), in parentheses ({@code -> (i32, i64)}) or empty ({@code -> ()}).
 *
 * @param params the parameters in order
 * @param results the result types (numeric only)
 */
public record PortalSignature(List<PortalParam> params, List<ValType> results) {
  public PortalSignature {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }

  /**
   * The core Wasm type both sides use: each buffer becomes two i32 (ptr, len). The importer imports a function of
   * this type and the exporter exports one of this type.
   */
  public FuncType coreType() {
    List<ValType> core = new ArrayList<>();
    for (PortalParam p : params) {
      core.addAll(p.coreTypes());
    }
    return FuncType.of(core, results);
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException with a message naming what is wrong
   */
  public static PortalSignature parse(String text) {
    String s = text.strip();
    int arrow = s.indexOf("->");
    if (arrow < 0) {
      throw new IllegalArgumentException("expected \"(params) -> results\", found \"" + text + "\"");
    }
    String left = s.substring(0, arrow).strip();
    String right = s.substring(arrow + 2).strip();
    if (!left.startsWith("(") || !left.endsWith(")")) {
      throw new IllegalArgumentException("parameters must be in parentheses, found \"" + left + "\"");
    }
    List<PortalParam> params = new ArrayList<>();
    for (String word : words(left.substring(1, left.length() - 1))) {
      params.add(param(word));
    }
    String resultText = right.startsWith("(") && right.endsWith(")") ? right.substring(1, right.length() - 1) : right;
    List<ValType> results = new ArrayList<>();
    for (String word : words(resultText)) {
      ValType t = numeric(word);
      if (t == null) {
        throw new IllegalArgumentException("unknown result type \"" + word + "\" (expected i32, i64, f32 or f64)");
      }
      results.add(t);
    }
    return new PortalSignature(params, results);
  }

  private static PortalParam param(String word) {
    for (PortalParam.Direction d : PortalParam.Direction.values()) {
      if (d.keyword().equals(word)) {
        return new PortalParam.Buffer(d);
      }
    }
    ValType t = numeric(word);
    if (t == null) {
      throw new IllegalArgumentException(
          "unknown parameter \"" + word + "\" (expected i32, i64, f32, f64, in, out or inout)");
    }
    return new PortalParam.Scalar(t);
  }

  private static ValType numeric(String word) {
    for (ValType t : ValType.values()) {
      if (t.isNumeric() && t.textName().equals(word.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    return null;
  }

  private static List<String> words(String list) {
    List<String> out = new ArrayList<>();
    for (String w : list.split("[,\\s]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** The signature as the system file writes it. */
  @Override
  public String toString() {
    String ps = params.stream().map(PortalParam::keyword).collect(Collectors.joining(", "));
    String rs = results.stream().map(ValType::textName).collect(Collectors.joining(", "));
    return "(" + ps + ") -> " + (results.size() == 1 ? rs : "(" + rs + ")");
  }
}
