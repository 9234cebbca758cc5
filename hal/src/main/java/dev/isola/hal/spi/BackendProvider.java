package dev.isola.hal.spi;

import dev.isola.hal.HalException;
import dev.isola.hal.board.BoardSpec;
import dev.isola.hal.board.DeviceBinding;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A source of backends, found through {@link java.util.ServiceLoader} ({@code provides
 * dev.isola.hal.spi.BackendProvider with ...} in a module, or {@code META-INF/services} on the class path). A board
 * file's controller names a compatible; the one provider that lists it in {@link #compatibles()} drives it.
 *
 * <p>A provider is opened once per board, with the whole board: a simulator's devices are wired across controllers
 * (the TMP102 on i2c0 raises gpio0.7), so its backends share one world.
 */
public interface BackendProvider {
  /** The controller compatibles this provider drives ({@code isola,sim-gpio}...). */
  Set<String> compatibles();

  /** Device bindings this provider adds to {@link DeviceBinding#BUILT_IN} (parts only its backends model). */
  default List<DeviceBinding> bindings() {
    return List.of();
  }

  /**
   * The text of the built-in board file {@code name} this provider carries ({@code sim}), if it carries one. A
   * built-in board is read and checked like any board file.
   */
  default Optional<String> boardFile(String name) {
    return Optional.empty();
  }

  /**
   * Opens the backends of {@code board}'s controllers whose compatible is one of {@link #compatibles()}; the board
   * asks for each through the returned {@link BoardBackend}.
   */
  BoardBackend open(BoardSpec board) throws HalException;
}
