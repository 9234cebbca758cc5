package dev.isola.hal.board;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the installed backends can drive, which a board file is checked against: the controller compatibles served
 * and the device bindings known.
 *
 * @param compatibles controller compatibles some backend (or hal's own driver) serves
 * @param bindings device bindings by compatible
 */
public record Catalog(Set<String> compatibles, Map<String, DeviceBinding> bindings) {
  public Catalog {
    compatibles = java.util.Collections.unmodifiableSet(new TreeSet<>(compatibles));
    bindings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
  }

  /** A catalog of {@code compatibles} with {@link DeviceBinding#BUILT_IN} and {@code bindings} added. */
  public static Catalog of(Collection<String> compatibles, Collection<DeviceBinding> bindings) {
    Map<String, DeviceBinding> all = new LinkedHashMap<>();
    for (DeviceBinding b : DeviceBinding.BUILT_IN) {
      all.put(b.compatible(), b);
    }
    for (DeviceBinding b : bindings) {
      all.put(b.compatible(), b);
    }
    return new Catalog(Set.copyOf(compatibles), all);
  }

  public Optional<DeviceBinding> binding(String compatible) {
    return Optional.ofNullable(bindings.get(compatible));
  }
}
