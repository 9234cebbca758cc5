package dev.isola.wasm.binary;

import static dev.isola.wasm.binary.Bytes.cat;
import static dev.isola.wasm.binary.Bytes.module;
import static dev.isola.wasm.binary.Bytes.name;
import static dev.isola.wasm.binary.Bytes.of;
import static dev.isola.wasm.binary.Bytes.oneFunction;
import static dev.isola.wasm.binary.Bytes.section;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isola.wasm.BlockType;
import dev.isola.wasm.ConstExpr;
import dev.isola.wasm.ElementSegment;
import dev.isola.wasm.Feature;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.Limits;
import dev.isola.wasm.NameSection;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmModule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Focused cases for the encodings that are easy to get wrong. */
class ModuleDecoderTest {

  private static String reason(byte[] bytes) {
    return reason(bytes, Set.of());
  }

  private static String reason(byte[] bytes, Set<Feature> features) {
    return assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(bytes, features)).reason();
  }

  /** The instructions of the only function of a module built by {@link Bytes#oneFunction}. */
  private static List<Instruction> body(Set<Feature> features, int... body) {
    return ModuleDecoder.decode(oneFunction(body), features).code().getFirst().instructions();
  }

  private static Limits memoryLimits(int... memory) {
    return ModuleDecoder.decode(module(section(5, cat(of(0x01), of(memory))))).memories().getFirst().limits();
  }

  @Test
  void u32UsesAllFiveBytesAndAcceptsNonMinimalEncodings() {
    assertEquals(new Limits(0xFFFF_FFFFL, Limits.NO_MAX), memoryLimits(0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F));
    assertEquals(new Limits(2, 3), memoryLimits(0x01, 0x82, 0x80, 0x80, 0x80, 0x00, 0x83, 0x00));
  }

  @Test
  void u32RejectsUnusedBitsAndSixthByte() {
    assertEquals("integer too large", reason(module(section(5, 0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x1F))));
    assertEquals("integer representation too long",
        reason(module(section(5, 0x01, 0x00, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00))));
  }

  @Test
  void limitsFlagIsAOneBitInteger() {
    assertEquals("integer too large", reason(module(section(5, 0x01, 0x02, 0x00))));
    assertEquals("integer representation too long", reason(module(section(5, 0x01, 0x81, 0x00, 0x00))));
  }

  @Test
  void signedLeb128Extremes() {
    assertEquals(new Immediate.I32(Integer.MAX_VALUE),
        body(Set.of(), 0x00, 0x41, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x1A, 0x0B).get(0).immediate());
    assertEquals(new Immediate.I32(Integer.MIN_VALUE),
        body(Set.of(), 0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x78, 0x1A, 0x0B).get(0).immediate());
    assertEquals(new Immediate.I32(-1), body(Set.of(), 0x00, 0x41, 0x7F, 0x1A, 0x0B).get(0).immediate());
    assertEquals(new Immediate.I64(Long.MIN_VALUE), body(Set.of(),
        0x00, 0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F, 0x1A, 0x0B).get(0).immediate());
    assertEquals(new Immediate.I64(Long.MAX_VALUE), body(Set.of(),
        0x00, 0x42, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x1A, 0x0B).get(0).immediate());
  }

  @Test
  void signedLeb128RejectsBitsThatAreNotASignExtension() {
    assertEquals("integer too large", reason(oneFunction(0x00, 0x41, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x1A, 0x0B)));
    assertEquals("integer too large", reason(oneFunction(0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x70, 0x1A, 0x0B)));
    assertEquals("integer too large", reason(oneFunction(
        0x00, 0x42, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x1A, 0x0B)));
    assertEquals("integer representation too long",
        reason(oneFunction(0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x1A, 0x0B)));
  }

  @Test
  void headerAndTruncation() {
    assertEquals("magic header not detected", reason(of(0x00, 0x61, 0x73, 0x6E, 0x01, 0x00, 0x00, 0x00)));
    assertEquals("unknown binary version", reason(of(0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00)));
    assertEquals(ByteReader.UNEXPECTED_END, reason(of(0x00, 0x61, 0x73)));
    MalformedModuleException e = assertThrows(MalformedModuleException.class,
        () -> ModuleDecoder.decode(module(section(5, 0x01, 0x00, 0x01, 0x00)), Set.of()));
    assertEquals("section size mismatch", e.reason());
    assertEquals("memory", e.section());
  }

  @Test
  void sectionsRepeatedOrOutOfOrderAreUnexpected() {
    byte[] type = section(1, 0x00);
    byte[] imports = section(2, 0x00);
    assertEquals("unexpected content after last section", reason(module(imports, type)));
    assertEquals("unexpected content after last section", reason(module(type, type)));
    assertEquals("malformed section id", reason(module(type, section(13, 0x00))));
  }

  @Test
  void customSectionsMayAppearAnywhereAndAreKept() {
    byte[] custom = section(0, cat(name("a"), of(1, 2, 3)));
    WasmModule m = ModuleDecoder.decode(module(custom, section(1, 0x00), custom, section(5, 0x00), custom));
    assertEquals(3, m.customSections().size());
    assertArrayEquals(of(1, 2, 3), m.customSection("a").orElseThrow().payload());
    assertEquals("malformed UTF-8 encoding", reason(module(section(0, 0x02, 0xC0, 0x80))));
    // The name fits in the module but runs past the section's end.
    assertEquals(ByteReader.UNEXPECTED_END, reason(module(section(0, 0x05, 0x61), section(5, 0x01, 0x00, 0x00))));
    assertEquals("length out of bounds", reason(module(section(0, 0x05, 0x61))));
  }

  @Test
  void utf8RejectsSurrogatesOverlongAndTooLarge() {
    assertEquals("malformed UTF-8 encoding", reason(module(section(0, 0x03, 0xED, 0xA0, 0x80))));
    assertEquals("malformed UTF-8 encoding", reason(module(section(0, 0x03, 0xE0, 0x80, 0x80))));
    assertEquals("malformed UTF-8 encoding", reason(module(section(0, 0x04, 0xF4, 0x90, 0x80, 0x80))));
    assertEquals("\uD83D\uDE00", ModuleDecoder.decode(module(section(0, 0x04, 0xF0, 0x9F, 0x98, 0x80)))
        .customSections().getFirst().name());
  }

  @Test
  void elementSegmentsInAllEightFormsBecomeExpressions() {
    byte[] elements = cat(of(0x08),
        of(0x00, 0x41, 0x00, 0x0B, 0x01, 0x00),
        of(0x01, 0x00, 0x01, 0x00),
        of(0x02, 0x01, 0x41, 0x01, 0x0B, 0x00, 0x01, 0x00),
        of(0x03, 0x00, 0x01, 0x00),
        of(0x04, 0x41, 0x02, 0x0B, 0x01, 0xD2, 0x00, 0x0B),
        of(0x05, 0x70, 0x01, 0xD0, 0x70, 0x0B),
        of(0x06, 0x01, 0x41, 0x03, 0x0B, 0x6F, 0x01, 0xD0, 0x6F, 0x0B),
        of(0x07, 0x70, 0x01, 0xD2, 0x00, 0x0B));
    WasmModule m = ModuleDecoder.decode(module(section(1, 0x01, 0x60, 0x00, 0x00), section(3, 0x01, 0x00),
        section(4, 0x02, 0x70, 0x00, 0x00, 0x6F, 0x00, 0x00), section(9, elements),
        section(10, 0x01, 0x02, 0x00, 0x0B)));
    List<ElementSegment> e = m.elements();
    assertEquals(8, e.size());
    ConstExpr refFunc0 = e.get(0).init().getFirst();
    assertEquals(OpCode.REF_FUNC, refFunc0.instructions().getFirst().opcode());
    assertEquals(new Immediate.Index(0), refFunc0.instructions().getFirst().immediate());
    assertEquals(offset(0, 0), describe(e.get(0).mode()));
    assertInstanceOf(ElementSegment.Passive.class, e.get(1).mode());
    assertEquals(offset(1, 1), describe(e.get(2).mode()));
    assertInstanceOf(ElementSegment.Declarative.class, e.get(3).mode());
    assertEquals(offset(0, 2), describe(e.get(4).mode()));
    assertEquals(OpCode.REF_FUNC, e.get(4).init().getFirst().instructions().getFirst().opcode());
    assertEquals(new Immediate.RefType(ValType.FUNCREF), e.get(5).init().getFirst().instructions().getFirst()
        .immediate());
    assertEquals(offset(1, 3), describe(e.get(6).mode()));
    assertEquals(ValType.EXTERNREF, e.get(6).type());
    assertInstanceOf(ElementSegment.Declarative.class, e.get(7).mode());
    for (ElementSegment s : e) {
      assertEquals(1, s.init().size());
      assertEquals(1, s.init().getFirst().instructions().size(), "the final end is not kept");
    }
  }

  /** An active mode at {@code table} whose offset is {@code i32.const value}, ignoring byte offsets. */
  private static String offset(int table, int value) {
    return "table " + table + " at i32.const " + value;
  }

  private static String describe(ElementSegment.Mode mode) {
    ElementSegment.Active a = assertInstanceOf(ElementSegment.Active.class, mode);
    Instruction i = a.offset().instructions().getFirst();
    return "table " + a.table() + " at " + i.opcode().textName() + " " + ((Immediate.I32) i.immediate()).value();
  }

  @Test
  void elementSegmentKindsOutsideTheGrammarAreMalformed() {
    assertEquals("malformed elements segment kind", reason(module(section(9, 0x01, 0x08))));
    assertEquals("malformed element kind", reason(module(section(9, 0x01, 0x01, 0x01, 0x00))));
    assertEquals("malformed reference type", reason(module(section(9, 0x01, 0x05, 0x7F, 0x00))));
  }

  @Test
  void nameSectionIsParsedAndIgnoredWhenMalformed() {
    byte[] names = cat(name("name"),
        section(0, name("mod")),
        section(1, cat(of(0x01, 0x00), name("f"))),
        section(2, cat(of(0x01, 0x00, 0x02, 0x00), name("x"), of(0x01), name("y"))));
    NameSection n = ModuleDecoder.decode(module(section(0, names))).names();
    assertEquals(Optional.of("mod"), n.moduleName());
    assertEquals(Optional.of("f"), n.functionName(0));
    assertEquals(Map.of(0, Map.of(0, "x", 1, "y")), n.localNames());

    byte[] outOfOrder = cat(name("name"), section(1, cat(of(0x01, 0x00), name("f"))), section(0, name("m")));
    assertEquals(NameSection.EMPTY, ModuleDecoder.decode(module(section(0, outOfOrder))).names());
    byte[] truncated = cat(name("name"), of(0x01, 0x05, 0x01, 0x00));
    WasmModule m = ModuleDecoder.decode(module(section(0, truncated)));
    assertEquals(NameSection.EMPTY, m.names());
    assertEquals(1, m.customSections().size());
  }

  @Test
  void blockTypes() {
    List<Instruction> code = body(Set.of(), 0x00, 0x02, 0x40, 0x0B, 0x02, 0x7F, 0x41, 0x00, 0x0B, 0x1A,
        0x02, 0x00, 0x0B, 0x0B);
    assertEquals(new Immediate.Block(new BlockType.Empty()), code.get(0).immediate());
    assertEquals(new Immediate.Block(new BlockType.Value(ValType.I32)), code.get(2).immediate());
    assertEquals(new Immediate.Block(new BlockType.TypeIndex(0)), code.get(6).immediate());
    assertEquals(OpCode.END, code.getLast().opcode());
    assertEquals(9, code.size());
  }

  @Test
  void elseOutsideAnIfIsMalformed() {
    assertEquals("END opcode expected", reason(oneFunction(0x00, 0x02, 0x40, 0x05, 0x0B, 0x0B)));
    assertEquals("END opcode expected", reason(oneFunction(0x00, 0x41, 0x00, 0x04, 0x40, 0x05, 0x05, 0x0B,
        0x0B)));
    assertEquals(4, body(Set.of(), 0x00, 0x41, 0x00, 0x04, 0x40, 0x05, 0x0B, 0x0B).size() - 1);
  }

  @Test
  void brTableAndSelectTypes() {
    List<Instruction> code = body(Set.of(), 0x00, 0x41, 0x00, 0x0E, 0x02, 0x00, 0x00, 0x00,
        0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0x1C, 0x01, 0x7F, 0x0B);
    Immediate.BrTable table = assertInstanceOf(Immediate.BrTable.class, code.get(1).immediate());
    assertArrayEquals(new int[] {0, 0}, table.labels());
    assertEquals(new Immediate.SelectTypes(List.of(ValType.I32)), code.get(5).immediate());
  }

  @Test
  void instructionsKeepTheirOffsets() {
    byte[] bytes = oneFunction(0x00, 0x41, 0x05, 0x1A, 0x0B);
    WasmModule m = ModuleDecoder.decode(bytes);
    List<Instruction> code = m.code().getFirst().instructions();
    assertEquals(0x41, bytes[code.get(0).offset()]);
    assertEquals(0x1A, bytes[code.get(1).offset()]);
    assertEquals(0x00, bytes[m.code().getFirst().offset()]);
  }

  @Test
  void simdImmediates() {
    int[] body = new int[1 + 18 + 18 + 3 + 5 + 1];
    int i = 0;
    body[i++] = 0x00;
    body[i++] = 0xFD; // v128.const
    body[i++] = 0x0C;
    for (int k = 0; k < 16; k++) {
      body[i++] = k;
    }
    body[i++] = 0xFD; // i8x16.shuffle
    body[i++] = 0x0D;
    for (int k = 0; k < 16; k++) {
      body[i++] = 31 - k;
    }
    body[i++] = 0xFD; // f64x2.pmax: sub-opcode 0xF7 as a two-byte LEB128
    body[i++] = 0xF7;
    body[i++] = 0x01;
    body[i++] = 0xFD; // v128.load8_lane align=0 offset=3 lane=15
    body[i++] = 0x54;
    body[i++] = 0x00;
    body[i++] = 0x03;
    body[i++] = 0x0F;
    body[i] = 0x0B;
    List<Instruction> code = body(Set.of(), body);
    assertEquals(new Immediate.V128(0x0706050403020100L, 0x0F0E0D0C0B0A0908L), code.get(0).immediate());
    assertEquals(31, ((Immediate.Shuffle) code.get(1).immediate()).lanes()[0]);
    assertEquals(OpCode.F64X2_PMAX, code.get(2).opcode());
    assertEquals(new Immediate.MemArgLane(new Immediate.MemArg(0, 3, 0), 15), code.get(3).immediate());
  }

  @Test
  void unknownOpcodesAreIllegal() {
    assertEquals("illegal opcode 06", reason(oneFunction(0x00, 0x06, 0x0B)));
    assertEquals("illegal opcode fc 12", reason(oneFunction(0x00, 0xFC, 0x12, 0x0B)));
    assertEquals("illegal opcode fd 100", reason(oneFunction(0x00, 0xFD, 0x80, 0x02, 0x0B)));
  }

  @Test
  void tailCallsNeedTheirFeature() {
    assertEquals("illegal opcode 12", reason(oneFunction(0x00, 0x12, 0x00, 0x0B)));
    assertEquals(OpCode.RETURN_CALL, body(Set.of(Feature.TAIL_CALL), 0x00, 0x12, 0x00, 0x0B).get(0).opcode());
  }

  @Test
  void memoryIndicesNeedMultiMemory() {
    Set<Feature> mm = Set.of(Feature.MULTI_MEMORY);
    assertEquals("zero byte expected", reason(oneFunction(0x00, 0x3F, 0x01, 0x1A, 0x0B)));
    assertEquals("zero byte expected", reason(oneFunction(0x00, 0x3F, 0x80, 0x00, 0x1A, 0x0B)));
    assertEquals(new Immediate.Index(1), body(mm, 0x00, 0x3F, 0x01, 0x1A, 0x0B).get(0).immediate());
    assertEquals(new Immediate.Pair(2, 1),
        body(mm, 0x00, 0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0A, 0x02, 0x01, 0x0B).get(3).immediate());

    int[] load = {0x00, 0x41, 0x00, 0x28, 0x42, 0x01, 0x04, 0x1A, 0x0B};
    assertEquals(new Immediate.MemArg(2, 4, 1), body(mm, load).get(1).immediate());
    assertEquals("malformed memop flags", reason(oneFunction(load)));
    assertEquals("malformed memop flags", reason(oneFunction(0x00, 0x41, 0x00, 0x28, 0x20, 0x00, 0x1A, 0x0B)));
    assertEquals(new Immediate.MemArg(31, 0, 0),
        body(Set.of(), 0x00, 0x41, 0x00, 0x28, 0x1F, 0x00, 0x1A, 0x0B).get(1).immediate());
    assertEquals("malformed memop flags",
        reason(oneFunction(0x00, 0x41, 0x00, 0x28, 0x80, 0x01, 0x00, 0x1A, 0x0B), mm));
  }

  @Test
  void localsAreExpandedAndLimited() {
    WasmModule m = ModuleDecoder.decode(oneFunction(0x02, 0x02, 0x7F, 0x01, 0x7E, 0x0B));
    assertEquals(List.of(ValType.I32, ValType.I32, ValType.I64), m.code().getFirst().locals());
    // 50,000 locals are fine, one more is not.
    ModuleDecoder.decode(oneFunction(0x01, 0xD0, 0x86, 0x03, 0x7F, 0x0B));
    assertEquals("too many locals", reason(oneFunction(0x01, 0xD1, 0x86, 0x03, 0x7F, 0x0B)));
    assertEquals("too many locals",
        reason(oneFunction(0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0x02, 0x7E, 0x0B)));
  }

  @Test
  void functionAndCodeCountsMustMatch() {
    assertEquals("function and code section have inconsistent lengths",
        reason(module(section(1, 0x01, 0x60, 0x00, 0x00), section(3, 0x01, 0x00))));
  }

  @Test
  void dataCountIsCheckedAndRequiredByDataInstructions() {
    byte[] types = section(1, 0x01, 0x60, 0x00, 0x00);
    byte[] funcs = section(3, 0x01, 0x00);
    byte[] memory = section(5, 0x01, 0x00, 0x00);
    byte[] code = section(10, 0x01, 0x05, 0x00, 0xFC, 0x09, 0x00, 0x0B);
    byte[] data = section(11, 0x01, 0x01, 0x00);
    assertEquals("data count section required", reason(module(types, funcs, memory, code, data)));
    WasmModule m = ModuleDecoder.decode(module(types, funcs, memory, section(12, 0x01), code, data));
    assertEquals(Optional.of(1), m.dataCount());
    assertEquals(0, m.data().getFirst().bytes().length);
    assertEquals("data count and data section have inconsistent lengths",
        reason(module(types, funcs, memory, section(12, 0x02), code, data)));
  }

  @Test
  void importAndGlobalEncodings() {
    byte[] imports = section(2, cat(of(0x01), name("m"), name("g"), of(0x03, 0x7F, 0x01)));
    assertEquals("m", ModuleDecoder.decode(module(imports)).imports().getFirst().module());
    assertEquals("malformed import kind", reason(module(section(2, cat(of(0x01), name("m"), name("g"),
        of(0x04))))));
    assertEquals("malformed mutability", reason(module(section(6, 0x01, 0x7F, 0x02, 0x41, 0x00, 0x0B))));
  }
}
