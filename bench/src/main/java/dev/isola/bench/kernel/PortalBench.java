package dev.isola.bench.kernel;

import dev.isola.compiler.Compiler;
import dev.isola.interp.Interpreter;
import dev.isola.kernel.config.PortalSignature;
import dev.isola.kernel.config.PortalSpec;
import dev.isola.kernel.container.ExporterUnavailableException;
import dev.isola.kernel.container.PortalCall;
import dev.isola.kernel.container.PortalExporter;
import dev.isola.kernel.container.PortalFrame;
import dev.isola.kernel.container.PortalStackOverflowException;
import dev.isola.kernel.portal.PortalLink;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Function;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Memory;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.Value;
import dev.isola.runtime.spi.ExecutionTier;
import dev.isola.wasm.text.TextParser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A portal round trip (issue 4): a Wasm caller calls an imported portal function, which runs the exporter's export
 * on the same thread and returns, measured from the caller's exported function ({@code Function.call}) back.
 *
 * <ul>
 *   <li>{@code scalar}: {@code (i32, i32) -> i32}, no buffer;
 *   <li>{@code buffer1k}: {@code (inout) -> i32} over 1 KiB: copied into the exporter's portal stack, the exporter
 *       touches it, copied back;
 *   <li>{@code local}: the same caller calling a function of its own instead (the baseline of one Wasm call from
 *       the embedder), so {@code scalar - local} is what the portal adds.
 * </ul>
 *
 * The exporter side is a minimal {@link PortalExporter} (a lock and a portal stack at the top of its memory), so
 * this measures the portal package (verify, copy, cross-instance call) without the scheduler's task switch; the
 * kernel's Container adds taking the exporter's group exclusion. Run: {@code bench/run.sh jmh PortalBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PortalBench {
  static final String EXPORTER = """
      (module
        (memory 1)
        (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
        (func (export "touch") (param $p i32) (param $n i32) (result i32)
          ;; the first and last byte change, so the copy back carries something
          local.get $p local.get $p i32.load8_u i32.const 1 i32.add i32.store8
          local.get $p local.get $n i32.add i32.const 1 i32.sub i32.const 7 i32.store8
          local.get $n))
      """;

  static final String CALLER = """
      (module
        (import "portal:svc" "add" (func $add (param i32 i32) (result i32)))
        (import "portal:svc" "touch" (func $touch (param i32 i32) (result i32)))
        (memory 1)
        (func $own (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
        (func (export "scalar") (param i32 i32) (result i32) local.get 0 local.get 1 call $add)
        (func (export "local") (param i32 i32) (result i32) local.get 0 local.get 1 call $own)
        (func (export "buffer") (param i32 i32) (result i32) local.get 0 local.get 1 call $touch))
      """;

  @Param({"interp", "compiled"})
  public String tier;

  private Function scalar;
  private Function local;
  private Function buffer;
  private final Value two = Value.i32(2);
  private final Value three = Value.i32(3);
  private final Value at = Value.i32(4096);
  private final Value kib = Value.i32(1024);

  @Setup
  public void setup() {
    ExecutionTier t = tier.equals("compiled") ? new Compiler() : new Interpreter();
    Engine engine = Engine.of(EngineConfig.of(t));
    Instance exporter = new Store(engine).instantiate(engine.compile(TextParser.parseModule(EXPORTER)), new Imports());
    DirectExporter target = new DirectExporter(exporter, 32768, 65536);
    Map<String, PortalSignature> fns = new LinkedHashMap<>();
    fns.put("add", PortalSignature.parse("(i32, i32) -> i32"));
    fns.put("touch", PortalSignature.parse("(inout) -> i32"));
    PortalLink link = PortalLink.of(new PortalSpec("svc", "server", fns), "client", name -> Optional.of(target));
    Instance caller = new Store(engine).instantiate(engine.compile(TextParser.parseModule(CALLER)),
        link.define(new Imports()));
    scalar = caller.function("scalar");
    local = caller.function("local");
    buffer = caller.function("buffer");
    if (scalar.call(two, three)[0].asInt() != 5 || buffer.call(at, kib)[0].asInt() != 1024) {
      throw new IllegalStateException("portal round trip gave a wrong answer");
    }
  }

  @Benchmark
  public int scalar() {
    return scalar.call(two, three)[0].asInt();
  }

  @Benchmark
  public int local() {
    return local.call(two, three)[0].asInt();
  }

  @Benchmark
  public int buffer1k() {
    return buffer.call(at, kib)[0].asInt();
  }

  /** A lock and a portal stack in the upper half of the exporter's memory: the least an exporter must do. */
  static final class DirectExporter implements PortalExporter {
    private final Instance instance;
    private final Memory memory;
    private final int bottom;
    private final int top;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Function> exports = new LinkedHashMap<>();

    DirectExporter(Instance instance, int bottom, int top) {
      this.instance = instance;
      this.memory = instance.memory(0);
      this.bottom = bottom;
      this.top = top;
    }

    @Override
    public String name() {
      return "server";
    }

    @Override
    public <R> R call(PortalCall<R> call) {
      lock.lock();
      try {
        return call.run(new PortalFrame() {
          int cursor = top;

          @Override
          public Instance instance() {
            return instance;
          }

          @Override
          public Memory memory() {
            return memory;
          }

          @Override
          public Function export(String name) {
            return exports.computeIfAbsent(name, instance::function);
          }

          @Override
          public int push(int length) {
            int at = (cursor - length) & ~15;
            if (at < bottom) {
              throw new PortalStackOverflowException("server", length, cursor - bottom);
            }
            cursor = at;
            return at;
          }
        });
      } catch (Trap t) {
        throw new ExporterUnavailableException("server", t.getMessage());
      } finally {
        lock.unlock();
      }
    }
  }
}
