package dev.isola.wasm.text;

/**
 * One token: its kind, its text as written, the bytes of a string literal ({@code null} for other kinds) and
 * where it starts.
 */
record Token(Kind kind, String text, byte[] bytes, int line, int column) {
  enum Kind {
    LPAREN,
    RPAREN,
    KEYWORD,
    ID,
    NUMBER,
    STRING,
    RESERVED,
    EOF
  }

  boolean is(Kind k, String t) {
    return kind == k && text.equals(t);
  }

  boolean isKeyword(String t) {
    return kind == Kind.KEYWORD && text.equals(t);
  }

  @Override
  public String toString() {
    return kind == Kind.EOF ? "end of text" : text;
  }
}
