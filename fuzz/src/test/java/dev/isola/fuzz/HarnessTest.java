package dev.isola.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.isola.interp.Interpreter;
import dev.isola.runtime.TrapKind;
import dev.isola.wasm.ValType;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness itself, without wasm-opt: it must see a broken tier, follow binaryen's protocol, and judge NaNs
 * and fuel as {@link Observed} and {@link FuelMode} say.
 */
class HarnessTest {
  /** Shaped like a binaryen fuzz module: log imports, a hang limit, exports that return, log, trap and store. */
  private static final String MODULE = """
      (module
        (import "fuzzing-support" "log-i32" (func $log-i32 (param i32)))
        (import "fuzzing-support" "log-f64" (func $log-f64 (param f64)))
        (import "fuzzing-support" "log-v128" (func $log-v128 (param v128)))
        (memory (export "memory") 1 1)
        (global $hang (mut i32) (i32.const 0))
        (global (export "counter") (mut i32) (i32.const 0))
        (func (export "hangLimitInitializer") (global.set $hang (i32.const 10)))
        (func (export "answer") (result i32) (i32.const 42))
        (func (export "logs") (param i32 f64)
          (call $log-i32 (i32.add (local.get 0) (i32.const 7)))
          (call $log-f64 (f64.div (f64.const 0) (f64.const 0)))
          (call $log-v128 (v128.const i32x4 1 2 3 4)))
        (func (export "store") (i32.store (i32.const 16) (i32.const 0x01020304))
          (global.set 1 (i32.add (global.get 1) (i32.const 1))))
        (func (export "trap") (result i32) (i32.div_s (i32.const 1) (i32.const 0)))
        (func (export "spin") (loop $l
          (global.set $hang (i32.sub (global.get $hang) (i32.const 1)))
          (br_if $l (i32.ne (global.get $hang) (i32.const -1000000))))))
      """;

  private static byte[] module() {
    return ModuleEncoder.encode(TextParser.parseModule(MODULE));
  }

  @Test
  void followsBinaryensProtocol() {
    List<Call> calls = Execution.run(module(), new Interpreter(), Campaign.AMPLE_FUEL);
    assertEquals(List.of("<instantiate>", "answer", "logs", "store", "trap", "spin", "#2 <instantiate>",
        "#2 answer", "#2 logs", "#2 store", "#2 trap", "#2 spin"), calls.stream().map(Call::name).toList(),
        "every function export but hangLimitInitializer, in order, then again on a second instance");
    assertEquals("returned [i32:42]", calls.get(1).outcome().toString());
    assertEquals(List.of("i32:7", "f64:nan", "v128:0x00000004000000030000000200000001"),
        calls.get(2).logs().stream().map(Observed::toString).toList(), "zero arguments; v128 via the adapter");
    assertEquals(new Outcome.Trapped(TrapKind.INTEGER_DIVIDE_BY_ZERO), calls.get(4).outcome());
    assertEquals("i32:1", calls.get(5).globals().get("counter").toString(), "state persists across calls");
    assertTrue(calls.get(3).memories().get("memory").startsWith("1 pages crc32c "));
    assertNotEquals(calls.get(1).memories(), calls.get(3).memories(), "the store changed memory");
    for (int i = 0; i < 6; i++) {
      assertEquals(calls.get(i).render(), calls.get(i + 6).render().replace("#2 ", ""),
          "a second instance starts fresh: " + calls.get(i).name());
    }
  }

  @Test
  void fuelRunsOutDeterministically() {
    List<Call> first = Execution.run(module(), new Interpreter(), 5_000);
    List<Call> second = Execution.run(module(), new Interpreter(), 5_000);
    Call spin = first.get(5);
    assertEquals(new Outcome.Trapped(TrapKind.OUT_OF_FUEL), spin.outcome());
    assertEquals(5_000, spin.fuelUsed(), "all of the budget is charged");
    assertEquals(Optional.empty(), Comparison.firstDisagreement(first, second, FuelMode.EXACT, "a", "b"));
    assertTrue(first.get(1).fuelUsed() > 0, "a call that returns is charged too");
  }

  @Test
  void noticesATierWithWrongResults() {
    List<Call> oracle = Execution.run(module(), new Interpreter(), Campaign.AMPLE_FUEL);
    List<Call> broken = Execution.run(module(), Tiers.named("perturbed-result"), Campaign.AMPLE_FUEL);
    assertEquals(Optional.of(new Disagreement("outcome returned returned",
        "export answer: interp returned [i32:42]; perturbed returned [i32:43]")),
        Comparison.firstDisagreement(oracle, broken, FuelMode.EXACT, "interp", "perturbed"));
  }

