package dev.isola.wasm.text;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Number literals (spec 6.3.1): integers in decimal or hex with {@code _} between digits, and floats in
 * decimal or hex, {@code inf}, {@code nan} and {@code nan:0x...}. Floats are rounded exactly once, to nearest
 * even: decimal ones by the JDK's correctly rounded parsers, hex ones here from the exact binary value (a hex
 * literal may have more digits than a double holds, and rounding it through a double first would round
 * twice). A literal that rounds to infinity is out of range, as in the reference interpreter.
 */
final class Literals {
  private static final String DEC = "[0-9](?:_?[0-9])*";
  private static final String HEX = "[0-9a-fA-F](?:_?[0-9a-fA-F])*";
  private static final Pattern INT = Pattern.compile("[+-]?(?:" + DEC + "|0x" + HEX + ")");
  private static final Pattern DEC_FLOAT =
      Pattern.compile("[+-]?" + DEC + "(?:\\.(?:" + DEC + ")?)?(?:[eE][+-]?" + DEC + ")?");
  private static final Pattern HEX_FLOAT =
      Pattern.compile("[+-]?0x(" + HEX + ")(?:\\.(" + HEX + ")?)?(?:[pP]([+-]?" + DEC + "))?");
  private static final Pattern NAN = Pattern.compile("[+-]?nan(?::0x(" + HEX + "))?");

  private Literals() {}

  static boolean isInteger(Token t) {
    return t.kind() == Token.Kind.NUMBER && INT.matcher(t.text()).matches();
  }

  /**
   * An {@code iN} literal as its two's complement bits. Unsigned literals go up to 2^N-1, signed ones from
   * -2^(N-1) to 2^(N-1)-1.
   */
  static long integer(Token t, int bits) {
    BigInteger v = bigInteger(t);
    char sign = t.text().charAt(0);
    BigInteger limit = BigInteger.ONE.shiftLeft(sign == '-' || sign == '+' ? bits - 1 : bits);
    boolean ok = sign == '-' ? v.negate().compareTo(limit) <= 0 : v.compareTo(limit) < 0;
    if (!ok) {
      throw new TextFormatException("constant out of range", t.line(), t.column());
    }
    return v.longValue();
  }

  /** An unsigned literal (index, offset, alignment, lane); {@code -1} if it does not fit in {@code bits}. */
  static long unsigned(Token t, int bits) {
    if (!isInteger(t)) {
      throw Tokens.unexpected(t);
    }
    if (t.text().startsWith("+") || t.text().startsWith("-")) {
      throw new TextFormatException("unexpected token", t.line(), t.column());
    }
    BigInteger v = bigInteger(t);
    return v.bitLength() > bits ? -1 : v.longValue();
  }

  /** Parses the integer after a prefix such as {@code offset=}; -1 if it is not an unsigned integer. */
  static long unsigned(String digits, int bits) {
    if (!INT.matcher(digits).matches() || digits.startsWith("+") || digits.startsWith("-")) {
      return -2;
    }
    BigInteger v = parse(digits);
    return v.bitLength() > bits ? -1 : v.longValue();
  }

  private static BigInteger bigInteger(Token t) {
    if (!isInteger(t)) {
      throw Tokens.unexpected(t);
    }
    return parse(t.text());
  }

  /** The signed value of a well-formed integer literal. */
  private static BigInteger parse(String text) {
    String s = text.replace("_", "");
    boolean negative = s.startsWith("-");
    if (s.startsWith("-") || s.startsWith("+")) {
      s = s.substring(1);
    }
    BigInteger v = s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
    return negative ? v.negate() : v;
  }

  static boolean isFloat(Token t) {
    if (t.kind() != Token.Kind.NUMBER && t.kind() != Token.Kind.KEYWORD) {
      return false;
    }
    String s = t.text();
    String u = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    return u.equals("inf") || NAN.matcher(s).matches() || DEC_FLOAT.matcher(s).matches()
        || HEX_FLOAT.matcher(s).matches();
  }

