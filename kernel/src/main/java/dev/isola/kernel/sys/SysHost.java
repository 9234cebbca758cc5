package dev.isola.kernel.sys;

/**
 * The trusted side of {@code isola:sys} for one container: what {@link IsolaSys} calls after it has checked
 * the guest's arguments (verify, then act: style.md rule 9). The kernel implements it per container.
 */
public interface SysHost {
  /** Monotonic nanoseconds since the system started. */
  long now();

  /**
   * Blocks the calling context until {@link #now()} reaches {@code ns}, releasing its run permit and its
   * container's guest lock meanwhile.
   *
   * @return {@link SysError#OK} or {@link SysError#EINTR} (the container is being stopped)
   */
  int sleepUntil(long ns);

  /** Lets other ready contexts of the container, and other tasks of equal priority, run first. */
  void yieldNow();

  /** One line for the kernel's log, already decoded; the kernel prefixes the container's name. */
  void log(int level, String line);

  /** The container's name. */
  String name();

  /** Limit {@code which} ({@code ISOLA_LIMIT_*}, 0..4; the caller checked the range). */
  long limit(int which);

  /**
   * The guest asked to end the container with status {@code code}; {@link IsolaSys} then throws the {@link
   * dev.isola.runtime.GuestExit} that unwinds it. Records that every context of the container stops, not only
   * the calling one.
   */
  void exiting(int code);
}
