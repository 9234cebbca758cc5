package dev.isola.wasm.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code .wast} script into its top-level S-expressions (test code only): parentheses are counted
 * outside strings and comments. Each expression keeps its text and the line it starts on, which is what the
 * testsuite's JSON names as a command's {@code line}: wast2json gives the line of the head keyword, which
 * may follow the parenthesis after comments and line breaks.
 */
record SExpressions(String text, int line, int start) {
  static List<SExpressions> split(String s) {
    List<SExpressions> out = new ArrayList<>();
    int line = 1;
    int depth = 0;
    int start = -1;
    int startLine = 0;
    int headLine = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c == ';' && i + 1 < s.length() && s.charAt(i + 1) == ';') {
        while (i + 1 < s.length() && s.charAt(i + 1) != '\n') {
          i++;
        }
      } else if (c == '(' && i + 1 < s.length() && s.charAt(i + 1) == ';') {
        int nest = 0;
        do {
          if (s.startsWith("(;", i)) {
            nest++;
            i += 2;
          } else if (s.startsWith(";)", i)) {
            nest--;
            i += 2;
          } else {
            if (s.charAt(i) == '\n') {
              line++;
            }
            i++;
          }
        } while (nest > 0 && i < s.length());
        i--;
      } else if (c == '"') {
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
          if (s.charAt(i) == '\\') {
            i++;
          }
          i++;
        }
      } else if (depth == 1 && headLine < 0 && !Character.isWhitespace(c) && c != '(') {
        headLine = line;
        startLine = line;
        if (c == ')') {
          depth--;
          out.add(new SExpressions(s.substring(start, i + 1), startLine, start));
          headLine = -1;
        }
      } else if (c == '(') {
        if (depth == 0) {
          start = i;
          startLine = line;
        }
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          out.add(new SExpressions(s.substring(start, i + 1), startLine, start));
          headLine = -1;
        }
      }
    }
    return out;
  }

  /** The head keyword: {@code module}, {@code assert_invalid}, ... */
  String head() {
    int i = 1;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    int j = i;
    while (j < text.length() && !Character.isWhitespace(text.charAt(j)) && text.charAt(j) != '('
        && text.charAt(j) != ')') {
      j++;
    }
    return text.substring(i, j);
  }

  /** The direct sub-expressions. */
  List<SExpressions> children() {
    return split(text.substring(1, text.length() - 1)).stream()
        .map(c -> new SExpressions(c.text(), line + c.line() - 1, start + 1 + c.start()))
        .toList();
  }
}
