package dev.isola.kernel.irq;

import dev.isola.kernel.sched.Group;
import dev.isola.kernel.sched.InterruptLines;
import dev.isola.kernel.sched.Task;
import dev.isola.runtime.Function;
import dev.isola.runtime.Trap;
import dev.isola.runtime.Value;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The interrupt lines of one incarnation of a container (its "interrupt controller", as a CPU's NVIC): which
 * event source has which handler at which priority, what is pending and what is masked. It records events
 * from any thread and tells the scheduler ({@link Group#interrupt}); the scheduler has the right task run
 * {@link #service} at its next checkpoint.
 *
 * <pre>{@code
 * InterruptController irq = new InterruptController(group, instance::function, sources, spec::interruptPriority,
 *     spec.maskLimit(), log, (line, trap) -> fail(line, trap));
 * group.attachInterrupts(irq, handlerTask);
 * irq.attach(handle, "on_alert");          // what isola:irq attach does after its checks
 * }</pre>
 */
public final class InterruptController implements InterruptLines {
  /** The type every handler has: {@code void handler(int count)}. */
  public static final FuncType HANDLER_TYPE = FuncType.of(List.of(ValType.I32), List.of());

  /** How a handler's export is found; throws IllegalArgumentException when there is none. */
  @FunctionalInterface
  public interface Exports {
    Function function(String name);
  }

  /** Told when a handler traps (not when it is killed): the container fails, naming the handler. */
  @FunctionalInterface
  public interface TrapListener {
    void trapped(String handler, String label, Trap trap);
  }

  /** One platform daemon thread for every mask watch: runs only when a guest keeps a line masked too long. */
  private static final class Watches {
    static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1,
          r -> Thread.ofPlatform().daemon().name("isola-irq-mask").unstarted(r));
      e.setRemoveOnCancelPolicy(true);
      return e;
    }
  }

  private final Group group;
  private final Exports exports;
  private final EventSources sources;
  private final ToIntFunction<String> priorityOf;
  private final long maskLimitNanos;
  private final Consumer<String> log;
  private final TrapListener onTrap;

  /** Guards attach, detach and masking (the guest's calls and the mask watch); never held by service. */
  private final Object lock = new Object();
  /** Copy on write: read without a lock by pendingPriority (under the scheduler's lock) and by service. */
  private volatile Line[] lines = new Line[0];
  private final AtomicLong maskExpiries = new AtomicLong();
  private volatile boolean closed;

  /**
   * @param group the container's scheduler group (told of pending lines)
   * @param exports finds handler exports in the incarnation's instance (looked up at attach)
   * @param sources the incarnation's event sources by handle
   * @param priorityOf the priority of the line with a given label (the system file's, or the default)
   * @param maskLimit the longest a line may stay masked before the kernel unmasks it
   * @param log one line to the kernel's log about this container
   * @param onTrap told when a handler traps
   */
  public InterruptController(Group group, Exports exports, EventSources sources, ToIntFunction<String> priorityOf,
                             Duration maskLimit, Consumer<String> log, TrapListener onTrap) {
    this.group = group;
    this.exports = exports;
    this.sources = sources;
    this.priorityOf = priorityOf;
    this.maskLimitNanos = maskLimit.toNanos();
    this.log = log;
    this.onTrap = onTrap;
  }

  // ---- the guest's calls (isola:irq), after IsolaIrq checked its pointers ----

  /** Attaches export {@code export} to the event source behind {@code handle}; an {@code ISOLA_E*} code or 0. */
  public int attach(int handle, String export) {
    return switch (sources.find(handle)) {
      case EventSources.Lookup.Found(LineSource source) -> attach(handle, source, export, false);
      case EventSources.Lookup.NotOpen() -> IrqError.EBADF.code();
      case EventSources.Lookup.NotASource() -> IrqError.ENOTSUP.code();
    };
  }

  /**
   * Attaches export {@code export} as the handler of {@code source}, known to the guest as {@code handle} (the
   * kernel's own entry, for a source it resolved itself: tests, benchmarks). 0 or an {@code ISOLA_E*} code.
   */
  public int attach(int handle, LineSource source, String export) {
    return attach(handle, source, export, true);
  }

  private int attach(int handle, LineSource source, String export, boolean kernel) {
    Function handler;
    try {
      handler = exports.function(export);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return IrqError.ENOENT.code();
    }
    if (!handler.type().equals(HANDLER_TYPE)) {
      return IrqError.ENOENT.code();
    }
    Line line = new Line(handle, source.label(), priorityOf.applyAsInt(source.label()), export, handler, source,
        kernel);
    Line old = live(handle);
    synchronized (lock) {
      if (closed) {
        return IrqError.EBADF.code();
      }
      if (old != null && find(handle) == old) {
        return IrqError.EBUSY.code();
      }
      Line[] next = Arrays.copyOf(lines, lines.length + 1);
      next[lines.length] = line;
      lines = next;
    }
    try {
      source.subscribe(() -> fired(line));
    } catch (IllegalStateException e) {
      remove(line); // closed meanwhile (by another context of the guest)
      return IrqError.EBADF.code();
    }
    return IrqError.OK.code();
  }

  /** Takes the handler off {@code handle}'s line; events recorded and not yet handled are dropped. */
  public int detach(int handle) {
    Line line = live(handle);
    if (line == null) {
      return IrqError.EBADF.code();
    }
    synchronized (lock) {
      if (!line.attached) {
        return IrqError.EBADF.code(); // detached meanwhile, by another context
      }
      line.attached = false;
      cancelWatch(line);
    }
    line.source.unsubscribe();
    remove(line);
    return IrqError.OK.code();
  }

  /**
   * Masks the line: events are still recorded (counted, with overflows) but the handler does not run until
   * {@link #unmask}, or until the kernel unmasks it after the mask limit.
   */
  public int mask(int handle) {
    Line line = live(handle);
    if (line == null) {
      return IrqError.EBADF.code();
    }
    synchronized (lock) {
      if (!line.masked) {
        line.masked = true;
        long seq = ++line.maskSeq;
        line.maskWatch = Watches.EXECUTOR.schedule(() -> expire(line, seq), maskLimitNanos, TimeUnit.NANOSECONDS);
      }
      return IrqError.OK.code();
    }
  }

  /** Unmasks the line; a pending line's handler runs at the next safepoint (above the running level). */
  public int unmask(int handle) {
    Line line = live(handle);
    if (line == null) {
      return IrqError.EBADF.code();
    }
    synchronized (lock) {
      if (!line.masked) {
        return IrqError.OK.code();
      }
      line.masked = false;
      cancelWatch(line);
    }
    // After the masked flag is cleared: an event recorded meanwhile either saw it cleared (and raised the line
    // itself) or counted before this read (and is raised here). Both are volatile, so one of them sees the other.
    if (line.hasEvents()) {
      group.interrupt(line.priority);
    }
    return IrqError.OK.code();
  }

  /** Events the line lost to its saturated count since it was attached, or an {@code ISOLA_E*} code. */
  public long overflows(int handle) {
    Line line = live(handle);
    return line == null ? IrqError.EBADF.code() : line.overflows();
  }

  // ---- events (any thread) ----

  /** The source's listener: record, and tell the scheduler if the line became pending. */
  private void fired(Line line) {
    if (line.record() && !line.masked && line.attached) {
      group.interrupt(line.priority);
    }
  }

  /**
   * Records one event on {@code handle}'s line as if its source had fired (a software-triggered interrupt:
   * for the kernel's tests and benchmarks). False if no handler is attached to it.
   */
  public boolean trigger(int handle) {
    Line line = find(handle);
    if (line == null) {
      return false;
    }
    fired(line);
    return true;
  }

  /** The mask watch: the guest kept the line masked longer than its limit. */
  private void expire(Line line, long seq) {
    synchronized (lock) {
      if (!line.masked || line.maskSeq != seq) {
        return;
      }
      line.masked = false;
      line.maskWatch = null;
    }
    long n = maskExpiries.incrementAndGet();
    log.accept("[kernel] interrupt line " + line.label + " was masked longer than its mask-limit ("
        + maskLimitNanos / 1_000 + " us): unmasked (" + n + (n == 1 ? " time)" : " times)"));
    if (line.hasEvents()) {
      group.interrupt(line.priority);
    }
  }

  // ---- the scheduler's side (InterruptLines) ----

  @Override
  public int pendingPriority() {
    int best = -1;
    for (Line l : lines) {
      if (l.priority > best && l.pending()) {
        best = l.priority;
      }
    }
    return best;
  }

  @Override
  public boolean service(Task t) {
    Line line = highestAbove(t.level());
    if (line == null) {
      return false;
    }
    int count = line.take();
    if (count > 0) {
      run(t, line, count);
    }
    return true;
  }

  /** One run of a handler, nested on the calling task's stack at the line's priority. */
  private void run(Task t, Line line, int count) {
    int saved = t.enterHandler(line.priority);
    try {
      line.handler.call(Value.i32(count));
    } catch (Trap trap) {
      if (t.killReason() == null) {
        onTrap.trapped(line.export, line.label, trap);
      }
      throw trap;
    } finally {
      t.leaveHandler(saved);
    }
  }

  /** The pending line of the highest priority above {@code level} (the first attached among equals), or null. */
  private Line highestAbove(int level) {
    Line best = null;
    for (Line l : lines) {
      if (l.priority > level && (best == null || l.priority > best.priority) && l.pending()) {
        best = l;
      }
    }
    return best;
  }

  // ---- figures and the end ----

  /** A snapshot of every attached line's figures, in attach order. */
  public List<LineStats> lines() {
    List<LineStats> out = new ArrayList<>();
    for (Line l : lines) {
      out.add(l.stats());
    }
    return out;
  }

  /** How often the kernel unmasked a line the guest kept masked past the mask limit. */
  public long maskExpiries() {
    return maskExpiries.get();
  }

  /** The incarnation ended: every source unsubscribed, every watch cancelled, the group told. */
  public void close() {
    Line[] all;
    synchronized (lock) {
      closed = true;
      all = lines;
      lines = new Line[0];
      for (Line l : all) {
        l.attached = false;
        cancelWatch(l);
      }
    }
    for (Line l : all) {
      l.source.unsubscribe();
    }
    group.detachInterrupts(this);
  }

  /**
   * The line of {@code handle} if its source is still the handle's: a guest that closed a handle (which
   * unsubscribes its source) and opened another may get the same number back, and must find no line there.
   * A stale line is dropped. Lines the kernel attached itself have no handle to check.
   */
  private Line live(int handle) {
    Line line = find(handle);
    if (line == null || line.kernelAttached) {
      return line;
    }
    if (sources.find(handle) instanceof EventSources.Lookup.Found(LineSource s) && s == line.source) {
      return line;
    }
    synchronized (lock) {
      line.attached = false;
      cancelWatch(line);
    }
    remove(line);
    return null;
  }

  private Line find(int handle) {
    for (Line l : lines) {
      if (l.handle == handle) {
        return l;
      }
    }
    return null;
  }

  private void remove(Line line) {
    synchronized (lock) {
      List<Line> keep = new ArrayList<>(Arrays.asList(lines));
      keep.remove(line);
      lines = keep.toArray(new Line[0]);
    }
  }

  private static void cancelWatch(Line line) {
    if (line.maskWatch != null) {
      line.maskWatch.cancel(false);
      line.maskWatch = null;
    }
  }
}
