package dev.isola.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.isola.runtime.Value;
import org.junit.jupiter.api.Test;

class ValueParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ValueParser parser = new ValueParser();

  private static JsonNode node(String json) {
    try {
      return JSON.readTree(json.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private Value arg(String json) {
    return parser.arg(node(json));
  }

  private Expected expected(String json) {
    return parser.expected(node(json));
  }

  @Test
  void integersAreUnsignedBitPatterns() {
    assertEquals(Value.i32(-1), arg("{'type': 'i32', 'value': '4294967295'}"));
    assertEquals(Value.i32(Integer.MIN_VALUE), arg("{'type': 'i32', 'value': '2147483648'}"));
    assertEquals(Value.i64(-1), arg("{'type': 'i64', 'value': '18446744073709551615'}"));
    assertEquals(Value.i64(Long.MIN_VALUE), arg("{'type': 'i64', 'value': '9223372036854775808'}"));
  }

  @Test
  void floatsAreBitPatternsSoNanPayloadsSurvive() {
    assertEquals(Value.f32(1.0f), arg("{'type': 'f32', 'value': '1065353216'}"));
    assertEquals(new Value.F32(0x7fa00001), arg("{'type': 'f32', 'value': '2141192193'}"));
    assertEquals(Value.f64(1.0), arg("{'type': 'f64', 'value': '4607182418800017408'}"));
    assertEquals(new Value.F64(0xfff0000000000001L), arg("{'type': 'f64', 'value': '18442240474082181121'}"));
  }

  @Test
  void v128LanesPackLittleEndianLaneZeroLowest() {
    Value bytes = arg("{'type': 'v128', 'lane_type': 'i8', 'value': "
        + "['1','2','3','4','5','6','7','8','9','10','11','12','13','14','15','255']}");
    assertEquals(new Value.V128(0x0807060504030201L, 0xff0f0e0d0c0b0a09L), bytes);
    Value shorts = arg("{'type': 'v128', 'lane_type': 'i16', 'value': ['65535','0','0','0','1','0','0','32768']}");
    assertEquals(new Value.V128(0xffffL, 0x8000_0000_0000_0001L), shorts);
    Value longs = arg("{'type': 'v128', 'lane_type': 'i64', 'value': ['18446744073709551615','2']}");
    assertEquals(new Value.V128(-1L, 2L), longs);
    Value floats = arg("{'type': 'v128', 'lane_type': 'f32', 'value': ['1065353216','0','0','2147483648']}");
    assertEquals(new Value.V128(0x3f800000L, 0x8000_0000_0000_0000L), floats);
  }

  @Test
  void laneCountMustMatchShape() {
    assertThrows(IllegalArgumentException.class, () -> arg("{'type': 'v128', 'lane_type': 'i32', 'value': ['1','2']}"));
  }

  @Test
  void externrefNumbersAreOneObjectEach() {
    Value a = arg("{'type': 'externref', 'value': '1'}");
    Value b = arg("{'type': 'externref', 'value': '1'}");
    Value c = arg("{'type': 'externref', 'value': '2'}");
    Object one = ((Value.ExternRef) a).value();
    assertSame(one, ((Value.ExternRef) b).value());
    assertNotSame(one, ((Value.ExternRef) c).value());
    assertEquals(new Value.ExternRef(null), arg("{'type': 'externref', 'value': 'null'}"));
    assertEquals(new Value.FuncRef(null), arg("{'type': 'funcref', 'value': 'null'}"));
  }

  @Test
  void expectedExternrefMatchesOnlyTheSameObject() {
    Value one = arg("{'type': 'externref', 'value': '1'}");
    Expected want = expected("{'type': 'externref', 'value': '1'}");
    assertTrue(want.matches(one));
    assertFalse(want.matches(new Value.ExternRef(new Object())));
    assertFalse(want.matches(new Value.ExternRef(null)));
    assertTrue(expected("{'type': 'externref', 'value': 'null'}").matches(new Value.ExternRef(null)));
    assertFalse(expected("{'type': 'externref', 'value': 'null'}").matches(new Value.FuncRef(null)));
  }

  @Test
  void expectedNumbersCompareBitwise() {
    Expected zero = expected("{'type': 'f32', 'value': '0'}");
    assertTrue(zero.matches(Value.f32(0.0f)));
    assertFalse(zero.matches(Value.f32(-0.0f)), "-0.0 is not +0.0");
    Expected nan = expected("{'type': 'f64', 'value': '9221120237041090560'}"); // 0x7ff8000000000000
    assertTrue(nan.matches(new Value.F64(0x7ff8000000000000L)));
    assertFalse(nan.matches(new Value.F64(0xfff8000000000000L)), "a concrete NaN matches exactly");
    assertFalse(expected("{'type': 'i32', 'value': '0'}").matches(Value.i64(0)), "types must agree");
    assertFalse(expected("{'type': 'f32', 'value': '0'}").matches(Value.i32(0)), "types must agree");
  }

  @Test
  void expectedNanPatterns() {
    Expected canonical = expected("{'type': 'f32', 'value': 'nan:canonical'}");
    assertTrue(canonical.matches(new Value.F32(0x7fc00000)));
    assertTrue(canonical.matches(new Value.F32(0xffc00000)));
    assertFalse(canonical.matches(new Value.F32(0x7fc00001)));
    assertFalse(canonical.matches(new Value.F64(0x7ff8000000000000L)));
    Expected arithmetic = expected("{'type': 'f64', 'value': 'nan:arithmetic'}");
    assertTrue(arithmetic.matches(new Value.F64(0x7ff8000000000001L)));
    assertTrue(arithmetic.matches(new Value.F64(0xfff8000000000000L)));
    assertFalse(arithmetic.matches(new Value.F64(0x7ff4000000000000L)), "a signalling NaN is not arithmetic");
    assertFalse(arithmetic.matches(new Value.F64(0x7ff0000000000000L)), "infinity is not a NaN");
  }

  @Test
  void nanPredicates() {
    assertTrue(Expected.isCanonicalNan(0x7fc00000));
    assertTrue(Expected.isCanonicalNan(0xffc00000));
    assertFalse(Expected.isCanonicalNan(0x7fe00000));
    assertTrue(Expected.isArithmeticNan(0x7fe00000));
    assertTrue(Expected.isArithmeticNan(0xffffffff));
    assertFalse(Expected.isArithmeticNan(0x7f800001));
    assertTrue(Expected.isCanonicalNan(0xfff8000000000000L));
    assertFalse(Expected.isCanonicalNan(0x7ff8000000000001L));
    assertTrue(Expected.isArithmeticNan(0x7fffffffffffffffL));
    assertFalse(Expected.isArithmeticNan(0x7ff0000000000001L));
  }

  @Test
  void expectedV128LanesWithNanPatterns() {
    Expected want = expected("{'type': 'v128', 'lane_type': 'f32', 'value': "
        + "['nan:canonical', 'nan:arithmetic', '1065353216', '2147483648']}");
    assertTrue(want.matches(new Value.V128(0x7fe00000_ffc00000L, 0x80000000_3f800000L)));
    assertFalse(want.matches(new Value.V128(0x7fe00000_ffc00001L, 0x80000000_3f800000L)), "lane 0 not canonical");
    assertFalse(want.matches(new Value.V128(0x7fa00000_7fc00000L, 0x80000000_3f800000L)), "lane 1 not arithmetic");
    assertFalse(want.matches(new Value.V128(0x7fc00000_7fc00000L, 0x3f800000L)), "lane 3 is -0.0");
    assertFalse(want.matches(Value.i32(0)));
    Expected ints = expected("{'type': 'v128', 'lane_type': 'i16', 'value': ['1','2','3','4','5','6','7','65535']}");
    assertTrue(ints.matches(new Value.V128(0x0004_0003_0002_0001L, 0xffff_0007_0006_0005L)));
    assertFalse(ints.matches(new Value.V128(0x0004_0003_0002_0001L, 0x7fff_0007_0006_0005L)));
  }

  @Test
  void nanPatternsAreNotAllowedInIntegerLanes() {
    assertThrows(NumberFormatException.class,
        () -> expected("{'type': 'v128', 'lane_type': 'i32', 'value': ['nan:canonical','0','0','0']}"));
  }

  @Test
  void laneShapeReadsBackWhatItPacks() {
    for (LaneShape shape : LaneShape.values()) {
      long[] lanes = new long[shape.count()];
      for (int i = 0; i < lanes.length; i++) {
        lanes[i] = (0x8000_0000_0000_0000L | (i * 0x0101_0101_0101_0101L + 7)) >>> (64 - shape.bits());
      }
      Value.V128 v = shape.pack(lanes);
      for (int i = 0; i < lanes.length; i++) {
        assertEquals(lanes[i], shape.lane(v, i), shape + " lane " + i);
      }
    }
  }

  @Test
  void failureTextShowsBitsAndMeaning() {
    assertEquals("i32:0xffffffff(-1)", ValueText.show(Value.i32(-1)));
    assertEquals("f32:0x3f800000(1.0)", ValueText.show(Value.f32(1.0f)));
    assertEquals("v128:0x00000000000000020000000000000001", ValueText.show(new Value.V128(1, 2)));
    Expected lanes = expected("{'type': 'v128', 'lane_type': 'i32', 'value': ['1','0','2','0']}");
    assertEquals("v128:i32[0x1 0x0 0x2 0x0]", ValueText.show(new Value.V128(1, 2), lanes));
  }
}
