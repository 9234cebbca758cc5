package dev.isola.wasi;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a WASI guest sees of the world.
 *
 * @param args the arguments, including {@code argv[0]}
 * @param env the complete environment (nothing of the host's is added)
 * @param preopens the directories the guest may reach, as file descriptors 3, 4, ... in this order
 * @param stdin file descriptor 0
 * @param stdout file descriptor 1 (flushed after every write)
 * @param stderr file descriptor 2 (flushed after every write)
 */
public record WasiConfig(
    List<String> args,
    Map<String, String> env,
    List<Preopen> preopens,
    InputStream stdin,
    OutputStream stdout,
    OutputStream stderr) {
  public WasiConfig {
    args = List.copyOf(args);
    env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    preopens = List.copyOf(preopens);
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** A builder with the defaults: no args, empty env, no preopens, empty stdin, {@code System.out/err}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link WasiConfig}; each setter replaces the previous value, {@link #preopen} appends. */
  public static final class Builder {
    private List<String> args = List.of();
    private Map<String, String> env = Map.of();
    private final List<Preopen> preopens = new ArrayList<>();
    private InputStream stdin = InputStream.nullInputStream();
    private OutputStream stdout = System.out;
    private OutputStream stderr = System.err;

    private Builder() {}

    public Builder args(List<String> args) {
      this.args = List.copyOf(args);
      return this;
    }

    public Builder env(Map<String, String> env) {
      this.env = new LinkedHashMap<>(env);
      return this;
    }

    public Builder preopens(List<Preopen> preopens) {
      this.preopens.clear();
      this.preopens.addAll(preopens);
      return this;
    }

    public Builder preopen(Preopen preopen) {
      preopens.add(Objects.requireNonNull(preopen));
      return this;
    }

    public Builder stdin(InputStream stdin) {
      this.stdin = stdin;
      return this;
    }

    public Builder stdout(OutputStream stdout) {
      this.stdout = stdout;
      return this;
    }

    public Builder stderr(OutputStream stderr) {
      this.stderr = stderr;
      return this;
    }

    public WasiConfig build() {
      return new WasiConfig(args, env, preopens, stdin, stdout, stderr);
    }
  }
}
