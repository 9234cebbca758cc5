package dev.isola.kernel.io;

import dev.isola.kernel.config.ContainerSpec;
import dev.isola.kernel.config.Criticality;
import dev.isola.kernel.config.RestartPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Container specs for the I/O tests: only the name and the peripheral bindings matter to a handle table. */
final class IoFixture {
  private IoFixture() {}

  static ContainerSpec spec(String name, Map<String, String> peripherals) {
    return new ContainerSpec(name, Path.of(name + ".wasm"), 10, Criticality.MEDIUM, Optional.empty(),
        ContainerSpec.DEFAULT_MEMORY_LIMIT, RestartPolicy.NEVER, ContainerSpec.DEFAULT_WATCHDOG,
        ContainerSpec.DEFAULT_STACK, Map.of(), List.of(), Map.of(), List.of(), List.of(), Map.of(), peripherals,
        Map.of(), ContainerSpec.DEFAULT_MASK_LIMIT);
  }
}
