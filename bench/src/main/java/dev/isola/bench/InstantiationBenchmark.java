package dev.isola.bench;

import dev.isola.compiler.Compiler;
import dev.isola.interp.Interpreter;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import dev.isola.runtime.spi.ExecutionTier;
import dev.isola.wasm.text.TextParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Instantiating a further instance of an already compiled small module: a new {@link Store} and {@code
 * instantiate}, the cost a container start pays once its module's code is there (goal of issue 3: at most 50 us on
 * the compiled tier). The module has what instantiation works on: a memory with a data segment, a table with an
 * element segment, globals, a handful of functions, and an export of each kind.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InstantiationBenchmark {
  static final String SMALL_MODULE = """
      (module
        (type $binop (func (param i32 i32) (result i32)))
        (memory (export "memory") 1 16)
        (data (i32.const 1024) "Isola instantiation benchmark: a data segment of some bytes.")
        (table (export "table") 8 funcref)
        (elem (i32.const 0) $add $sub $mul $load)
        (global $counter (export "counter") (mut i32) (i32.const 0))
        (global $base i32 (i32.const 1024))
        (func $add (type $binop) (i32.add (local.get 0) (local.get 1)))
        (func $sub (type $binop) (i32.sub (local.get 0) (local.get 1)))
        (func $mul (type $binop) (i32.mul (local.get 0) (local.get 1)))
        (func $load (type $binop) (i32.load8_u (i32.add (global.get $base) (local.get 0))))
        (func (export "dispatch") (param i32 i32 i32) (result i32)
          (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
          (call_indirect (type $binop) (local.get 1) (local.get 2) (local.get 0)))
        (func (export "sum") (param $n i32) (result i32) (local $acc i32)
          (block $done
            (loop $next
              (br_if $done (i32.eqz (local.get $n)))
              (local.set $acc (i32.add (local.get $acc) (call $load (local.get $n) (i32.const 0))))
              (local.set $n (i32.sub (local.get $n) (i32.const 1)))
              (br $next)))
          (local.get $acc)))
      """;

  @Param({"compiled", "interp"})
  public String tier;

  private Engine engine;
  private Module module;
  private Imports imports;

  @Setup(Level.Trial)
  public void compile() {
    ExecutionTier chosen = tier.equals("compiled") ? new Compiler() : new Interpreter();
    engine = Engine.of(EngineConfig.of(chosen));
    module = engine.compile(TextParser.parseModule(SMALL_MODULE));
    imports = new Imports();
  }

  @Benchmark
  public Instance instantiate() {
    return new Store(engine).instantiate(module, imports);
  }
}
