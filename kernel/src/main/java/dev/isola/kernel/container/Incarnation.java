package dev.isola.kernel.container;

import dev.isola.kernel.config.ContainerSpec;
import dev.isola.kernel.config.ContextSpec;
import dev.isola.kernel.io.Handles;
import dev.isola.kernel.irq.InterruptController;
import dev.isola.kernel.irq.IsolaIrq;
import dev.isola.kernel.region.RegionBinder;
import dev.isola.kernel.sched.Periodic;
import dev.isola.kernel.sched.Task;
import dev.isola.kernel.sys.IsolaSys;
import dev.isola.kernel.sys.SysError;
import dev.isola.kernel.sys.SysHost;
import dev.isola.runtime.Function;
import dev.isola.runtime.Global;
import dev.isola.runtime.GuestExit;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Memory;
import dev.isola.runtime.Module;
import dev.isola.runtime.ResourceLimiter;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.wasm.WasmException;
import dev.isola.wasi.Wasi;
import dev.isola.wasi.WasiConfig;
import dev.isola.wasm.MemoryType;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One life of a container: one store, one instance, one WASI context, its contexts' tasks, from boot to the
 * first {@link Outcome}. A restart or a swap makes a new incarnation; nothing of the old one's state survives
 * except the container's counters.
 *
 * <p>Boot runs as a task of the container's group (so instantiation, including the module's start function,
 * runs under the scheduler and its watchdog like any guest code): it instantiates, grows the memory by one
 * stack region per extra context (and one portal stack if the container exports portals), then runs {@code
 * _start} itself (a command) or spawns one task per context.
 *
 * <p><b>Stacks.</b> All contexts share the group's exclusion, which the scheduler hands over only when the
 * running context sleeps, yields or blocks (never at a preemption). Those are all host calls of this class, so
 * the switch of {@code __stack_pointer} is done here: the value is saved before the call gives the exclusion
 * up and restored after it has it back. In between, the next context restored its own value, so each context
 * always finds its own stack pointer, whatever ran meanwhile.
 */
final class Incarnation implements SysHost {
  /** The context running on this thread (portal calls keep the caller's). */
  static final ScopedValue<ContextRun> CONTEXT = ScopedValue.newInstance();

  /**
   * Whether contexts get their own stacks and {@code __stack_pointer} is saved and restored at every switch.
   * Only the test that proves the switch is needed turns it off (and then sees the contexts corrupt each
   * other's frames).
   */
  static volatile boolean switchStacks = true;

  private final Container container;
  private final ContainerSpec spec;
  /** This incarnation's I/O handles: closed at its end. */
  private Handles handles;
  final Module module;
  final int number;
  private final AtomicReference<Outcome> outcome = new AtomicReference<>();
  /** Contexts (or the command) that have not returned yet; the incarnation exits when it reaches zero. */
  private final AtomicInteger running = new AtomicInteger();
  private final long startedAt;

  // Set by boot on its task's thread, before any other task of the incarnation is spawned (spawn happens
  // after, which orders these writes before every read by the spawned tasks).
  private Store store;
  private Instance instance;
  private Wasi wasi;
  private LogLineStream stdout;
  private LogLineStream stderr;
  /** The stack pointer global, or null for a module that has none. */
  private Global stackPointer;
  private int[] stackTops = new int[0];
  /** The portal stack: [portalBase, portalTop) of memory 0; 0, 0 when the container exports no portal. */
  private int portalBase;
  private int portalTop;
  /** The top of the interrupt task's stack region; 0 when the module does not import isola:irq. */
  private int handlerTop;
  /** The incarnation's interrupt lines (isola:irq); made with the imports, closed with the incarnation. */
  private InterruptController interrupts;
  private volatile boolean booted;

  Container container() {
    return container;
  }

  Incarnation(Container container, Module module, int number) {
    this.container = container;
    this.spec = container.spec();
    this.module = module;
    this.number = number;
    this.startedAt = container.services().scheduler().nanoTime();
  }

