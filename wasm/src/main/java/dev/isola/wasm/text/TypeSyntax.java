package dev.isola.wasm.text;

import dev.isola.wasm.GlobalType;
import dev.isola.wasm.Limits;
import dev.isola.wasm.TableType;
import dev.isola.wasm.ValType;
import java.util.List;

/** The type grammar of the text format (spec 6.4): value, reference, function, table, memory, global types. */
final class TypeSyntax {
  private TypeSyntax() {}

  static boolean isValType(Token t) {
    return t.kind() == Token.Kind.KEYWORD && valTypeOrNull(t.text()) != null;
  }

  static ValType valType(Tokens in) {
    ValType t = valTypeOrNull(in.peek().text());
    if (in.peek().kind() != Token.Kind.KEYWORD || t == null) {
      throw in.unexpected();
    }
    in.next();
    return t;
  }

  private static ValType valTypeOrNull(String text) {
    for (ValType t : ValType.values()) {
      if (t.textName().equals(text)) {
        return t;
      }
    }
    return null;
  }

  static boolean isRefType(Token t) {
    return t.isKeyword("funcref") || t.isKeyword("externref");
  }

  static ValType refType(Tokens in) {
    if (!isRefType(in.peek())) {
      throw in.unexpected();
    }
    return in.next().isKeyword("funcref") ? ValType.FUNCREF : ValType.EXTERNREF;
  }

  /** The heap type after {@code ref.null}. */
  static ValType heapType(Tokens in) {
    if (in.atKeyword("func")) {
      in.next();
      return ValType.FUNCREF;
    }
    if (in.atKeyword("extern")) {
      in.next();
      return ValType.EXTERNREF;
    }
    throw in.unexpected();
  }

  /**
   * {@code (param ...)*} then {@code (result ...)*}. A named parameter declares one type; its name (or
   * {@code null}) is added to {@code names} if that is not {@code null}.
   */
  static void paramsAndResults(Tokens in, List<ValType> params, List<String> names, List<ValType> results,
      boolean namesAllowed) {
    while (in.atField("param")) {
      in.next();
      in.next();
      if (in.at(Token.Kind.ID)) {
        if (!namesAllowed) {
          throw in.unexpected();
        }
        String id = in.next().text();
        params.add(valType(in));
        if (names != null) {
          names.add(id);
        }
      } else {
        while (!in.at(Token.Kind.RPAREN)) {
          params.add(valType(in));
          if (names != null) {
            names.add(null);
          }
        }
      }
      in.rparen();
    }
    results(in, results);
    if (in.atField("param")) {
      throw Tokens.error("unexpected token", in.peek(1));
    }
  }

  static void results(Tokens in, List<ValType> results) {
    while (in.atField("result")) {
      in.next();
      in.next();
      while (!in.at(Token.Kind.RPAREN)) {
        results.add(valType(in));
      }
      in.rparen();
    }
  }

  static Limits limits(Tokens in) {
    long min = u32(in);
    long max = IndexSpace.isIndex(in.peek()) && in.at(Token.Kind.NUMBER) ? u32(in) : Limits.NO_MAX;
    return new Limits(min, max);
  }

  private static long u32(Tokens in) {
    Token t = in.expect(Token.Kind.NUMBER);
    long v = Literals.unsigned(t, 32);
    if (v < 0) {
      throw Tokens.error("i32 constant out of range", t);
    }
    return v;
  }

  static TableType tableType(Tokens in) {
    Limits limits = limits(in);
    return new TableType(refType(in), limits);
  }

  static GlobalType globalType(Tokens in) {
    if (in.openField("mut")) {
      ValType t = valType(in);
      in.rparen();
      return new GlobalType(t, true);
    }
    return new GlobalType(valType(in), false);
  }
}
