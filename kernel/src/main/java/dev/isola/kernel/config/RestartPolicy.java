package dev.isola.kernel.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What the kernel does when a container stops: never restart it, restart it only after a failure (trap, watchdog,
 * non-zero exit), or always. Restarts wait {@code backoff}, doubling after each consecutive failure up to
 * {@code maxBackoff}.
 *
 * @param kind when to restart
 * @param backoff the first wait before a restart (default 100ms)
 * @param maxBackoff the longest wait (default 5s), at least {@code backoff}
 */
public record RestartPolicy(Kind kind, Duration backoff, Duration maxBackoff) {
  /** The default backoff before the first restart. */
  public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(100);

  /** The default longest backoff. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

  /** The default policy: never restart. */
  public static final RestartPolicy NEVER = new RestartPolicy(Kind.NEVER, DEFAULT_BACKOFF, DEFAULT_MAX_BACKOFF);

  public RestartPolicy {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
  }

  /** When a stopped container is started again. */
  public enum Kind {
    NEVER("never"),
    ON_FAILURE("on-failure"),
    ALWAYS("always");

    private final String keyword;

    Kind(String keyword) {
      this.keyword = keyword;
    }

    /** The word the system file uses. */
    public String keyword() {
      return keyword;
    }
  }
}
