/**
 * hal's backends over the simulated parts, and the provider ({@link dev.isola.hal.sim.backend.SimProvider})
 * that {@link java.util.ServiceLoader} finds: it serves the {@code isola,sim-*} controller compatibles and
 * carries the built-in board file {@code sim}.
 *
 * <p>Design decisions: one world per opened board ({@link dev.isola.hal.sim.backend.SimWorld}): its
 * controllers and devices are built from the checked {@link dev.isola.hal.board.BoardSpec}, so a board file
 * that wires the parts differently gets a different simulation, not the built-in one. Backends trust their
 * input (the facade checked it) and only translate: a model's {@code I2cFault} becomes a {@code HalException}
 * of the matching kind.
 */
package dev.isola.hal.sim.backend;
