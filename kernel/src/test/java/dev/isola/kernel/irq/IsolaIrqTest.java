package dev.isola.kernel.irq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.interp.Interpreter;
import dev.isola.kernel.sched.Group;
import dev.isola.kernel.sched.GroupSpec;
import dev.isola.kernel.sched.Scheduler;
import dev.isola.kernel.sched.SchedulerConfig;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Store;
import dev.isola.runtime.Value;
import dev.isola.wasm.text.TextParser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code isola:irq} ABI, call by call: each error code and what a success changes. Handle 3 is an event
 * source, handle 4 an open handle that cannot interrupt, anything else not open.
 */
class IsolaIrqTest {
  private static final Engine ENGINE = Engine.of(EngineConfig.of(new Interpreter()));

  private static final String GUEST = """
      (module
        (import "isola:irq" "attach" (func $attach (param i32 i32 i32) (result i32)))
        (import "isola:irq" "detach" (func $detach (param i32) (result i32)))
        (import "isola:irq" "mask" (func $mask (param i32) (result i32)))
        (import "isola:irq" "unmask" (func $unmask (param i32) (result i32)))
        (import "isola:irq" "overflows" (func $overflows (param i32) (result i64)))
        (memory 1)
        (data (i32.const 16) "on_edgenot_thereon_wrong")
        (func (export "attach") (param i32 i32 i32) (result i32)
          (call $attach (local.get 0) (local.get 1) (local.get 2)))
        (func (export "detach") (param i32) (result i32) (call $detach (local.get 0)))
        (func (export "mask") (param i32) (result i32) (call $mask (local.get 0)))
        (func (export "unmask") (param i32) (result i32) (call $unmask (local.get 0)))
        (func (export "overflows") (param i32) (result i64) (call $overflows (local.get 0)))
        (func (export "on_edge") (param i32))
        (func (export "on_wrong") (param i64)))
      """;

  private static final int ON_EDGE = 16;
  private static final int NOT_THERE = 23;
  private static final int ON_WRONG = 32;

  private final Scheduler scheduler = Scheduler.start(SchedulerConfig.of(1, Duration.ofMillis(5)));
  private final Group group = scheduler.group(GroupSpec.of("dev", 10));
  private final IrqGuests.TestSource edge = new IrqGuests.TestSource("edge");
  /** What handle 5 is now: a guest may close it and open another source that gets the same number. */
  private volatile IrqGuests.TestSource five = new IrqGuests.TestSource("five");
  private final List<String> log = new CopyOnWriteArrayList<>();
  private Instance instance;
  private final InterruptController irq = new InterruptController(group, name -> instance.function(name),
      handle -> switch (handle) {
        case 3 -> new EventSources.Lookup.Found(edge);
        case 4 -> new EventSources.Lookup.NotASource();
        case 5 -> five == null ? new EventSources.Lookup.NotOpen() : new EventSources.Lookup.Found(five);
        default -> new EventSources.Lookup.NotOpen();
      },
      label -> 20, Duration.ofSeconds(10), log::add, (h, l, t) -> log.add("trap " + h));

  IsolaIrqTest() {
    Imports imports = new Imports();
    for (HostFunction f : new IsolaIrq(irq).functions()) {
      imports.define(f);
    }
    instance = new Store(ENGINE).instantiate(ENGINE.compile(TextParser.parseModule(GUEST)), imports);
  }

  @AfterEach
  void shutdown() {
    irq.close();
    scheduler.shutdown();
  }

  private int call(String name, int... args) {
    Value[] values = new Value[args.length];
    for (int i = 0; i < args.length; i++) {
      values[i] = Value.i32(args[i]);
    }
    return instance.function(name).call(values)[0].asInt();
  }

  @Test
  void attachChecksTheNameTheHandleAndTheHandler() {
    assertEquals(-1, call("attach", 3, 65530, 10), "EFAULT: the name runs past the memory");
    assertEquals(-1, call("attach", 3, ON_EDGE, -1), "EFAULT: a negative length");
    assertEquals(-2, call("attach", 3, ON_EDGE, 0), "EINVAL: an empty name");
    assertEquals(-10, call("attach", 7, ON_EDGE, 7), "EBADF: not an open handle");
    assertEquals(-11, call("attach", 4, ON_EDGE, 7), "ENOTSUP: cannot interrupt");
    assertEquals(-9, call("attach", 3, NOT_THERE, 9), "ENOENT: no such export");
    assertEquals(-9, call("attach", 3, ON_WRONG, 8), "ENOENT: not (i32) -> ()");
    assertFalse(edge.subscribed());
    assertEquals(0, call("attach", 3, ON_EDGE, 7));
    assertTrue(edge.subscribed());
    assertEquals(-7, call("attach", 3, ON_EDGE, 7), "EBUSY: attached already");
    assertEquals(20, irq.lines().getFirst().priority());
    assertEquals("on_edge", irq.lines().getFirst().handler());
  }

  @Test
  void theOtherCallsNeedAnAttachedLine() {
    for (String name : List.of("detach", "mask", "unmask")) {
      assertEquals(-10, call(name, 3), name);
    }
    assertEquals(-10L, instance.function("overflows").call(Value.i32(3))[0].asLong());
    assertEquals(0, call("attach", 3, ON_EDGE, 7));
    assertEquals(0, call("mask", 3));
    assertTrue(irq.lines().getFirst().masked());
    assertEquals(0, call("mask", 3), "masking twice is harmless");
    edge.fire();
    edge.fire();
    assertEquals(2, irq.lines().getFirst().pending(), "a masked line still counts");
    assertEquals(0, call("unmask", 3));
    assertFalse(irq.lines().getFirst().masked());
    assertEquals(0L, instance.function("overflows").call(Value.i32(3))[0].asLong());
    assertEquals(0, call("detach", 3));
    assertFalse(edge.subscribed(), "detach unsubscribes");
    assertEquals(List.of(), irq.lines());
    assertEquals(-10, call("detach", 3));
    assertEquals(0, call("attach", 3, ON_EDGE, 7), "attach again after detach");
  }

  @Test
  void aClosedHandlesLineIsGoneAndItsNumberCanBeAttachedAgain() {
    assertEquals(0, call("attach", 5, ON_EDGE, 7));
    five = null; // the guest closed handle 5 (the I/O API unsubscribes its source)
    assertEquals(-10, call("mask", 5), "EBADF: the handle was closed");
    five = new IrqGuests.TestSource("five"); // another open gets number 5 again
    assertEquals(0, call("attach", 5, ON_EDGE, 7), "not EBUSY: the old line went with its handle");
    assertEquals(1, irq.lines().size());
    assertTrue(five.subscribed());
  }

  @Test
  void closeUnsubscribesEverySource() {
    assertEquals(0, call("attach", 3, ON_EDGE, 7));
    irq.close();
    assertFalse(edge.subscribed());
    assertEquals(-10, call("attach", 3, ON_EDGE, 7), "an ended incarnation attaches nothing");
  }
}
