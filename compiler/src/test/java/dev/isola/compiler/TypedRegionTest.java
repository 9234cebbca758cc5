package dev.isola.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.runtime.Engine;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Store;
import dev.isola.runtime.Value;
import dev.isola.wasm.BlockType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.binary.ModuleDecoder;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Splitting a function whose code is all inside an {@code if} with a parameter and a result, in typed blocks
 * ({@code (param i32) (result i32 i64)}) that branch to their own label with values, return from inside and
 * pass a v128 through: such regions are outlined too (their operands and results travel in the frame), every
 * method stays under 8,000 bytes, and results and fuel are the interpreter's. The same for straight-line code,
 * split into runs.
 */
class TypedRegionTest {
  static String wat() {
    StringBuilder b = new StringBuilder("""
        (module (memory 1)
          (func (export "big") (param $n i32) (result i32)
            (local $i i32) (local $a i32) (local $x i64) (local $f f64)
            local.get $n
            local.get $n
            i32.const 100
            i32.lt_s
            if (param i32) (result i32)
        """);
    for (int k = 0; k < 30; k++) {
      b.append("""
              block $b%1$d (param i32) (result i32 i64)
                local.set $a
                i32.const 0
                local.set $i
                loop $l%1$d
                  %2$s
                  local.get $i
                  i32.const 1
                  i32.add
                  local.tee $i
                  i32.const 5
                  i32.lt_u
                  br_if $l%1$d
                end
                local.get $n
                i32.const %1$d
                i32.eq
                if
                  local.get $a
                  i32.const 1000
                  i32.add
                  return
                end
                local.get $a
                local.get $x
                local.get $n
                i32.const -%1$d
                i32.eq
                br_if $b%1$d
                i64.const 1
                i64.add
              end
              i32.wrap_i64
              i32.add
              v128.const i32x4 %1$d 1 2 3
              block (param v128) (result v128)
                i32.const %1$d
                i32x4.splat
                i32x4.add
              end
              i32x4.extract_lane 0
              i32.add
          """.formatted(k, ROUND.formatted(k, 4 * k).repeat(4)));
    }
    b.append("""
            else
              i32.const 7
              i32.add
            end
            i32.const 12
            i32.load
            i32.add))
        """);
    return b.toString();
  }

  private static final String ROUND = """
                  local.get $a
                  local.get $i
                  i32.const %1$d
                  i32.mul
                  i32.add
                  local.set $a
                  local.get $x
                  local.get $a
                  i64.extend_i32_u
                  i64.xor
                  local.set $x
                  i32.const %2$d
                  i32.const %2$d
                  i32.load
                  local.get $a
                  i32.add
                  i32.store
      """;

  private static Value[] run(Engine engine, String wat, int n, long[] fuelUsed) {
    Store store = new Store(engine);
    Instance instance = store.instantiate(Tiers.compile(engine, wat), new Imports());
    store.setFuel(1_000_000_000L);
    Value[] r = instance.function("big").call(Value.i32(n));
    fuelUsed[0] = 1_000_000_000L - store.fuel();
    return r;
  }

  @Test
  void ifsAndTypedBlocksAreOutlinedAndAgreeWithTheInterpreter() {
    Engine compiled = Tiers.compiled();
    CompileReport report = ((CompiledModule) Tiers.compile(compiled, wat()).code()).report();
    assertEquals(List.of(), report.hugeMethods(), report.summary());
    assertTrue(report.methods().stream().filter(m -> m.name().startsWith("r0_")).count() >= 2, report.summary());
    // Outlined at an if or a typed block, not only at the loops inside or in runs (their blocks here all take
    // operands, so no run starts at one): region methods are named r<function>_<instruction index>.
    List<Instruction> code = ModuleDecoder.decode(ModuleEncoder.encode(TextParser.parseModule(wat()))).code()
        .getFirst().instructions();
    assertTrue(report.methods().stream().map(m -> m.name()).filter(name -> name.startsWith("r0_"))
        .map(name -> code.get(Integer.parseInt(name.substring(3))))
        .anyMatch(in -> in.opcode() == OpCode.IF
            || in.opcode() == OpCode.BLOCK && ((Immediate.Block) in.immediate()).type() instanceof BlockType.TypeIndex),
        "expected an outlined if or typed block: " + report.summary());
    for (int n : new int[] {-3, 0, 3, 17, 29, 200}) {
      long[] fuelA = new long[1];
      long[] fuelB = new long[1];
      Value[] a = run(Tiers.interp(), wat(), n, fuelA);
      Value[] b = run(compiled, wat(), n, fuelB);
      assertEquals(List.of(a), List.of(b), "n = " + n);
      assertEquals(fuelA[0], fuelB[0], "fuel, n = " + n);
    }
  }

  /**
   * Straight-line code (no block large enough to outline, fuzz seed 1009): split into runs, consecutive
   * instructions between points where the operand stack is empty, with returns and branches out of them.
   */
  static String straightWat() {
    StringBuilder b = new StringBuilder("""
        (module (memory 1)
          (func (export "big") (param $n i32) (result i32)
            (local $i i32) (local $a i32) (local $x i64) (local $f f64)
            (block $out
        """);
    for (int k = 0; k < 160; k++) {
      b.append(ROUND.formatted(k, 4 * (k % 16)));
      if (k % 10 == 3) {
        b.append("""
                local.get $n
                i32.const %1$d
                i32.eq
                if
                  local.get $a
                  return
                end
                local.get $n
                i32.const -%1$d
                i32.eq
                br_if $out
            """.formatted(k));
      }
    }
    b.append("""
            )
            local.get $a
            local.get $x
            i32.wrap_i64
            i32.add))
        """);
    return b.toString();
  }

  @Test
  void straightLineCodeIsSplitIntoRunsAndAgreesWithTheInterpreter() {
    Engine compiled = Tiers.compiled();
    String wat = straightWat();
    CompileReport report = ((CompiledModule) Tiers.compile(compiled, wat).code()).report();
    assertEquals(List.of(), report.hugeMethods(), report.summary());
    assertTrue(report.methods().stream().filter(m -> m.name().startsWith("r0_")).count() >= 2, report.summary());
    for (int n : new int[] {-3, -33, 0, 3, 53, 153, 200}) {
      long[] fuelA = new long[1];
      long[] fuelB = new long[1];
      Value[] a = run(Tiers.interp(), wat, n, fuelA);
      Value[] b = run(compiled, wat, n, fuelB);
      assertEquals(List.of(a), List.of(b), "n = " + n);
      assertEquals(fuelA[0], fuelB[0], "fuel, n = " + n);
    }
  }
}
