package dev.isola.hal.need;

import dev.isola.hal.Edge;
import dev.isola.hal.Kind;
import dev.isola.hal.Pull;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One peripheral a module needs, as its {@code isola.peripherals} section declares it: a kind, the label the
 * module opens it by, and what it requires of the resource the system file binds the label to.
 *
 * @param kind what the label is ({@code i2c}, {@code gpio-in}...)
 * @param label the module's name for it: 1 to 32 of {@code a-z 0-9 _ -}, starting with a letter
 * @param constraints at most one per key, in the order the module wrote them
 * @param offset the byte offset of the record in the section (for messages about it)
 */
public record Need(Kind kind, String label, List<Constraint> constraints, int offset) {
  /** What a label may be: the same rule in the section, the system file and the guest calls. */
  public static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  public Need {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
    constraints = List.copyOf(constraints);
  }

  /** Whether {@code text} is a well-formed label. */
  public static boolean isLabel(String text) {
    return LABEL.matcher(text).matches();
  }

  /** The constraint of {@code type}, if the module wrote one. */
  public <C extends Constraint> Optional<C> constraint(Class<C> type) {
    return constraints.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** The bias of a {@code gpio-in}; {@link Pull#NONE} when the module states none. */
  public Pull pull() {
    return constraint(Constraint.PullBias.class).map(Constraint.PullBias::pull).orElse(Pull.NONE);
  }

  /** The edges a {@code gpio-in} listens to; {@link Edge#NONE} when the module states none. */
  public Edge edge() {
    return constraint(Constraint.EdgeEvents.class).map(Constraint.EdgeEvents::edge).orElse(Edge.NONE);
  }

  /** Whether a {@code gpio-out} starts high ({@code initial=1}); low by default. */
  public boolean initialHigh() {
    return constraint(Constraint.InitialLevel.class).map(Constraint.InitialLevel::high).orElse(false);
  }

  /**
   * Whether the label is an event source a handler can attach to: a {@code gpio-in} listening to an edge, a
   * {@code uart} (receive) or a {@code timer} (expiry). The system file may give only these an interrupt priority.
   */
  public boolean canInterrupt() {
    return switch (kind) {
      case GPIO_IN -> edge() != Edge.NONE;
      case UART, TIMER -> true;
      case GPIO_OUT, I2C, SPI, ADC, PWM -> false;
    };
  }

  /** The record as the section writes it, normalised: {@code i2c sensor address=0x48 speed=100000,400000}. */
  public String text() {
    String head = kind.keyword() + " " + label;
    return constraints.isEmpty() ? head : head + " " + constraintText();
  }

  /** The constraints alone, {@code address=0x48 speed=100000,400000}, or "" when there are none. */
  public String constraintText() {
    return constraints.stream().map(Constraint::text).collect(Collectors.joining(" "));
  }

  @Override
  public String toString() {
    return text();
  }
}