  /**
   * Makes the store, the WASI context and the imports, on the supervisor's thread: building a few dozen host
   * functions spins method handles, which on a cold JVM takes long enough that it must not count against the
   * watchdog of the boot task. Then spawns the boot task. A failure here ends the incarnation.
   */
  void start() {
    Imports imports;
    try {
      Services services = container.services();
      store = new Store(services.engine(), new MemoryLimit(spec.memoryLimitBytes()));
      store.setSafepointHandler(s -> safepoint());
      stdout = new LogLineStream(line -> services.log().line(spec.name(), line));
      stderr = new LogLineStream(line -> services.log().line(spec.name(), line));
      List<String> args = new ArrayList<>();
      args.add(spec.name());
      args.addAll(spec.args());
      wasi = new Wasi(WasiConfig.builder().args(args).env(spec.env())
          .stdin(new ByteArrayInputStream(new byte[0])).stdout(stdout).stderr(stderr).build());
      interrupts = new InterruptController(container.group(), this::handlerExport,
          services.peripherals().sources(spec.name()),
          spec::interruptPriority, spec.maskLimit(), line -> services.log().line(spec.name(), line),
          (handler, label, trap) -> end(new Outcome.Trapped("interrupt handler " + handler + " (line " + label + ")",
              trap.getMessage())));
      imports = imports(spec, services, wasi, this);
    } catch (RuntimeException e) {
      end(new Outcome.FailedToStart(e.getMessage()));
      return;
    }
    container.group().spawn(spec.isCommand() ? "_start" : "boot", () -> boot(imports));
  }

  Outcome outcome() {
    return outcome.get();
  }

  boolean booted() {
    return booted && outcome.get() == null;
  }

  long startedAt() {
    return startedAt;
  }

  /**
   * Records how the incarnation ended, if nothing did before: the first outcome wins. Stops every other task
   * of the incarnation at once (a failure must not let sibling contexts run on in a broken instance) and tells
   * the container's supervisor.
   */
  void end(Outcome o) {
    if (outcome.compareAndSet(null, o)) {
      container.group().kill(o.describe());
      container.ended(this, o);
    }
  }

  // ---- boot ----

  private void boot(Imports imports) {
    try {
      Task.current().setPreemptRequest(store::requestSafepoint);
      instance = store.instantiate(module, imports);
      stackPointer = switchStacks ? StackPointer.of(instance) : null;
      growStacks();
    } catch (WasmException | IllegalArgumentException | IllegalStateException e) {
      if (e instanceof Trap t && t.kind() == TrapKind.INTERRUPTED && Task.current().killReason() != null) {
        end(new Outcome.Stopped(t.getMessage()));
      } else {
        end(new Outcome.FailedToStart(e.getMessage()));
      }
      return;
    }
    if (handlesInterrupts()) {
      // Spawned before the contexts, so it is first in line for the exclusion; it gives it up at once (its
      // awaitWake) unless a line is pending by then.
      ContextRun ctx = new ContextRun(this, -1, "irq", Optional.empty());
      Task irqTask = container.group().spawnInterruptTask("irq", () -> runInterrupts(ctx));
      container.group().attachInterrupts(interrupts, irqTask);
    }
    booted = true;
    if (spec.isCommand()) {
      running.set(1);
      runContext(new ContextRun(this, 0, "_start", Optional.empty()));
      return;
    }
    List<ContextSpec> contexts = spec.contexts();
    running.set(contexts.size());
    for (int i = 0; i < contexts.size(); i++) {
      ContextRun ctx = new ContextRun(this, i, contexts.get(i).export(), contexts.get(i).period());
      container.group().spawn(ctx.export(), () -> runContext(ctx));
    }
  }

