package dev.isola.kernel.container;

import dev.isola.kernel.sched.Task;
import dev.isola.runtime.HostFunction;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Host functions wrapped so that the scheduler's watchdog sees every host-call boundary: {@link
 * Task#enterHost()} before, {@link Task#leaveHost()} after (also when the call throws); and so that a normal
 * return is an interrupt point ({@link Task#interruptPoint()}). The watchdog measures a
 * task's silence from the last safepoint or boundary; a task stuck inside a host call is killed and its thread
 * interrupted.
 */
final class HostCalls {
  private static final MethodHandle ENTER;
  private static final MethodHandle LEAVE;

  static {
    try {
      var lookup = MethodHandles.lookup();
      ENTER = lookup.findStatic(HostCalls.class, "enter", MethodType.methodType(void.class));
      LEAVE = lookup.findStatic(HostCalls.class, "leave", MethodType.methodType(void.class, Throwable.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private HostCalls() {}

  /** {@code f} with the same module, name and type, bracketed by the watchdog's boundaries. */
  static HostFunction watched(HostFunction f) {
    MethodHandle h = f.handle();
    MethodHandle entered = MethodHandles.foldArguments(h, ENTER);
    Class<?> result = h.type().returnType();
    MethodHandle cleanup = result == void.class
        ? LEAVE
        // (Throwable, R) R: pass the result through after leaving.
        : MethodHandles.foldArguments(
            MethodHandles.dropArguments(MethodHandles.identity(result), 0, Throwable.class), LEAVE);
    return HostFunction.of(f.module(), f.name(), f.type(), MethodHandles.tryFinally(entered, cleanup));
  }

  private static void enter() {
    Task t = Task.current();
    if (t != null) {
      t.enterHost();
    }
    restartClock();
  }

  private static void leave(Throwable thrown) {
    Task t = Task.current();
    if (t != null) {
      t.leaveHost();
    }
    restartClock();
    if (t != null && thrown == null) {
      // A returning host call is an interrupt point too (the guest's stack is as at a call; the tiers allow
      // re-entry from a host function): a handler pending for this task runs now, not at the next poll.
      t.interruptPoint();
    }
  }

  private static void restartClock() {
    if (Incarnation.CONTEXT.isBound()) {
      Incarnation.CONTEXT.get().clock().restart();
    }
  }
}