  static int f32(Token t) {
    return (int) floatBits(t, 23, 8);
  }

  static long f64(Token t) {
    return floatBits(t, 52, 11);
  }

  private static long floatBits(Token t, int mantBits, int expBits) {
    if (!isFloat(t)) {
      throw Tokens.unexpected(t);
    }
    String s = t.text();
    boolean negative = s.startsWith("-");
    long signBit = negative ? 1L << (mantBits + expBits) : 0;
    String u = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    long expMask = (1L << expBits) - 1;
    if (u.equals("inf")) {
      return signBit | expMask << mantBits;
    }
    if (u.startsWith("nan")) {
      long payload = 1L << (mantBits - 1);
      if (u.length() > 3) {
        BigInteger p = new BigInteger(u.substring(6).replace("_", ""), 16);
        if (p.signum() == 0 || p.bitLength() > mantBits) {
          throw new TextFormatException("constant out of range", t.line(), t.column());
        }
        payload = p.longValue();
      }
      return signBit | expMask << mantBits | payload;
    }
    long bits;
    var hex = HEX_FLOAT.matcher(s);
    if (hex.matches()) {
      bits = hexBits(hex.group(1), hex.group(2), hex.group(3), mantBits, expBits, t);
    } else {
      String clean = u.replace("_", "");
      bits = mantBits == 23
          ? Float.floatToRawIntBits(Float.parseFloat(clean)) & 0xFFFFFFFFL
          : Double.doubleToRawLongBits(Double.parseDouble(clean));
      if ((bits >>> mantBits & expMask) == expMask) {
        throw new TextFormatException("constant out of range", t.line(), t.column());
      }
    }
    return signBit | bits;
  }

  /** The bits of the positive value {@code 0x int.frac p exp}, rounded to nearest even. */
  private static long hexBits(String intPart, String fracPart, String expPart, int mantBits, int expBits,
      Token t) {
    String frac = fracPart == null ? "" : fracPart.replace("_", "");
    BigInteger m = new BigInteger(intPart.replace("_", "") + frac, 16);
    long exp = 0;
    if (expPart != null) {
      String e = expPart.replace("_", "").replace("+", "");
      // Exponents beyond a few thousand overflow or underflow every format; clamp to keep arithmetic small.
      exp = e.length() > 9 ? (e.startsWith("-") ? -1_000_000_000L : 1_000_000_000L) : Long.parseLong(e);
    }
    if (m.signum() == 0) {
      return 0;
    }
    long e2 = exp - 4L * frac.length(); // value = m * 2^e2
    int bias = (1 << (expBits - 1)) - 1;
    long top = m.bitLength() - 1 + e2; // exponent of the leading bit
    long minNormal = 1 - bias;
    long quantum = Math.max(top, minNormal) - mantBits; // exponent of the last mantissa bit
    long shift = quantum - e2;
    BigInteger q;
    if (shift > 0) {
      if (shift > m.bitLength() + 1) {
        q = BigInteger.ZERO; // below half the smallest step: rounds to zero
      } else {
        q = m.shiftRight((int) shift);
        boolean half = m.testBit((int) shift - 1);
        boolean rest = m.getLowestSetBit() < shift - 1;
        if (half && (rest || q.testBit(0))) {
          q = q.add(BigInteger.ONE);
        }
      }
    } else {
      q = m.shiftLeft((int) -shift);
    }
    if (q.bitLength() > mantBits + 1) { // rounding carried into a new leading bit
      q = q.shiftRight(1);
      quantum++;
    }
    long mant = q.longValue();
    if (q.bitLength() <= mantBits) {
      return mant; // subnormal or zero
    }
    long biased = quantum + mantBits + bias;
    if (biased >= (1L << expBits) - 1) {
      throw new TextFormatException("constant out of range", t.line(), t.column());
    }
    return biased << mantBits | (mant & ((1L << mantBits) - 1));
  }
}
