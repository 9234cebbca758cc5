package dev.isola.wasm.validate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isola.wasm.BlockType;
import dev.isola.wasm.ConstExpr;
import dev.isola.wasm.ElementSegment;
import dev.isola.wasm.Export;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.Feature;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.FunctionBody;
import dev.isola.wasm.Global;
import dev.isola.wasm.GlobalType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Import;
import dev.isola.wasm.ImportDesc;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.NameSection;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.TableType;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.binary.ModuleDecoder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hand-built modules, one rule each, so the validator is tested without the decoder. */
class ValidatorTest {
  private static final Immediate NONE = Immediate.None.INSTANCE;

  private static Instruction op(OpCode op) {
    return new Instruction(op, NONE, 0);
  }

  private static Instruction op(OpCode op, Immediate imm) {
    return new Instruction(op, imm, 0);
  }

  private static Instruction idx(OpCode op, int index) {
    return new Instruction(op, new Immediate.Index(index), 0);
  }

  private static Instruction i32(int v) {
    return new Instruction(OpCode.I32_CONST, new Immediate.I32(v), 0);
  }

  /** A module builder: one function type per function, memories, tables, globals and exports as needed. */
  private static final class M {
    final List<FuncType> types = new ArrayList<>();
    final List<Integer> funcs = new ArrayList<>();
    final List<FunctionBody> code = new ArrayList<>();
    final List<Import> imports = new ArrayList<>();
    final List<MemoryType> memories = new ArrayList<>();
    final List<TableType> tables = new ArrayList<>();
    final List<Global> globals = new ArrayList<>();
    final List<Export> exports = new ArrayList<>();
    final List<ElementSegment> elements = new ArrayList<>();
    Optional<Integer> start = Optional.empty();

    M func(FuncType type, List<ValType> locals, Instruction... body) {
      types.add(type);
      funcs.add(types.size() - 1);
      List<Instruction> insns = new ArrayList<>(List.of(body));
      insns.add(op(OpCode.END));
      code.add(new FunctionBody(locals, insns, 0));
      return this;
    }

    M func(FuncType type, Instruction... body) {
      return func(type, List.of(), body);
    }

    M memory(long min, long max) {
      memories.add(new MemoryType(new Limits(min, max)));
      return this;
    }

    WasmModule build() {
      return new WasmModule(types, imports, funcs, tables, memories, globals, exports, start, elements,
          Optional.empty(), code, List.of(), List.of(), NameSection.EMPTY);
    }
  }

  private static final FuncType VOID = FuncType.of(List.of(), List.of());
  private static final FuncType TO_I32 = FuncType.of(List.of(), List.of(ValType.I32));

  private static InvalidModuleException invalid(M m, Set<Feature> features) {
    return assertThrows(InvalidModuleException.class, () -> Validator.validate(m.build(), features));
  }

  private static InvalidModuleException invalid(M m) {
    return invalid(m, Set.of());
  }

  private static void valid(M m, Set<Feature> features) {
    assertDoesNotThrow(() -> Validator.validate(m.build(), features));
  }

  private static void valid(M m) {
    valid(m, Set.of());
  }

  @Test
  void addOfTwoConstantsReturnsI32() {
    valid(new M().func(TO_I32, i32(1), i32(2), op(OpCode.I32_ADD)));
  }

  @Test
  void wrongOperandTypeIsTypeMismatchWithPlace() {
    M m = new M().func(VOID).func(TO_I32, op(OpCode.I64_CONST, new Immediate.I64(1)),
        new Instruction(OpCode.I32_EQZ, NONE, 42), op(OpCode.DROP), i32(0));
    InvalidModuleException e = invalid(m);
    assertEquals("type mismatch", e.reason());
    assertEquals(42, e.offset());
    assertEquals("func 1", e.where());
  }

  @Test
  void missingResultIsTypeMismatch() {
    assertEquals("type mismatch", invalid(new M().func(TO_I32)).reason());
  }

