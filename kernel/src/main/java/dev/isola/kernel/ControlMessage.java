package dev.isola.kernel;

/**
 * The control socket's messages, one JSON object per line (Jackson maps these records).
 *
 * <pre>{@code
 * -> {"op":"swap","container":"sensor","module":"/abs/sensor-v2.wasm"}
 * <- {"outcome":"swapped","container":"sensor","message":"swapped: sensor runs the new module"}
 * }</pre>
 */
public final class ControlMessage {
  private ControlMessage() {}

  /**
   * A request.
   *
   * @param op {@code swap} (the only operation so far)
   * @param container the container concerned
   * @param module the new module's path, absolute (the socket's server may run in another directory)
   */
  public record Request(String op, String container, String module) {}

  /**
   * The answer to one request.
   *
   * @param outcome {@code swapped}, {@code refused}, {@code rolled-back} or {@code error} (a bad request)
   * @param container the container concerned
   * @param message one line for the operator
   */
  public record Response(String outcome, String container, String message) {
    static Response of(SwapOutcome o) {
      return switch (o) {
        case SwapOutcome.Swapped s -> new Response("swapped", s.container(), o.describe());
        case SwapOutcome.Refused r -> new Response("refused", r.container(), o.describe());
        case SwapOutcome.RolledBack r -> new Response("rolled-back", r.container(), o.describe());
      };
    }
  }
}
