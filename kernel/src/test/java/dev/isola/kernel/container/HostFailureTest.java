package dev.isola.kernel.container;

import static dev.isola.kernel.TestSystems.awaitTrue;
import static dev.isola.kernel.TestSystems.container;
import static dev.isola.kernel.TestSystems.wat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.interp.Interpreter;
import dev.isola.kernel.Guests;
import dev.isola.kernel.TestSystems;
import dev.isola.kernel.config.RestartPolicy;
import dev.isola.kernel.sched.Scheduler;
import dev.isola.kernel.sched.SchedulerConfig;
import dev.isola.runtime.Caller;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.HostFunction;
import dev.isola.wasm.FuncType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exception thrown by a host function fails only the container whose guest called it (a trap "host function
 * failed"), and its restart policy applies; a neighbour keeps counting. Also the restart backoff's arithmetic.
 */
class HostFailureTest {
  @TempDir
  Path dir;

  private final Scheduler scheduler = Scheduler.start(SchedulerConfig.of(2, Duration.ofMillis(5)));

  @AfterEach
  void shutdown() {
    scheduler.shutdown();
  }

  static void boom(Caller caller) {
    throw new IllegalStateException("the host broke");
  }

  @Test
  void aHostFunctionsExceptionFailsOnlyItsCaller() throws Exception {
    var boom = HostFunction.of("test", "boom", FuncType.of(List.of(), List.of()), MethodHandles.lookup()
        .findStatic(HostFailureTest.class, "boom", MethodType.methodType(void.class, Caller.class)));
    TestSystems.Log log = new TestSystems.Log();
    Engine engine = Engine.of(EngineConfig.of(new Interpreter()));
    // The portal linker is the hook that lets a test offer one more host function.
    PortalLinker linker = (importer, imports) -> imports.define(boom);
    Services services = new Services(engine, scheduler, Map.of(), Map.of(), linker, log, scheduler.nanoTime());
    Path victim = wat(dir, "victim", """
        (module
          (import "test" "boom" (func $boom))
          (memory 1)
          (func (export "_start") (call $boom)))
        """);
    Path ticker = wat(dir, "ticker", Guests.TICKER);
    var victimSpec = container("victim", victim)
        .restart(RestartPolicy.Kind.ON_FAILURE, Duration.ofMillis(5), Duration.ofMillis(10)).build();
    var tickerSpec = container("ticker", ticker).periodic("tick", Duration.ofMillis(5)).build();
    Container v = new Container(victimSpec, engine.compile(Files.readAllBytes(victim)), services);
    Container t = new Container(tickerSpec, engine.compile(Files.readAllBytes(ticker)), services);
    t.start();
    v.start();
    awaitTrue(() -> v.restarts() >= 2, "two restarts of the victim");
    long ticks = t.schedulerStats().activations();
    awaitTrue(() -> t.schedulerStats().activations() > ticks + 5, "the ticker to keep counting");
    Outcome last = v.lastOutcome().orElseThrow();
    var trapped = assertInstanceOf(Outcome.Trapped.class, last);
    assertTrue(trapped.message().contains("host function failed") && trapped.message().contains("the host broke"),
        trapped.message());
    assertEquals(0, t.traps());
    assertEquals(ContainerState.RUNNING, t.state());
    v.stop("test over").get();
    t.stop("test over").get();
    assertEquals(ContainerState.STOPPED, t.state());
  }

  @Test
  void backoffDoublesUpToItsMaximum() {
    var policy = new RestartPolicy(RestartPolicy.Kind.ON_FAILURE, Duration.ofMillis(100), Duration.ofMillis(500));
    assertEquals(Duration.ofMillis(100), Container.backoff(policy, 1));
    assertEquals(Duration.ofMillis(200), Container.backoff(policy, 2));
    assertEquals(Duration.ofMillis(400), Container.backoff(policy, 3));
    assertEquals(Duration.ofMillis(500), Container.backoff(policy, 4));
    assertEquals(Duration.ofMillis(500), Container.backoff(policy, 60));
  }
}
