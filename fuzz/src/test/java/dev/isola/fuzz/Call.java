package dev.isola.fuzz;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the harness recorded for one step of a run: calling an export (or compiling or instantiating the
 * module), with the values the guest logged during it and the observable state after it.
 *
 * @param name the export called, or {@code <compile>} / {@code <instantiate>}
 * @param outcome how it ended
 * @param logs the values passed to the {@code fuzzing-support} log functions, in order
 * @param fuelUsed fuel units consumed (-1 where fuel is not compared)
 * @param memories exported memory name to {@code <pages> pages crc32c <hex>}
 * @param globals exported global name to its value
 * @param tables exported table name to its size and a digest of its elements
 */
record Call(String name, Outcome outcome, List<Observed> logs, long fuelUsed, Map<String, String> memories,
    Map<String, Observed> globals, Map<String, String> tables) {
  Call {
    logs = List.copyOf(logs);
    memories = Map.copyOf(memories);
    globals = Map.copyOf(globals);
    tables = Map.copyOf(tables);
  }

  /** The call's lines in a golden transcript (sorted maps, canonical values: equal text means agreement). */
  String render() {
    var out = new StringBuilder("call ").append(name).append(": ").append(outcome).append('\n');
    for (Observed log : logs) {
      out.append("  log ").append(log).append('\n');
    }
    if (fuelUsed >= 0) {
      out.append("  fuel ").append(fuelUsed).append('\n');
    }
    new TreeMap<>(memories).forEach((k, v) -> out.append("  memory ").append(k).append(": ")
        .append(v).append('\n'));
    new TreeMap<>(globals).forEach((k, v) -> out.append("  global ").append(k).append(": ")
        .append(v).append('\n'));
    new TreeMap<>(tables).forEach((k, v) -> out.append("  table ").append(k).append(": ")
        .append(v).append('\n'));
    return out.toString();
  }
}
