package dev.isola.wasm.text;

import dev.isola.wasm.OpCode;
import dev.isola.wasm.ValType;
import java.util.HashSet;
import java.util.Set;

/**
 * The words of the text format: instruction names from {@link OpCode}, type names, and the syntax keywords.
 * Only used to word errors as the reference interpreter does (see {@link Tokens#unexpected()}).
 */
final class Keywords {
  private static final Set<String> KNOWN = new HashSet<>(Set.of(
      "module", "type", "func", "param", "result", "local", "import", "export", "table", "memory", "global",
      "elem", "data", "start", "offset", "item", "declare", "mut", "then", "extern", "binary", "quote",
      "i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2", "inf", "nan", "nan:canonical", "nan:arithmetic", "register", "invoke", "get",
      "assert_return", "assert_trap", "assert_invalid", "assert_malformed", "assert_unlinkable",
      "assert_exhaustion", "assert_uninstantiable"));

  static {
    for (OpCode op : OpCode.values()) {
      KNOWN.add(op.textName());
    }
    for (ValType t : ValType.values()) {
      KNOWN.add(t.textName());
    }
  }

  private Keywords() {}

  /** Whether the reference interpreter's lexer knows {@code word}. */
  static boolean isKnown(String word) {
    if (KNOWN.contains(word)) {
      return true;
    }
    int eq = word.indexOf('=');
    if (word.startsWith("offset=") || word.startsWith("align=")) {
      return Literals.unsigned(word.substring(eq + 1), 64) != -2;
    }
    return word.startsWith("nan:0x") && Literals.isFloat(new Token(Token.Kind.KEYWORD, word, null, 0, 0));
  }
}
