package dev.isola.wasm.text;

import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * A type use (spec 6.6.3): {@code (type x)?} then inline {@code (param ...)*} and {@code (result ...)*}, as
 * functions, imports, {@code call_indirect} and block types write them. {@code names} has one entry per
 * parameter ({@code null} when unnamed).
 */
record TypeUse(Integer explicit, List<ValType> params, List<String> names, List<ValType> results, Token at) {
  static TypeUse parse(Tokens in, Declarations d, boolean namesAllowed) {
    Token at = in.peek();
    Integer explicit = null;
    if (in.openField("type")) {
      if (!IndexSpace.isIndex(in.peek())) {
        throw in.unexpected();
      }
      explicit = d.typeSpace.resolve(in.next());
      in.rparen();
    }
    List<ValType> params = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<ValType> results = new ArrayList<>();
    TypeSyntax.paramsAndResults(in, params, names, results, namesAllowed);
    return new TypeUse(explicit, params, names, results, at);
  }

  boolean hasInline() {
    return !params.isEmpty() || !results.isEmpty();
  }

  FuncType inline() {
    return new FuncType(params, results);
  }

  /**
   * The type {@code (type x)} names, after checking that inline parameters and results, if any, repeat it
   * ("inline function type"). {@code null} if {@code x} is not an explicit type: with inline types that is
   * "unknown type" (implicit types cannot be named), without them it is left for the validator to report.
   */
  FuncType explicitType(Declarations d) {
    if (explicit < 0 || explicit >= d.explicitTypes()) {
      if (hasInline()) {
        throw Tokens.error("unknown type", at);
      }
      return null;
    }
    FuncType type = d.types.get(explicit);
    if (hasInline() && !type.equals(inline())) {
      throw Tokens.error("inline function type", at);
    }
    return type;
  }

  /** The type index: {@code x} if given (checked), else the first equal type, appended if there is none. */
  int index(Declarations d) {
    if (explicit != null) {
      explicitType(d);
      return explicit;
    }
    return d.typeIndex(inline());
  }
}