  /**
   * Everything a container is offered to import: WASI, {@code isola:sys} (both bracketed for the watchdog, see
   * {@link HostCalls}), its regions and its portals.
   */
  static Imports imports(ContainerSpec spec, Services services, Wasi wasi, SysHost sys) {
    Imports imports = new Imports();
    for (HostFunction f : wasi.functions()) {
      imports.define(HostCalls.watched(f));
    }
    for (HostFunction f : new IsolaSys(sys).functions()) {
      imports.define(HostCalls.watched(f));
    }
    for (HostFunction f : new IsolaIrq(sys instanceof Incarnation inc ? inc.interrupts : null).functions()) {
      imports.define(HostCalls.watched(f));
    }
    Handles table = services.peripherals().table(spec, sys != null);
    if (sys instanceof Incarnation inc) {
      inc.handles = table;
    }
    dev.isola.kernel.io.IsolaIo.functions(table).forEach(f -> imports.define(HostCalls.watched(f)));
    RegionBinder.define(imports, spec.regions(), services.regions());
    services.portals().define(spec, imports);
    return imports;
  }

  /**
   * Grows memory 0 by a stack region for every context after the first, and one for portal calls if the
   * container exports a portal. The regions lie above everything the module's own data and heap used at
   * start; C's allocator gets later pages from {@code memory.grow}, which hands out pages after these.
   */
  private void growStacks() {
    int contexts = spec.isCommand() ? 1 : spec.contexts().size();
    int extra = Math.max(0, contexts - 1);
    boolean portals = !spec.portalExports().isEmpty();
    stackTops = new int[contexts];
    var model = instance.module().model();
    // Stacks live in memory 0, where C addresses them; a module whose memory 0 is an imported region (fixed
    // size, shared) gets none.
    if (model.memorySpace().isEmpty() || !model.imports(dev.isola.wasm.ExternKind.MEMORY).isEmpty()) {
      stackPointer = null; // nothing to switch to: leave the global alone
      return;
    }
    Memory memory = instance.memory(0);
    int pages = (int) Math.max(1, (spec.stackBytes() + MemoryType.PAGE_SIZE - 1) / MemoryType.PAGE_SIZE);
    if (stackPointer != null) {
      stackTops[0] = (int) stackPointer.raw();
      for (int i = 1; i <= extra; i++) {
        stackTops[i] = growRegion(memory, pages, "the stack of context " + spec.contexts().get(i).export());
      }
    }
    if (portals) {
      portalTop = growRegion(memory, pages, "the portal stack");
      portalBase = portalTop - pages * MemoryType.PAGE_SIZE;
    }
    if (stackPointer != null && handlesInterrupts()) {
      handlerTop = growRegion(memory, pages, "the interrupt handlers' stack");
    }
  }

  /** Whether the module imports isola:irq: only then is there an interrupt task (and its stack). */
  private boolean handlesInterrupts() {
    return module.model().imports().stream().anyMatch(i -> i.module().equals(IsolaIrq.MODULE));
  }

  private static int growRegion(Memory memory, int pages, String what) {
    int old = memory.grow(pages);
    if (old < 0) {
      throw new IllegalStateException("the memory limit leaves no room for " + what + " (" + pages + " pages)");
    }
    return (old + pages) * MemoryType.PAGE_SIZE;
  }

  // ---- contexts ----

  private void runContext(ContextRun ctx) {
    ScopedValue.where(CONTEXT, ctx).run(() -> runBound(ctx));
  }

  private void runBound(ContextRun ctx) {
    Task task = Task.current();
    task.setPreemptRequest(store::requestSafepoint);
    try {
      Function fn = instance.function(ctx.export());
      if (ctx.period().isPresent()) {
        // Each activation starts at its stack's top: nothing of the stack pointer survives between activations.
        Periodic.of(ctx.period().get(), () -> {
          enterStack(ctx);
          fn.call();
        }).run();
      } else {
        enterStack(ctx);
        fn.call();
      }
      if (running.decrementAndGet() == 0) {
        end(new Outcome.Exited(0));
      }
    } catch (GuestExit e) {
      end(new Outcome.Exited(e.status()));
    } catch (Trap t) {
      String killed = task.killReason();
      if (t.kind() == TrapKind.INTERRUPTED && killed != null) {
        // Our own kills record their outcome before killing, so one that finds none is the scheduler's.
        end(killed.startsWith("watchdog")
            ? new Outcome.WatchdogExpired(ctx.export(), killed)
            : new Outcome.Trapped(ctx.export(), killed));
      } else {
        end(new Outcome.Trapped(where(ctx, t), t.getMessage()));
      }
    } catch (WasmException | IllegalArgumentException | IllegalStateException e) {
      end(new Outcome.Trapped(ctx.export(), e.getMessage()));
    } catch (StackOverflowError e) {
      // The tiers count frames, so this means a host's own recursion went too deep: the guest's fault to contain.
      end(new Outcome.Trapped(ctx.export(), "host stack exhausted"));
    }
  }