  @Test
  void stackIsPolymorphicAfterUnreachable() {
    valid(new M().func(TO_I32, op(OpCode.UNREACHABLE), op(OpCode.I32_ADD)));
    valid(new M().func(TO_I32, op(OpCode.UNREACHABLE), op(OpCode.SELECT)));
  }

  @Test
  void untypedSelectOfReferencesIsTypeMismatch() {
    M m = new M().func(VOID, op(OpCode.REF_NULL, new Immediate.RefType(ValType.EXTERNREF)),
        op(OpCode.REF_NULL, new Immediate.RefType(ValType.EXTERNREF)), i32(1), op(OpCode.SELECT), op(OpCode.DROP));
    assertEquals("type mismatch", invalid(m).reason());
  }

  @Test
  void blockWithParametersTakesThemFromTheStack() {
    FuncType i32ToI32 = FuncType.of(List.of(ValType.I32), List.of(ValType.I32));
    M m = new M().func(i32ToI32, idx(OpCode.LOCAL_GET, 0)).func(TO_I32, i32(1),
        op(OpCode.BLOCK, new Immediate.Block(new BlockType.TypeIndex(0))), i32(2), op(OpCode.I32_ADD),
        op(OpCode.END));
    valid(m);
  }

  @Test
  void ifWithoutElseMustPassParametersThrough() {
    M m = new M().func(TO_I32, i32(1), op(OpCode.IF, new Immediate.Block(new BlockType.Value(ValType.I32))),
        i32(1), op(OpCode.END));
    assertEquals("type mismatch", invalid(m).reason());
  }

  @Test
  void brTableTargetsMustAgreeOnArity() {
    M m = new M().func(VOID, op(OpCode.BLOCK, new Immediate.Block(new BlockType.Value(ValType.I32))),
        i32(0), i32(0), op(OpCode.BR_TABLE, new Immediate.BrTable(new int[] {0}, 1)), op(OpCode.END),
        op(OpCode.DROP));
    assertEquals("type mismatch", invalid(m).reason());
  }

  @Test
  void unknownLabelAndLocalNameTheIndex() {
    assertEquals("unknown label", invalid(new M().func(VOID, idx(OpCode.BR, 1))).reason());
    assertEquals("unknown local 2",
        invalid(new M().func(VOID, List.of(ValType.I32), idx(OpCode.LOCAL_GET, 2), op(OpCode.DROP))).reason());
  }

  @Test
  void alignmentAndLaneIndexAreChecked() {
    M align = new M().memory(1, Limits.NO_MAX).func(TO_I32, i32(0),
        op(OpCode.I32_LOAD, new Immediate.MemArg(3, 0, 0)));
    assertEquals("alignment must not be larger than natural", invalid(align).reason());
    M lane = new M().func(TO_I32, op(OpCode.V128_CONST, new Immediate.V128(0, 0)),
        op(OpCode.I32X4_EXTRACT_LANE, new Immediate.Lane(4)));
    assertEquals("invalid lane index", invalid(lane).reason());
    M noMemory = new M().func(TO_I32, i32(0), op(OpCode.I32_LOAD, new Immediate.MemArg(2, 0, 0)));
    assertEquals("unknown memory 0", invalid(noMemory).reason());
  }

  @Test
  void secondMemoryNeedsMultiMemory() {
    M m = new M().memory(1, Limits.NO_MAX).memory(1, Limits.NO_MAX).func(TO_I32, i32(0),
        op(OpCode.I32_LOAD, new Immediate.MemArg(2, 0, 1)));
    assertEquals("multiple memories", invalid(m).reason());
    valid(m, EnumSet.of(Feature.MULTI_MEMORY));
  }

  @Test
  void memoryLimitsAreChecked() {
    assertEquals("memory size must be at most 65536 pages (4GiB)", invalid(new M().memory(65537, -1)).reason());
    assertEquals("size minimum must not be greater than maximum", invalid(new M().memory(2, 1)).reason());
  }

