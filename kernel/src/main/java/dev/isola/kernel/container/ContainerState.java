package dev.isola.kernel.container;

/** Where a container is in its life. */
public enum ContainerState {
  /** Created, not started yet. */
  NEW,
  /** An incarnation is running (booting included). */
  RUNNING,
  /** The last incarnation failed; a restart is due after the backoff. */
  BACKOFF,
  /** Ended and will not be restarted (policy, exit, or the kernel stopped it). */
  STOPPED
}
