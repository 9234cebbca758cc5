package dev.isola.kernel.sched;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Ready tasks by priority, FIFO within a priority (which makes round robin: a task whose slice ended goes to
 * the tail). The one priority comparator of the scheduler is here: a higher number runs first. Guarded by the
 * scheduler's lock.
 */
final class RunQueue {
  private final List<ArrayDeque<Task>> byPriority = new ArrayList<>(GroupSpec.MAX_PRIORITY + 1);

  private final BitSet nonEmpty = new BitSet(GroupSpec.MAX_PRIORITY + 1);

  RunQueue() {
    for (int p = 0; p <= GroupSpec.MAX_PRIORITY; p++) {
      byPriority.add(new ArrayDeque<>());
    }
  }

  void addLast(Task t) {
    byPriority.get(t.priority()).addLast(t);
    nonEmpty.set(t.priority());
  }

  /** Puts a preempted task back at the head of its priority. */
  void addFirst(Task t) {
    byPriority.get(t.priority()).addFirst(t);
    nonEmpty.set(t.priority());
  }

  /** The highest priority with a ready task, or -1. */
  int bestPriority() {
    return nonEmpty.previousSetBit(GroupSpec.MAX_PRIORITY);
  }

  Task poll() {
    int p = bestPriority();
    if (p < 0) {
      return null;
    }
    Task t = byPriority.get(p).pollFirst();
    if (byPriority.get(p).isEmpty()) {
      nonEmpty.clear(p);
    }
    return t;
  }

  void remove(Task t) {
    int p = t.priority();
    byPriority.get(p).remove(t);
    if (byPriority.get(p).isEmpty()) {
      nonEmpty.clear(p);
    }
  }
}
