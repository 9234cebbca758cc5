package dev.isola.kernel.io;

import dev.isola.hal.Board;
import dev.isola.kernel.config.ContainerSpec;
import dev.isola.kernel.irq.EventSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The system's peripherals: the board (opened once by the kernel, closed at shutdown) and, per container, the
 * handle table of its current incarnation.
 *
 * <p><b>One live table per container.</b> The supervisor starts an incarnation only after the previous one has
 * settled (its tasks all ended), so a new incarnation's table replaces the previous one and closes it: whatever
 * the old one left open (a restart after a trap, a swap, a rollback) is released before the new one can open
 * it. The end of an incarnation may close its table at once ({@link #release}); the kernel's stop closes every
 * table, then the board.
 */
public final class Peripherals implements AutoCloseable {
  private final Optional<Board> board;
  private final Map<String, Handles> current = new ConcurrentHashMap<>();

  private Peripherals(Optional<Board> board) {
    this.board = board;
  }

  /** The peripherals of a system on {@code board} (which this object closes). */
  public static Peripherals of(Board board) {
    return new Peripherals(Optional.of(board));
  }

  /** A system without a board: every label is undefined ({@code ENOENT}). */
  public static Peripherals none() {
    return new Peripherals(Optional.empty());
  }

  /** The board, if the system has one. */
  public Optional<Board> board() {
    return board;
  }

  /**
   * The handle table for an incarnation of {@code spec}'s container. {@code live}: a new incarnation starts,
   * its table replaces (and closes) the container's previous one. Not live: a table only for the names and
   * types of the functions (a swap's fit check), bound to nothing and reaching nothing.
   */
  public Handles table(ContainerSpec spec, boolean live) {
    if (!live) {
      return new Handles(Optional.empty(), Map.of());
    }
    Handles table = new Handles(board, spec.peripherals());
    Handles previous = current.put(spec.name(), table);
    if (previous != null) {
      previous.close();
    }
    return table;
  }

  /** The current incarnation's table of {@code container}, if it has started one. */
  public Optional<Handles> handles(String container) {
    return Optional.ofNullable(current.get(container));
  }

  /**
   * {@code container}'s event sources for its interrupt lines, looked up in whichever incarnation's table is
   * current when {@code isola:irq attach} asks (the lines are made before the table: both belong to the
   * incarnation being started).
   */
  public EventSources sources(String container) {
    return h -> {
      Handles table = current.get(container);
      return table == null ? new EventSources.Lookup.NotOpen() : table.find(h);
    };
  }

  /**
   * Closes {@code table}, an incarnation's, at that incarnation's end (after its tasks have all ended), so an
   * exited or failed container holds no resource and no listener while it stays down. It stops being {@code
   * container}'s current table only if it still is one: a successor's table is never touched.
   */
  public void release(String container, Handles table) {
    current.remove(container, table);
    table.close();
  }

  /** Closes every table, then the board. */
  @Override
  public void close() {
    List<Handles> all = new ArrayList<>(current.values());
    current.clear();
    all.forEach(Handles::close);
    board.ifPresent(Board::close);
  }
}
