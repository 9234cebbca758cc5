package dev.isola.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The externs an instantiation may import, by module and field name. Later definitions replace earlier ones. */
public final class Imports {
  private record Key(String module, String name) {}

  private final Map<Key, Extern> externs = new HashMap<>();

  public Imports define(String module, String name, Extern extern) {
    externs.put(new Key(Objects.requireNonNull(module, "module"), Objects.requireNonNull(name, "name")),
        Objects.requireNonNull(extern, "extern"));
    return this;
  }

  /** Defines {@code function} under its own module and name. */
  public Imports define(HostFunction function) {
    return define(function.module(), function.name(), function);
  }

  /** Makes every export of {@code instance} importable under {@code module} (the spec harness's register). */
  public Imports defineInstance(String module, Instance instance) {
    instance.exports().forEach((name, extern) -> define(module, name, extern));
    return this;
  }

  public Optional<Extern> resolve(String module, String name) {
    return Optional.ofNullable(externs.get(new Key(module, name)));
  }
}