  @Test
  void noticesATierThatCorruptsMemory() {
    List<Call> oracle = Execution.run(module(), new Interpreter(), Campaign.AMPLE_FUEL);
    List<Call> broken = Execution.run(module(), Tiers.named("perturbed-memory"), Campaign.AMPLE_FUEL);
    String disagreement = Comparison.firstDisagreement(oracle, broken, FuelMode.EXACT, "interp", "perturbed")
        .orElseThrow().description();
    assertTrue(disagreement.startsWith("after export answer (returned [i32:42]): memory memory is 1 pages"),
        disagreement);
  }

  @Test
  void fuelDifferencesCountOnlyWhenExact() {
    List<Call> a = Execution.run(module(), new Interpreter(), 5_000);
    var b = new ArrayList<>(a);
    Call spin = b.get(5);
    b.set(5, new Call(spin.name(), spin.outcome(), spin.logs(), spin.fuelUsed() - 1, spin.memories(),
        spin.globals(), spin.tables()));
    assertEquals(Optional.of(new Disagreement("fuel",
        "export spin: fuel used a 5000, b 4999 (outcome trapped: out of fuel)")),
        Comparison.firstDisagreement(a, b, FuelMode.EXACT, "a", "b"));
    Call answer = b.get(1);
    b.set(1, new Call(answer.name(), answer.outcome(), answer.logs(), answer.fuelUsed() + 1, answer.memories(),
        answer.globals(), answer.tables()));
    assertEquals(Optional.empty(), Comparison.firstDisagreement(a, b, FuelMode.BOUND, "a",
        "b"), "bound: fuel used is not compared, and out of fuel ends the comparison");
  }

  /** Stores an arithmetic NaN, then reads its bits back as an integer: the spec lets both differ. */
  private static final String NAN_IN_MEMORY = """
      (module
        (memory (export "memory") 1 1)
        (func (export "store") (param f32) (f32.store (i32.const 0) (f32.div (local.get 0) (local.get 0))))
        (func (export "load") (result i32) (i32.load (i32.const 0))))
      """;

  @Test
  void nanBitsInMemoryAreToleratedButOtherDifferencesAreNot(@TempDir Path dir) throws Exception {
    WasmOpt wasmOpt = WasmOpt.configured();
    assumeTrue(wasmOpt.version() != null, "wasm-opt (binaryen) not found; CI installs it");
    Path module = dir.resolve("seed-1.wasm");
    Files.write(module, ModuleEncoder.encode(TextParser.parseModule(NAN_IN_MEMORY)));
    var nan = new Campaign(wasmOpt, new Tiers("interp", "perturbed-nan-sign"), FuelMode.EXACT, dir);
    Verdict v = nan.judge(1, module);
    assertEquals(Verdict.Kind.AGREED, v.kind(), v.detail());
    assertTrue(v.detail().startsWith("agreed once NaNs are removed (was: after export store"), v.detail());
    assertEquals(List.of(1L), nan.nanNondeterminism());

    Files.write(module, ModuleEncoder.encode(TextParser.parseModule(NAN_IN_MEMORY)));
    var wrong = new Campaign(wasmOpt, new Tiers("interp", "perturbed-result"), FuelMode.EXACT, dir);
    Verdict w = wrong.judge(1, module);
    assertEquals(Verdict.Kind.DISAGREED, w.kind(), w.detail());
    assertTrue(w.detail().contains("with NaNs removed (--denan) still: export load"), w.detail());
  }

  @Test
  void quietNansAgreeAndSignallingNansKeepTheirBits() {
    assertEquals(Observed.scalar(ValType.F32, 0x7fc00000L), Observed.scalar(ValType.F32, 0xffc00001L));
    assertEquals(Observed.scalar(ValType.F64, 0x7ff8000000000000L), Observed.scalar(ValType.F64,
        0xfff8000000000123L));
    assertNotEquals(Observed.scalar(ValType.F32, 0x7fa00000L), Observed.scalar(ValType.F32, 0x7fc00000L),
        "a signalling NaN only travels through deterministic operations");
    assertNotEquals(Observed.scalar(ValType.F32, 0x7fa00000L), Observed.scalar(ValType.F32, 0x7fa00001L));
    assertNotEquals(Observed.scalar(ValType.F32, 0x3f800000L), Observed.scalar(ValType.F32, 0x3f800001L));
    assertEquals(Observed.v128(0x7fc000017fc00002L, 1), Observed.v128(0xffc00003ffc00004L, 1), "f32x4 lanes");
    assertEquals(Observed.v128(0x7ff8000000000001L, 1), Observed.v128(0xfff8000000000002L, 1), "f64x2 lanes");
    assertNotEquals(Observed.v128(1, 2), Observed.v128(1, 3));
  }
}
