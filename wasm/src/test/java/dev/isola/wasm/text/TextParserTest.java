package dev.isola.wasm.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isola.wasm.BlockType;
import dev.isola.wasm.DataSegment;
import dev.isola.wasm.ElementSegment;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.Feature;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.ImportDesc;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.Limits;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.binary.ModuleDecoder;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextParserTest {
  private static WasmModule parse(String text) {
    return TextParser.parseModule(text, Set.of());
  }

  private static Instruction first(String body) {
    return parse("(func " + body + ")").code().getFirst().instructions().getFirst();
  }

  private static TextFormatException error(String text) {
    return assertThrows(TextFormatException.class, () -> parse(text));
  }

  @ParameterizedTest
  @CsvSource({
    // value, expected bits: ties go to even, long hex mantissas round once
    "0x1.000001p0, 0x3f800000",
    "0x1.0000011p0, 0x3f800001",
    "0x1.000003p0, 0x3f800002",
    "0x1p-149, 0x00000001",
    "0x1p-150, 0x00000000",
    "0x1.000002p-150, 0x00000001",
    "0x1.fffffep127, 0x7f7fffff",
    "-0x1.fffffe7p127, 0xff7fffff",
    "1e38, 0x7e967699",
    "-nan:0x200000, 0xffa00000",
    "nan, 0x7fc00000",
    "-inf, 0xff800000",
    "1_000.5, 0x447a2000",
  })
  void f32Literals(String literal, String bits) {
    Instruction i = first("f32.const " + literal + " drop");
    assertEquals(Integer.parseUnsignedInt(bits.substring(2), 16), ((Immediate.F32) i.immediate()).bits());
  }

  @Test
  void f64HexLiteralRoundsOnceFromItsExactValue() {
    Instruction tie = first("f64.const 0x1.00000000000008p0 drop");
    assertEquals(0x3FF0000000000000L, ((Immediate.F64) tie.immediate()).bits());
    Instruction above = first("f64.const 0x1.000000000000080001p0 drop");
    assertEquals(0x3FF0000000000001L, ((Immediate.F64) above.immediate()).bits());
    Instruction longMantissa = first("f64.const 0x0123456789ABCDEFabcdef drop");
    assertEquals(Double.doubleToRawLongBits(0x0123456789ABCDEFabcdefp0), ((Immediate.F64) longMantissa.immediate())
        .bits());
  }

  @ParameterizedTest
  @CsvSource({"0x1.ffffffp127", "1e39", "0x1p128", "nan:0x0", "nan:0x800000"})
  void f32OutOfRange(String literal) {
    assertEquals("constant out of range", error("(func f32.const " + literal + " drop)").reason());
  }

  @Test
  void integerLiterals() {
    assertEquals(-1, ((Immediate.I32) first("i32.const 0xffff_ffff drop").immediate()).value());
    assertEquals(Integer.MIN_VALUE, ((Immediate.I32) first("i32.const -0x8000_0000 drop").immediate()).value());
    assertEquals(Long.MIN_VALUE, ((Immediate.I64) first("i64.const -9223372036854775808 drop").immediate()).value());
    assertEquals("constant out of range", error("(func i32.const 0x1_0000_0000 drop)").reason());
    assertEquals("constant out of range", error("(func i32.const -0x8000_0001 drop)").reason());
    assertEquals("unknown operator", error("(func i32.const 1__0 drop)").reason());
    assertEquals("unexpected token", error("(func i32.const 1.5 drop)").reason());
  }

  @Test
  void errorsSayWhereWithLineAndColumn() {
    TextFormatException e = error("(module\n  (func\n    i32.foo))");
    assertEquals("unknown operator i32.foo", e.reason());
    assertEquals(3, e.line());
    assertEquals(5, e.column());
    assertEquals("3:5: unknown operator i32.foo", e.getMessage());
  }

  @Test
  void implicitTypesFollowExplicitOnesInOrderOfUse() {
    WasmModule m = parse("(func (param i32)) (type (func)) (func) (func (param i32)) (func (result i64 i64))");
    assertEquals(List.of(FuncType.of(List.of(), List.of()), FuncType.of(List.of(ValType.I32), List.of()),
        FuncType.of(List.of(), List.of(ValType.I64, ValType.I64))), m.types());
    assertEquals(List.of(1, 0, 1, 2), m.functionTypes());
  }

  @Test
  void namesResolveForwardAndLabelsByDepth() {
    WasmModule m = parse("""
        (func $f (param $x i32) (local $y i64)
          (block $outer (result i32)
            (block $inner
              (br_if $outer (local.get $x) (call $g))
              (br $inner))
            (i32.const 1)))
        (func $g (result i32) i32.const 0)""");
    List<Instruction> code = m.code().getFirst().instructions();
    assertEquals(new Instruction(OpCode.BLOCK, new Immediate.Block(new BlockType.Value(ValType.I32))), code.get(0));
    assertEquals(OpCode.LOCAL_GET, code.get(2).opcode());
    assertEquals(new Immediate.Index(0), code.get(2).immediate());
    assertEquals(new Instruction(OpCode.CALL, new Immediate.Index(1)), code.get(3));
    assertEquals(new Instruction(OpCode.BR_IF, new Immediate.Index(1)), code.get(4));
    assertEquals(new Instruction(OpCode.BR, new Immediate.Index(0)), code.get(5));
    assertEquals(List.of(ValType.I64), m.code().getFirst().locals());
  }

  @Test
  void identifiersBecomeNamesButNoNameSection() {
    WasmModule m = parse("(module $mod (func $imp (import \"m\" \"f\")) (func $f (param $a i32) (local i32) (local $b i32)))");
    assertEquals(java.util.Optional.of("mod"), m.names().moduleName());
    assertEquals(java.util.Map.of(0, "imp", 1, "f"), m.names().functionNames());
    assertEquals(java.util.Map.of(1, java.util.Map.of(0, "a", 2, "b")), m.names().localNames());
    assertEquals(List.of(), m.customSections());
  }

  @Test
  void labelErrors() {
    assertEquals("mismatching label", error("(func block $a end $b)").reason());
    assertEquals("unknown label $c", error("(func block $a br $c end)").reason());
    assertEquals("duplicate local $x", error("(func (param $x i32) (local $x i32))").reason());
    assertEquals("inline function type",
        error("(type (func (param i32))) (func (type 0) (param i64))").reason());
    assertEquals("import after function", error("(func) (import \"m\" \"f\" (func))").reason());
    assertEquals("alignment must be a power of two",
        error("(memory 1) (func (drop (i32.load align=3 (i32.const 0))))").reason());
    assertEquals("i32 constant out of range",
        error("(memory 1) (func (drop (i32.load offset=0x1_0000_0000 (i32.const 0))))").reason());
  }

  @Test
  void inlineImportsExportsAndSegments() {
    WasmModule m = parse("""
        (func $imp (import "env" "f") (param i32))
        (memory (export "mem") (data "ab" "\\63\\u{64}"))
        (table $t (export "tab") funcref (elem $imp $imp))
        (global (export "g") (mut i32) (i32.const 7))""");
    assertEquals(new ImportDesc.Func(0), m.imports().getFirst().desc());
    assertEquals(new Limits(1, 1), m.memories().getFirst().limits());
    DataSegment data = m.data().getFirst();
    assertArrayEquals("abcd".getBytes(StandardCharsets.US_ASCII), data.bytes());
    assertEquals(new Limits(2, 2), m.tables().getFirst().limits());
    ElementSegment elem = m.elements().getFirst();
    assertInstanceOf(ElementSegment.Active.class, elem.mode());
    assertEquals(2, elem.init().size());
    assertEquals(List.of(ExternKind.MEMORY, ExternKind.TABLE, ExternKind.GLOBAL),
        m.exports().stream().map(e -> e.kind()).toList());
    Validator.validate(m, Set.of());
  }

  @Test
  void simdShapesAndLanes() {
    Instruction c = first("v128.const i32x4 1 2 0xffffffff -1 drop");
    assertEquals(new Immediate.V128(0x0000000200000001L, 0xFFFFFFFFFFFFFFFFL), c.immediate());
    Instruction f = first("v128.const f64x2 1.0 -0x0p0 drop");
    assertEquals(new Immediate.V128(0x3FF0000000000000L, 0x8000000000000000L), f.immediate());
    assertEquals("wrong number of lane literals", error("(func v128.const i16x8 1 2 3 drop)").reason());
    assertEquals("malformed lane index",
        error("(func (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 256 (v128.const i64x2 0 0)"
            + " (v128.const i64x2 0 0)) drop)").reason());
  }

  @Test
  void moduleBinaryAndQuoteForms() {
    WasmModule binary = parse("(module $m binary \"\\00asm\" \"\\01\\00\\00\\00\")");
    assertEquals(List.of(), binary.types());
    WasmModule quoted = parse("(module quote \"(func (export \\\"f\\\"))\")");
    assertEquals("f", quoted.exports().getFirst().name());
  }

  @Test
  void commentsNestAndLineCommentsEndAtAnyNewline() {
    WasmModule m = parse("(; a (; nested ;) ;) (module ;; line\r(func) (;x;))");
    assertEquals(1, m.code().size());
    assertEquals("unclosed comment", error("(module (; (; ;) )").reason());
  }

  @Test
  void namesMustBeUtf8AndSoMustTheText() {
    assertEquals("malformed UTF-8 encoding", error("(func (export \"\\ff\"))").reason());
    TextFormatException e = assertThrows(TextFormatException.class,
        () -> TextParser.parseModule(new byte[] {'(', 'f', 'u', 'n', 'c', (byte) 0xC0, ')'}, Set.of()));
    assertEquals("malformed UTF-8 encoding", e.reason());
  }

  @Test
  void tailCallsNeedTheirFeature() {
    String text = "(func $f (return_call $f))";
    assertEquals("unknown operator return_call", error(text).reason());
    WasmModule m = TextParser.parseModule(text, Set.of(Feature.TAIL_CALL));
    assertEquals(OpCode.RETURN_CALL, m.code().getFirst().instructions().getFirst().opcode());
  }

  @Test
  void parsedModuleEncodesAndDecodesToItself() {
    WasmModule m = parse("""
        (type $t (func (param i32 i32) (result i32)))
        (memory 1)
        (func $add (export "add") (type $t)
          (if (result i32) (local.get 0)
            (then (i32.add (local.get 0) (local.get 1)))
            (else (select (result i32) (local.get 1) (i32.const 2) (i32.const 0))))
          (i32.store8 offset=3 align=1 (i32.const 0)))
        (elem declare func $add)
        (data (memory 0) (offset (i32.const 8)) "xyz")""");
    byte[] bytes = ModuleEncoder.encode(m);
    assertArrayEquals(bytes, ModuleEncoder.encode(ModuleDecoder.decode(bytes)));
  }
}
