package dev.isola.runtime;

import java.util.Optional;

/** The externs an instantiation may import, by module and field name. Later definitions replace earlier ones. */
public final class Imports {
  public Imports define(String module, String name, Extern extern) { throw new UnsupportedOperationException("runtime"); }

  /** Defines {@code function} under its own module and name. */
  public Imports define(HostFunction function) { throw new UnsupportedOperationException("runtime"); }

  /** Makes every export of {@code instance} importable under {@code module} (the spec harness's register). */
  public Imports defineInstance(String module, Instance instance) { throw new UnsupportedOperationException("runtime"); }

  public Optional<Extern> resolve(String module, String name) { throw new UnsupportedOperationException("runtime"); }
}
