package dev.isola.kernel.container;

/**
 * How one incarnation of a container ended (the first reason wins: once a context fails, the others are
 * stopped and their own ends do not count). The restart policy reads {@link #failure()}.
 */
public sealed interface Outcome {
  /** Whether the restart policy {@code on-failure} restarts after this. */
  boolean failure();

  /** One line for the log and the summary. */
  String describe();

  /** Every context returned, or {@code _start} returned (status 0), or the guest called exit. */
  record Exited(int status) implements Outcome {
    public boolean failure() {
      return status != 0;
    }

    public String describe() {
      return "exited with status " + status;
    }
  }

  /** A context trapped (including out of fuel and a host function's failure); {@code where} names it. */
  record Trapped(String where, String message) implements Outcome {
    public boolean failure() {
      return true;
    }

    public String describe() {
      return "trapped in " + where + ": " + message;
    }
  }

  /** The watchdog fired: a context ran too long without a safepoint or host-call boundary. */
  record WatchdogExpired(String where, String message) implements Outcome {
    public boolean failure() {
      return true;
    }

    public String describe() {
      return "stopped by the " + message + " in " + where;
    }
  }

  /** The kernel stopped it (shutdown, a stop request or a hot swap): never a failure, never restarted. */
  record Stopped(String reason) implements Outcome {
    public boolean failure() {
      return false;
    }

    public String describe() {
      return "stopped: " + reason;
    }
  }

  /** It could not start: instantiation failed (unlinkable, a start function trapped, memory refused). */
  record FailedToStart(String message) implements Outcome {
    public boolean failure() {
      return true;
    }

    public String describe() {
      return "failed to start: " + message;
    }
  }
}
