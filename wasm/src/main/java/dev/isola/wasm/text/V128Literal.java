package dev.isola.wasm.text;

import dev.isola.wasm.Immediate;

/**
 * The operand of {@code v128.const}: a shape ({@code i8x16}, {@code i16x8}, {@code i32x4}, {@code i64x2},
 * {@code f32x4}, {@code f64x2}) and one literal per lane, packed little-endian.
 */
final class V128Literal {
  private V128Literal() {}

  static Immediate.V128 parse(Tokens in) {
    Token shape = in.peek();
    int lanes;
    switch (shape.kind() == Token.Kind.KEYWORD ? shape.text() : "") {
      case "i8x16" -> lanes = 16;
      case "i16x8" -> lanes = 8;
      case "i32x4", "f32x4" -> lanes = 4;
      case "i64x2", "f64x2" -> lanes = 2;
      default -> throw in.unexpected();
    }
    in.next();
    int width = 128 / lanes;
    boolean isFloat = shape.text().startsWith("f");
    // the reference interpreter counts the lanes before it reads them
    Token[] literals = new Token[lanes];
    for (int i = 0; i < lanes; i++) {
      if (!InstructionParser.isLiteral(in.peek())) {
        throw Tokens.error("wrong number of lane literals", in.peek());
      }
      literals[i] = in.next();
    }
    if (InstructionParser.isLiteral(in.peek())) {
      throw Tokens.error("wrong number of lane literals", in.peek());
    }
    byte[] bytes = new byte[16];
    for (int i = 0; i < lanes; i++) {
      Token t = literals[i];
      long v;
      if (isFloat) {
        v = width == 32 ? Literals.f32(t) : Literals.f64(t);
      } else {
        v = Literals.integer(t, width);
      }
      for (int b = 0; b < width / 8; b++) {
        bytes[i * width / 8 + b] = (byte) (v >>> (8 * b));
      }
    }
    long low = 0;
    long high = 0;
    for (int b = 7; b >= 0; b--) {
      low = low << 8 | (bytes[b] & 0xFF);
      high = high << 8 | (bytes[b + 8] & 0xFF);
    }
    return new Immediate.V128(low, high);
  }
}
