package dev.isola.hal.sim.backend;

import dev.isola.hal.HalException;
import dev.isola.hal.board.BoardSpec;
import dev.isola.hal.sim.SimBoard;
import dev.isola.hal.spi.BackendProvider;
import dev.isola.hal.spi.BoardBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The simulator as {@link java.util.ServiceLoader} finds it: the {@code isola,sim-*} controllers, and the
 * built-in board {@code sim} (the resource {@code /dev/isola/hal/sim/sim.toml}, a board file like any other).
 */
public final class SimProvider implements BackendProvider {
  @Override
  public Set<String> compatibles() {
    return SimWorld.COMPATIBLES;
  }

  @Override
  public Optional<String> boardFile(String name) {
    if (!name.equals("sim")) {
      return Optional.empty();
    }
    try (InputStream in = SimBoard.class.getResourceAsStream("sim.toml")) {
      if (in == null) {
        throw new IllegalStateException("hal-sim is missing its resource dev/isola/hal/sim/sim.toml");
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public BoardBackend open(BoardSpec board) throws HalException {
    return SimBoard.open(board);
  }
}
