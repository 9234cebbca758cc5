/**
 * Board files: a board as data (TOML, documented in {@code docs/board-file.md}), read by
 * {@link dev.isola.hal.board.BoardFile} into a checked {@link dev.isola.hal.board.BoardSpec} with the
 * {@link dev.isola.hal.Resource resources} it offers.
 *
 * <p>Design decisions:
 *
 * <ul>
 *   <li>Read like the system file: every problem at once, {@code file:line:col: key: message}; a TOML syntax error
 *       stops reading (a half-parsed file would only add noise). Both files are read with one copy of that
 *       machinery, {@code dev.isola.toml} (a module below hal and the kernel); what a board's values mean stays here.
 *   <li>Controllers name a compatible that an installed backend must serve (the {@link dev.isola.hal.board.Catalog});
 *       devices name a compatible that a {@link dev.isola.hal.board.DeviceBinding} describes (what it attaches to,
 *       its extra lines, the part's limits), as Zephyr's devicetree bindings do. Bindings are data in hal, so a
 *       board is checked the same whichever backend drives it.
 *   <li>Every line is used once: two devices on one pin, chip select or address are refused where the second one
 *       is written.
 *   <li>{@code properties} tables are the backend's own settings, passed through unread (the simulator's UART
 *       endpoint, its room's ambient temperature).
 * </ul>
 */
package dev.isola.hal.board;