  @Test
  void globalSetOfImmutableGlobal() {
    M m = new M().func(VOID, i32(1), idx(OpCode.GLOBAL_SET, 0));
    m.globals.add(new Global(new GlobalType(ValType.I32, false), new ConstExpr(List.of(i32(0)))));
    assertEquals("global is immutable", invalid(m).reason());
  }

  @Test
  void constantExpressionsAreRestricted() {
    M m = new M();
    m.globals.add(new Global(new GlobalType(ValType.I32, false),
        new ConstExpr(List.of(i32(1), i32(2), op(OpCode.I32_ADD)))));
    assertEquals("constant expression required", invalid(m).reason());
    valid(m, EnumSet.of(Feature.EXTENDED_CONST));
    M defined = new M();
    defined.globals.add(new Global(new GlobalType(ValType.I32, false), new ConstExpr(List.of(i32(1)))));
    defined.globals.add(new Global(new GlobalType(ValType.I32, false),
        new ConstExpr(List.of(idx(OpCode.GLOBAL_GET, 0)))));
    assertEquals("unknown global 0", invalid(defined).reason());
    M imported = new M();
    imported.imports.add(new Import("m", "g", new ImportDesc.Global(new GlobalType(ValType.I32, false))));
    imported.globals.add(new Global(new GlobalType(ValType.I32, false),
        new ConstExpr(List.of(idx(OpCode.GLOBAL_GET, 0)))));
    valid(imported);
  }

  @Test
  void refFuncNeedsADeclaration() {
    M m = new M().func(VOID, idx(OpCode.REF_FUNC, 0), op(OpCode.DROP));
    assertEquals("undeclared function reference", invalid(m).reason());
    m.exports.add(new Export("f", ExternKind.FUNC, 0));
    valid(m);
  }

  @Test
  void exportsAndStartAreChecked() {
    M dup = new M().func(VOID);
    dup.exports.add(new Export("a", ExternKind.FUNC, 0));
    dup.exports.add(new Export("a", ExternKind.FUNC, 0));
    assertEquals("duplicate export name", invalid(dup).reason());
    M start = new M().func(TO_I32, i32(0));
    start.start = Optional.of(0);
    assertEquals("start function", invalid(start).reason());
  }

  @Test
  void tailCallsMustReturnTheCallersResults() {
    M m = new M().func(TO_I32, i32(0)).func(VOID, idx(OpCode.RETURN_CALL, 0));
    assertEquals("type mismatch", invalid(m, EnumSet.of(Feature.TAIL_CALL)).reason());
    valid(new M().func(TO_I32, i32(0)).func(TO_I32, idx(OpCode.RETURN_CALL, 0)), EnumSet.of(Feature.TAIL_CALL));
  }

  @Test
  void decodedModuleErrorPointsAtTheInstruction() {
    // (func (result i32) i32.const 0 i64.const 0 i32.add)
    byte[] bytes = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,
        0x03, 0x02, 0x01, 0x00,
        0x0a, 0x09, 0x01, 0x07, 0x00, 0x41, 0x00, 0x42, 0x00, 0x6a, 0x0b};
    WasmModule module = ModuleDecoder.decode(bytes);
    InvalidModuleException e =
        assertThrows(InvalidModuleException.class, () -> Validator.validate(module, Set.of()));
    assertEquals("type mismatch", e.reason());
    assertEquals("func 0", e.where());
    assertEquals(0x6a, bytes[(int) e.offset()]);
  }

  @Test
  void callIndirectNeedsAFuncrefTable() {
    M m = new M().func(VOID, i32(0), op(OpCode.CALL_INDIRECT, new Immediate.CallIndirect(0, 0)));
    m.tables.add(new TableType(ValType.EXTERNREF, new Limits(1, Limits.NO_MAX)));
    assertEquals("type mismatch", invalid(m).reason());
  }
}
