package dev.isola.hal.need;

import dev.isola.hal.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A module's peripheral needs: its {@code isola.peripherals} custom section, parsed (docs/peripherals.md gives the
 * format). Records are NUL-terminated UTF-8 strings {@code KIND LABEL[ KEY=VALUE]*}, one after another, so that C
 * string literals concatenate into it and the linker can concatenate the sections of several object files.
 *
 * @param all the needs in section order, labels unique
 */
public record Needs(List<Need> all) {
  /** The custom section's name. */
  public static final String SECTION = "isola.peripherals";

  /** A module without the section needs nothing. */
  public static final Needs NONE = new Needs(List.of());

  public Needs {
    all = List.copyOf(all);
  }

  /**
   * Parses a section's payload (the bytes after its name).
   *
   * @throws NeedException at the first mistake, with its byte offset in {@code payload}
   */
  public static Needs parse(byte[] payload) throws NeedException {
    List<Need> needs = new ArrayList<>();
    Map<String, Integer> labels = new HashMap<>();
    int at = 0;
    while (at < payload.length) {
      int end = at;
      while (end < payload.length && payload[end] != 0) {
        end++;
      }
      if (end == payload.length) {
        throw new NeedException(NeedError.UNTERMINATED, at,
            "record not terminated by a NUL byte (every record ends with 0)");
      }
      // Empty records (two NULs in a row) are padding an object file or a linker may add: skipped.
      if (end > at) {
        Need need = RecordReader.read(payload, at, end);
        Integer first = labels.putIfAbsent(need.label(), at);
        if (first != null) {
          throw new NeedException(NeedError.DUPLICATE_LABEL, at + need.kind().keyword().length() + 1,
              "label " + need.label() + " is already declared by the record at byte 0x" + Integer.toHexString(first));
        }
        needs.add(need);
      }
      at = end + 1;
    }
    return new Needs(needs);
  }

  /** The need labelled {@code label}. */
  public Optional<Need> label(String label) {
    return all.stream().filter(n -> n.label().equals(label)).findFirst();
  }

  /** The needs by label, in section order. */
  public Map<String, Need> byLabel() {
    Map<String, Need> out = new LinkedHashMap<>();
    all.forEach(n -> out.put(n.label(), n));
    return out;
  }

  /** Whether the module needs nothing. */
  public boolean isEmpty() {
    return all.isEmpty();
  }

  /** The needs of kind {@code kind}. */
  public List<Need> of(Kind kind) {
    return all.stream().filter(n -> n.kind() == kind).toList();
  }
}
