package dev.isola.hal.board;

import dev.isola.hal.Resource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A board as its file describes it, checked: controllers and devices, and what they offer the system file —
 * resources by name, and the names the board keeps for itself. Needs no backend: {@code isola check} works from
 * this alone.
 *
 * @param name the board's name ({@code [board] name}, else the file's name without {@code .toml})
 * @param file the board file ({@code builtin/sim.toml} for a built-in board)
 * @param controllers by name, in file order
 * @param devices by name, in file order
 * @param resources what a system file can bind, by name, in a stable order (controllers', then devices')
 * @param reserved names a system file cannot bind because the board uses them itself, each with why
 *     ({@code mcp3008} -> "is the ADC adc0")
 */
public record BoardSpec(String name, Path file, Map<String, ControllerSpec> controllers,
    Map<String, DeviceSpec> devices, Map<String, Resource> resources, Map<String, String> reserved) {
  public BoardSpec {
    controllers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(controllers));
    devices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(devices));
    resources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resources));
    reserved = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reserved));
  }

  /** The resource named {@code name}. */
  public Optional<Resource> resource(String name) {
    return Optional.ofNullable(resources.get(name));
  }
}
