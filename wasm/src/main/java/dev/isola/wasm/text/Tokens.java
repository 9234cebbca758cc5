package dev.isola.wasm.text;

import java.util.List;

/** A cursor over the tokens of a text, with the checks every parser needs ("unexpected token" otherwise). */
final class Tokens {
  private final List<Token> tokens;
  private int pos;

  Tokens(List<Token> tokens) {
    this.tokens = tokens;
  }

  int position() {
    return pos;
  }

  void seek(int position) {
    pos = position;
  }

  Token peek() {
    return tokens.get(pos);
  }

  Token peek(int k) {
    return tokens.get(Math.min(pos + k, tokens.size() - 1));
  }

  Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Token.Kind.EOF) {
      pos++;
    }
    return t;
  }

  boolean at(Token.Kind kind) {
    return peek().kind() == kind;
  }

  boolean atKeyword(String keyword) {
    return peek().isKeyword(keyword);
  }

  /** Whether the next tokens are {@code (keyword}. */
  boolean atField(String keyword) {
    return peek().kind() == Token.Kind.LPAREN && peek(1).isKeyword(keyword);
  }

  Token expect(Token.Kind kind) {
    if (peek().kind() != kind) {
      throw unexpected();
    }
    return next();
  }

  void expectKeyword(String keyword) {
    if (!atKeyword(keyword)) {
      throw unexpected();
    }
    next();
  }

  void lparen() {
    expect(Token.Kind.LPAREN);
  }

  void rparen() {
    expect(Token.Kind.RPAREN);
  }

  /** Consumes {@code (keyword} if it comes next. */
  boolean openField(String keyword) {
    if (atField(keyword)) {
      pos += 2;
      return true;
    }
    return false;
  }

  /** The identifier if one comes next, else {@code null}. */
  String optionalId() {
    return at(Token.Kind.ID) ? next().text() : null;
  }

  /** Skips to just after the parenthesis that closes the one just opened. */
  void skipToClose() {
    int depth = 1;
    while (depth > 0) {
      Token t = next();
      switch (t.kind()) {
        case LPAREN -> depth++;
        case RPAREN -> depth--;
        case EOF -> throw error("unexpected end of text", t);
        default -> {}
      }
    }
  }

  /**
   * The error for a token that no rule accepts here. As in the reference interpreter, whose lexer only knows
   * the words of the language, a word it does not know is an "unknown operator"; a known one in the wrong
   * place is an "unexpected token".
   */
  TextFormatException unexpected() {
    return unexpected(peek());
  }

  static TextFormatException unexpected(Token t) {
    return switch (t.kind()) {
      case RESERVED -> error("unknown operator", t);
      case NUMBER -> Literals.isInteger(t) || Literals.isFloat(t)
          ? error("unexpected token", t)
          : error("unknown operator", t);
      case KEYWORD -> Keywords.isKnown(t.text())
          ? error("unexpected token", t)
          : error("unknown operator " + t.text(), t);
      default -> error("unexpected token", t);
    };
  }

  static TextFormatException error(String reason, Token at) {
    return new TextFormatException(reason, at.line(), at.column());
  }
}
