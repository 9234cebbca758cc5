package dev.isola.kernel.portal;

import dev.isola.kernel.config.PortalSignature;
import dev.isola.kernel.config.PortalSpec;
import dev.isola.kernel.container.PortalDirectory;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Imports;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One importer's link to one portal: the host functions {@code portal:NAME.*} it may call, and how many calls
 * it made. Only containers that import a portal get a link, so a container that did not import it finds the
 * import undefined and cannot be instantiated (and {@code isola check} refuses it before that).
 */
public final class PortalLink {
  private final PortalSpec spec;
  private final String importer;
  private final List<HostFunction> functions;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  private PortalLink(PortalSpec spec, String importer, PortalDirectory directory) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.importer = Objects.requireNonNull(importer, "importer");
    List<HostFunction> fns = new ArrayList<>();
    for (Map.Entry<String, PortalSignature> f : spec.functions().entrySet()) {
      fns.add(new PortalFunction(this, f.getKey(), f.getValue(), directory).hostFunction());
    }
    this.functions = List.copyOf(fns);
  }

  /**
   * The link of {@code importer} to the portal {@code spec}, finding the exporter through {@code directory} at
   * each call (so restarts and swaps of the exporter are seen).
   *
   * @throws IllegalArgumentException if {@code importer} is the portal's exporter (a container cannot import its
   *     own portal: the call would need the lock it already holds)
   */
  public static PortalLink of(PortalSpec spec, String importer, PortalDirectory directory) {
    if (spec.exporter().equals(importer)) {
      throw new IllegalArgumentException("container " + importer + " cannot import its own portal " + spec.name());
    }
    return new PortalLink(spec, importer, directory);
  }

  /** The portal. */
  public PortalSpec spec() {
    return spec;
  }

  /** The importing container's name. */
  public String importer() {
    return importer;
  }

  /** The host functions, {@code portal:NAME.FN} for each function of the portal. */
  public List<HostFunction> functions() {
    return functions;
  }

  /** Defines the portal's functions into the importer's imports; returns them. */
  public Imports define(Imports imports) {
    functions.forEach(imports::define);
    return imports;
  }

  /** Calls the importer made through this link, failed or not. */
  public long calls() {
    return calls.get();
  }

  /** Calls that returned an error code (bad buffer, exporter unavailable, no room on its portal stack). */
  public long failures() {
    return failures.get();
  }

  void counted() {
    calls.incrementAndGet();
  }

  void failed() {
    failures.incrementAndGet();
  }
}