  /**
   * The interrupt task: runs the container's handlers when no context owns the exclusion (design.md section
   * 3), on its own stack region. It waits without the exclusion; the scheduler wakes it, first in line for the
   * exclusion, when a line becomes pending, and its checkpoint runs the handlers.
   */
  private void runInterrupts(ContextRun ctx) {
    ScopedValue.where(CONTEXT, ctx).run(() -> {
      Task task = Task.current();
      task.setPreemptRequest(store::requestSafepoint);
      try {
        while (true) {
          task.awaitWake(Long.MAX_VALUE);
          serveOnHandlerStack(ctx, task);
        }
      } catch (GuestExit e) {
        end(new Outcome.Exited(e.status()));
      } catch (Trap t) {
        // A handler's own trap was reported by the controller (first outcome wins); a kill is the end's.
        if (task.killReason() == null) {
          end(new Outcome.Trapped("interrupt task", t.getMessage()));
        }
      } catch (WasmException | IllegalArgumentException | IllegalStateException e) {
        end(new Outcome.Trapped("interrupt task", e.getMessage()));
      } catch (StackOverflowError e) {
        end(new Outcome.Trapped("interrupt task", "host stack exhausted"));
      }
    });
  }

  /** Runs the pending handlers (the task's checkpoint does) with {@code __stack_pointer} on the handler stack. */
  private void serveOnHandlerStack(ContextRun ctx, Task task) {
    ctx.clock().restart();
    if (stackPointer == null || handlerTop == 0 || !switchStacks) {
      task.checkpoint();
      return;
    }
    // Whoever owned the exclusion before saved its own value (it gave the exclusion up in a host call that
    // switches stacks); restored anyway, so that nothing depends on that.
    long saved = stackPointer.raw();
    stackPointer.setRaw(handlerTop);
    try {
      task.checkpoint();
    } finally {
      stackPointer.setRaw(saved);
    }
  }

  /**
   * A handler's export; none while the instance is being made (a start function cannot attach one). If the
   * export is wasm-ld's command export wrapper, the function it wraps: a handler must not run libc's exit work
   * (a stdout flush) in the middle of the code it interrupts (see {@link CommandExport}).
   */
  private Function handlerExport(String name) {
    Instance i = instance;
    if (i == null) {
      throw new IllegalStateException("the instance does not exist yet");
    }
    Function export = i.function(name); // throws if there is no such export: the controller answers ENOENT
    OptionalInt wrapped = CommandExport.wrapped(module.model(), name);
    return wrapped.isPresent() ? i.function(wrapped.getAsInt()) : export;
  }

  /** This incarnation's interrupt lines. */
  InterruptController interrupts() {
    return interrupts;
  }

  /**
   * The slow path of every poll of this store's code (whoever's thread runs it: a portal call runs here on
   * its caller's): the loop watchdog (see {@link RunClock}), then the scheduler's checkpoint, which may park
   * the thread or throw the kill trap.
   */
  private void safepoint() {
    Task t = Task.current();
    if (t == null) {
      return;
    }
    ContextRun ctx = CONTEXT.isBound() ? CONTEXT.get() : null;
    if (ctx != null) {
      long used = ctx.clock().beforePark();
      long limit = ctx.incarnation().spec.watchdog().toNanos();
      if (used > limit) {
        t.kill("watchdog: ran " + used / 1_000_000 + " ms without a host call (limit " + limit / 1_000_000
            + " ms)");
      }
    }
    t.checkpoint();
    if (ctx != null) {
      ctx.clock().afterPark();
    }
  }

