package dev.isola.kernel.region;

import java.util.Objects;
import java.util.Optional;

/**
 * One reason a container's module cannot be given its regions, for {@code isola check} to print.
 *
 * @param container the container's name
 * @param region the region concerned (the import's field name when the region does not exist)
 * @param function where the offending instruction is, if the problem is one: its function index and name
 * @param offset the byte offset in the module of the offending instruction or import, or -1 if none applies
 * @param message what is wrong, in words, without the location (see {@link #toString()})
 */
public record RegionProblem(String container, String region, Optional<FunctionRef> function, int offset,
                            String message) {
  public RegionProblem {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(message, "message");
  }

  /**
   * A function of the module: its index in the function index space and its name from the name section or an
   * export, else {@code func[INDEX]}.
   */
  public record FunctionRef(int index, String name) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * One line: {@code container sensor: region frames: function 'f' at byte 0x4a: MESSAGE}, the location parts
   * present only when known.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("container ").append(container).append(": region ").append(region);
    function.ifPresent(f -> s.append(": function '").append(f.name()).append('\''));
    if (offset >= 0) {
      s.append(function.isPresent() ? " at byte 0x" : ": at byte 0x").append(Integer.toHexString(offset));
    }
    return s.append(": ").append(message).toString();
  }
}
