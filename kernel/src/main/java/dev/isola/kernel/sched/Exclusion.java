package dev.isola.kernel.sched;

/** A foreign group's exclusion held by a task for a portal call ({@link Task#enter}); close it to give it back. */
public final class Exclusion implements AutoCloseable {
  private final Task task;
  private final Group group;
  private boolean closed;

  Exclusion(Task task, Group group) {
    this.task = task;
    this.group = group;
  }

  public Group group() {
    return group;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      task.scheduler.leave(task, group);
    }
  }
}