  /** Points {@code __stack_pointer} at the top of {@code ctx}'s stack: at a context's (or activation's) start. */
  private void enterStack(ContextRun ctx) {
    ctx.clock().restart();
    if (stackPointer != null && switchStacks) {
      stackPointer.setRaw(stackTops[ctx.index()]);
    }
  }

  private static String where(ContextRun ctx, Trap t) {
    return t.wasmStackTrace().isEmpty() ? ctx.export() : ctx.export() + " at " + t.wasmStackTrace().getFirst();
  }

  /** Finishes what the guest left: its last unterminated output lines, its open files. */
  void close() {
    if (interrupts != null) {
      interrupts.close();
    }
    if (handles != null) {
      // Its peripherals go back to the board now, not when a next incarnation starts (there may be none).
      container.services().peripherals().release(spec.name(), handles);
    }
    if (stdout != null) {
      stdout.finish();
      stderr.finish();
    }
    if (wasi != null) {
      wasi.close();
    }
  }

  // ---- portal calls into this incarnation ----

  Instance instance() {
    return instance;
  }

  Store store() {
    return store;
  }

  Global stackPointer() {
    return stackPointer;
  }

  int portalBase() {
    return portalBase;
  }

  int portalTop() {
    return portalTop;
  }

  // ---- isola:sys ----

  /**
   * Runs {@code blocking} (which gives up the group's exclusion: a sleep or a yield) keeping this context's
   * {@code __stack_pointer}: saved before, restored after. Only for the incarnation's own contexts: a portal
   * call running here on a caller's thread keeps every exclusion while it sleeps, so nothing switches.
   */
  private void switchingStacks(Runnable blocking) {
    ContextRun ctx = CONTEXT.isBound() ? CONTEXT.get() : null;
    if (ctx == null || ctx.incarnation() != this || stackPointer == null || !switchStacks) {
      blocking.run();
      return;
    }
    long saved = stackPointer.raw();
    blocking.run();
    stackPointer.setRaw(saved);
  }

  @Override
  public long now() {
    return container.services().scheduler().nanoTime() - container.services().epoch();
  }

  @Override
  public int sleepUntil(long ns) {
    long until = container.services().epoch() + ns;
    // Overflow of epoch + a huge ns: sleep "forever" rather than not at all.
    long target = ns > 0 && until < container.services().epoch() ? Long.MAX_VALUE : until;
    switchingStacks(() -> Task.current().sleepUntil(target));
    return SysError.OK.code();
  }

  @Override
  public void yieldNow() {
    switchingStacks(() -> Task.current().yieldNow());
  }

  @Override
  public void log(int level, String line) {
    container.services().log().line(spec.name(), line);
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public long limit(int which) {
    return switch (which) {
      case 0 -> spec.memoryLimitBytes();
      case 1 -> spec.budget().map(b -> b.time().toNanos()).orElse(-1L);
      case 2 -> spec.budget().map(b -> b.period().toNanos()).orElse(-1L);
      case 3 -> spec.priority();
      case 4 -> spec.criticality().code();
      default -> SysError.EINVAL.code();
    };
  }

  @Override
  public void exiting(int code) {
    // The GuestExit that follows unwinds this context; end() then stops the others.
  }

  /** Holds the container's own memory to its limit: the memory and every stack region grown for it. */
  private record MemoryLimit(long bytes) implements ResourceLimiter {
    public boolean memoryGrowing(long currentPages, long desiredPages) {
      return desiredPages * MemoryType.PAGE_SIZE <= bytes;
    }

    public boolean tableGrowing(long currentElements, long desiredElements) {
      // Tables hold references, 8 bytes or so each: the same limit, roughly.
      return desiredElements * 8 <= bytes;
    }
  }
}
