package dev.isola.hal.need;

import dev.isola.hal.Edge;
import dev.isola.hal.Kind;
import dev.isola.hal.Pull;
import dev.isola.hal.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A need bound to a board resource (by a system file), and whether the resource meets it: of a kind it serves,
 * and every constraint met by its capabilities. {@link #mismatches()} gives one reason per constraint it fails,
 * so a check can name all of them at once.
 *
 * @param need what the module declared
 * @param resource what the system file bound its label to
 */
public record Binding(Need need, Resource resource) {
  public Binding {
    Objects.requireNonNull(need, "need");
    Objects.requireNonNull(resource, "resource");
  }

  /** Whether the resource meets the need. */
  public boolean fits() {
    return mismatches().isEmpty();
  }

  /**
   * Why the resource does not meet the need, one reason per failed constraint, each starting with the
   * constraint as the module wrote it ({@code address=0x48: tmp102 is at 0x49}); empty when it fits. A resource
   * of the wrong kind gets that one reason alone: its capabilities say nothing about the need's constraints.
   */
  public List<String> mismatches() {
    if (!resource.kinds().contains(need.kind())) {
      return List.of(resource.name() + " serves " + kinds(resource.kinds()) + ", not " + need.kind().keyword());
    }
    List<String> out = new ArrayList<>();
    for (Constraint c : need.constraints()) {
      String why = mismatch(c);
      if (why != null) {
        out.add(c.text() + ": " + why);
      }
    }
    return out;
  }

  /** Why the resource fails {@code c}, or null if it meets it. */
  private String mismatch(Constraint c) {
    String name = resource.name();
    return switch (c) {
      case Constraint.PullBias(Pull pull) -> resource instanceof Resource.Pin pin && !pin.pulls().contains(pull)
          ? name + " supports pull " + words(pin.pulls()) : null;
      case Constraint.EdgeEvents(Edge edge) -> resource instanceof Resource.Pin pin && !pin.edges().contains(edge)
          ? name + " raises events on " + words(pin.edges()) : null;
      // Any output can start at either level.
      case Constraint.InitialLevel _ -> null;
      case Constraint.Address(int address) -> resource instanceof Resource.I2c dev && dev.address() != address
          ? name + " is at " + String.format("0x%02x", dev.address()) : null;
      case Constraint.BusSpeeds(List<Integer> hz) ->
          resource instanceof Resource.I2c dev && hz.stream().noneMatch(dev.speeds()::contains)
              ? "bus " + dev.bus() + " runs " + numbers(dev.speeds()) + " Hz" : null;
      case Constraint.SpiMode(int mode) -> resource instanceof Resource.Spi dev && !dev.modes().contains(mode)
          ? name + " supports mode " + numbers(dev.modes().stream().sorted().toList()) : null;
      case Constraint.ClockHz(long hz) -> resource instanceof Resource.Spi dev && hz > dev.maxHz()
          ? name + " runs at most " + dev.maxHz() + " Hz" : null;
      case Constraint.Baud(int baud) -> resource instanceof Resource.Uart uart && !uart.bauds().contains(baud)
          ? name + " runs " + numbers(uart.bauds()) + " baud" : null;
      case Constraint.Bits(int bits) -> resource instanceof Resource.Adc adc && adc.bits() < bits
          ? name + " has " + adc.bits() + " bits" : null;
      case Constraint.Frequency(long hz) ->
          resource instanceof Resource.Pwm pwm && (hz < pwm.minHz() || hz > pwm.maxHz())
              ? name + " runs " + pwm.minHz() + ".." + pwm.maxHz() + " Hz" : null;
    };
  }

  private static String kinds(Collection<Kind> kinds) {
    if (kinds.isEmpty()) {
      return "no need (a board controller uses it)";
    }
    return kinds.stream().sorted().map(Kind::keyword).collect(Collectors.joining(" or "));
  }

  private static String words(Collection<? extends Enum<?>> values) {
    return values.stream().sorted().map(Object::toString).collect(Collectors.joining(", "));
  }

  private static String numbers(Collection<Integer> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
