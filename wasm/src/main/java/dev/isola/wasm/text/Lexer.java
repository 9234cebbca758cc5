package dev.isola.wasm.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into tokens (spec 6.3): parentheses, keywords, identifiers, strings, numbers, and reserved
 * tokens (anything else made of identifier characters, which no rule accepts). Comments and white space are
 * dropped here. The whole text is lexed up front: a module is small next to the heap, and the parser's first
 * pass needs to look ahead over whole fields.
 */
final class Lexer {
  private final String s;
  private int pos;
  private int line = 1;
  private int lineStart;
  private final List<Token> tokens = new ArrayList<>();

  private Lexer(String s) {
    this.s = s;
  }

  static List<Token> tokens(String text) {
    Lexer lexer = new Lexer(text);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (true) {
      skipSpaceAndComments();
      if (pos >= s.length()) {
        tokens.add(new Token(Token.Kind.EOF, "", null, line, col(pos)));
        return;
      }
      int start = pos;
      int startLine = line;
      int startCol = col(pos);
      char c = s.charAt(pos);
      if (c == '(') {
        pos++;
        tokens.add(new Token(Token.Kind.LPAREN, "(", null, startLine, startCol));
      } else if (c == ')') {
        pos++;
        tokens.add(new Token(Token.Kind.RPAREN, ")", null, startLine, startCol));
      } else if (c == '"') {
        byte[] value = string();
        if (pos < s.length() && (!isDelimiter(s.charAt(pos)) || s.charAt(pos) == '"')) {
          throw error("unknown operator", startLine, startCol);
        }
        tokens.add(new Token(Token.Kind.STRING, s.substring(start, pos), value, startLine, startCol));
      } else {
        boolean idchars = true;
        while (pos < s.length() && !isDelimiter(s.charAt(pos))) {
          idchars &= isIdChar(s.charAt(pos));
          pos++;
        }
        if (pos < s.length() && s.charAt(pos) == '"') {
          throw error("unknown operator", startLine, startCol);
        }
        if (pos == start) {
          throw error("unexpected character", startLine, startCol);
        }
        String text = s.substring(start, pos);
        tokens.add(new Token(kind(text, idchars), text, null, startLine, startCol));
      }
    }
  }

  private static Token.Kind kind(String text, boolean idchars) {
    if (!idchars) {
      return Token.Kind.RESERVED;
    }
    char c = text.charAt(0);
    if (c == '$') {
      return text.length() > 1 ? Token.Kind.ID : Token.Kind.RESERVED;
    }
    if (c >= 'a' && c <= 'z') {
      return Token.Kind.KEYWORD;
    }
    if (c >= '0' && c <= '9' || c == '+' || c == '-') {
      return Token.Kind.NUMBER;
    }
    return Token.Kind.RESERVED;
  }

  /** Ends a keyword, number, identifier or reserved token. */
  private boolean isDelimiter(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')' || c == '"'
        || c == ';' && pos + 1 < s.length() && s.charAt(pos + 1) == ';';
  }

  static boolean isIdChar(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || "!#$%&'*+-./:<=>?@\\^_`|~"
        .indexOf(c) >= 0;
  }

  private void skipSpaceAndComments() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '\n') {
        newline(++pos);
      } else if (c == ';' && next(1) == ';') {
        // a line comment ends at any newline: LF, CR or CR LF
        while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
          pos++;
        }
      } else if (c == '(' && next(1) == ';') {
        blockComment();
      } else {
        return;
      }
    }
  }

  /** Block comments nest: {@code (; (; ;) ;)} is one comment. */
  private void blockComment() {
    int startLine = line;
    int startCol = col(pos);
    int depth = 0;
    do {
      if (pos >= s.length()) {
        throw error("unclosed comment", startLine, startCol);
      }
      char c = s.charAt(pos);
      if (c == '(' && next(1) == ';') {
        depth++;
        pos += 2;
      } else if (c == ';' && next(1) == ')') {
        depth--;
        pos += 2;
      } else {
        pos++;
        if (c == '\n') {
          newline(pos);
        }
      }
    } while (depth > 0);
  }

  /** A string literal's bytes: characters as UTF-8, escapes as the bytes or code point they name. */
  private byte[] string() {
    int startLine = line;
    int startCol = col(pos);
    pos++;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      if (pos >= s.length()) {
        throw error("unclosed string", startLine, startCol);
      }
      char c = s.charAt(pos);
      if (c == '"') {
        pos++;
        return out.toByteArray();
      }
      if (c == '\n' || c < 0x20 || c == 0x7F) {
        throw error("illegal control character in string", line, col(pos));
      }
      if (c != '\\') {
        int cp = s.codePointAt(pos);
        pos += Character.charCount(cp);
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      int escLine = line;
      int escCol = col(pos);
      pos++;
      char e = pos < s.length() ? s.charAt(pos) : 0;
      pos++;
      switch (e) {
        case 't' -> out.write('\t');
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case '"' -> out.write('"');
        case '\'' -> out.write('\'');
        case '\\' -> out.write('\\');
        case 'u' -> {
          if (next(0) != '{') {
            throw error("illegal escape", escLine, escCol);
          }
          int close = s.indexOf('}', pos);
          String hex = close < 0 ? "" : s.substring(pos + 1, close).replace("_", "");
          if (close < 0 || hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(Lexer::isHex)
              || s.substring(pos + 1, close).startsWith("_") || s.substring(pos + 1, close).endsWith("_")) {
            throw error("illegal escape", escLine, escCol);
          }
          long cp = Long.parseLong(hex, 16);
          if (cp >= 0x110000 || cp >= 0xD800 && cp < 0xE000) {
            throw error("illegal escape", escLine, escCol);
          }
          out.writeBytes(new String(Character.toChars((int) cp)).getBytes(StandardCharsets.UTF_8));
          pos = close + 1;
        }
        default -> {
          char e2 = next(0);
          if (!isHex(e) || !isHex(e2)) {
            throw error("illegal escape", escLine, escCol);
          }
          out.write(Character.digit(e, 16) * 16 + Character.digit(e2, 16));
          pos++;
        }
      }
    }
  }

  static boolean isHex(int c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private char next(int k) {
    return pos + k < s.length() ? s.charAt(pos + k) : 0;
  }

  private void newline(int at) {
    line++;
    lineStart = at;
  }

  private int col(int at) {
    return at - lineStart + 1;
  }

  private static TextFormatException error(String reason, int line, int col) {
    return new TextFormatException(reason, line, col);
  }
}
