package dev.isola.wasm;

import java.util.Map;
import java.util.Optional;

/**
 * The parts of the {@code name} custom section Isola uses: the module name, function names and local names.
 * A malformed name section is ignored (as the spec allows for custom sections), never an error.
 */
public record NameSection(Optional<String> moduleName, Map<Integer, String> functionNames,
                          Map<Integer, Map<Integer, String>> localNames) {
  public static final NameSection EMPTY = new NameSection(Optional.empty(), Map.of(), Map.of());

  public NameSection {
    functionNames = Map.copyOf(functionNames);
    localNames = Map.copyOf(localNames);
  }

  public Optional<String> functionName(int functionIndex) {
    return Optional.ofNullable(functionNames.get(functionIndex));
  }
}
