package dev.isola.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.runtime.Engine;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import dev.isola.runtime.Value;
import org.junit.jupiter.api.Test;

/** The per-module report: what became JVM methods, and what fell back to the interpreter, visibly. */
class CompileReportTest {
  @Test
  void compiledModuleListsItsMethods() {
    Module module = Tiers.compile(Tiers.compiled(), """
        (module (type $t (func (result i32)))
          (import "env" "h" (func $h (result i32)))
          (table 1 funcref)
          (func $a (export "a") (result i32) (call_indirect (type $t) (i32.const 0)))
          (func $b (result i32) (i32.const 2)))
        """);
    CompiledModule code = (CompiledModule) module.code();
    CompileReport report = code.report();
    assertFalse(report.interpreted(), report.summary());
    assertEquals(2, report.functionsCompiled());
    // f0 (the import's stub), f1 and f2 (entries that unpack the countdown), g1 and g2 (their bodies, returning
    // the countdown with the i32 result) and the call_indirect stub of type 0.
    assertEquals(6, report.methodsEmitted());
    assertTrue(report.methods().stream().anyMatch(m -> m.name().equals("g2") && m.functionIndex() == 2));
    assertTrue(report.methods().stream().allMatch(m -> m.bytecodeSize() > 0));
    assertEquals(1, code.classFiles().size());
    assertTrue(report.summary().startsWith("2 functions compiled, 6 methods emitted"));
  }

  /** SIMD compiles; what the JVM cannot express (over 255 parameter slots) still falls back, visibly. */
  @Test
  void wideFunctionMakesTheModuleFallBackVisiblyAndStillRun() {
    Engine engine = Tiers.compiled();
    Module module = Tiers.compileAllowingFallback(engine, """
        (module
          (func $wide (export "wide") (param %s) (result i32)
            (i32x4.extract_lane 1 (v128.const i32x4 1 2 3 4)))
          (func (export "plain") (result i32) (i32.const 5)))
        """.formatted("i64 ".repeat(130)));
    CompileReport report = ((CompiledModule) module.code()).report();
    assertTrue(report.interpreted());
    assertEquals(0, report.functionsCompiled());
    assertEquals(1, report.fallbacks().size());
    assertEquals(0, report.fallbacks().getFirst().functionIndex());
    assertEquals("wide", report.fallbacks().getFirst().name());
    assertTrue(report.fallbacks().getFirst().reason().contains("parameter slots"), report.summary());
    Instance instance = new Store(engine).instantiate(module, new Imports());
    Value[] args = new Value[130];
    java.util.Arrays.fill(args, Value.i64(0));
    assertEquals(2, instance.function("wide").call(args)[0].asInt());
    assertEquals(5, instance.function("plain").call()[0].asInt());
  }

  @Test
  void simdModuleIsCompiled() {
    Engine engine = Tiers.compiled();
    Module module = Tiers.compile(engine, """
        (module (func (export "lanes") (result i32) (i32x4.extract_lane 1 (v128.const i32x4 1 2 3 4))))
        """);
    CompileReport report = ((CompiledModule) module.code()).report();
    assertFalse(report.interpreted(), report.summary());
    assertEquals(1, report.functionsCompiled());
    Instance instance = new Store(engine).instantiate(module, new Imports());
    assertEquals(2, instance.function("lanes").call()[0].asInt());
  }

  @Test
  void aotClassFilesLoadWithoutCompilingAndRunTheSame() {
    Engine engine = Tiers.compiled();
    String wat = """
        (module (memory 1)
          (func (export "sum") (param $n i32) (result i64) (local $acc i64)
            (block $done (loop $l
              (br_if $done (i32.eqz (local.get $n)))
              (i64.store (i32.const 8) (i64.add (i64.load (i32.const 8)) (i64.extend_i32_u (local.get $n))))
              (local.set $n (i32.sub (local.get $n) (i32.const 1)))
              (br $l)))
            (i64.load (i32.const 8))))
        """;
    Module module = Tiers.compile(engine, wat);
    CompiledModule code = (CompiledModule) module.code();
    CompiledModule loaded = Compiler.load(module.model(), engine, code.classFiles());
    assertEquals(code.report(), loaded.report());
    var store = new Store(engine);
    Instance instance = store.instantiate(module, new Imports());
    Instance other = new Store(engine).instantiate(module, new Imports());
    // Instances share the class but not the memory.
    assertEquals(5050L, instance.function("sum").call(Value.i32(100))[0].asLong());
    assertEquals(5050L * 2, instance.function("sum").call(Value.i32(100))[0].asLong());
    assertEquals(5050L, other.function("sum").call(Value.i32(100))[0].asLong());
    assertEquals(5050L, loaded.invoke(new Store(engine).instantiate(module, new Imports()), 0,
        new Value[] {Value.i32(100)})[0].asLong());
  }
}
