package dev.isola.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark's result: per kernel, the median time of each contender and its ratio to the baseline (native),
 * then the geometric mean of each contender's ratios. The geometric mean, not the arithmetic one, because the
 * kernels' ratios are multiplicative: it gives every kernel the same weight whatever its absolute time.
 */
public final class ResultTable {
  private final List<String> contenders;
  private final String baseline;
  // kernel -> contender -> run times in nanoseconds; insertion order is the table's row order.
  private final Map<String, Map<String, long[]>> times = new LinkedHashMap<>();
  private final Map<String, String> checksums = new LinkedHashMap<>();

  /** {@code baseline} must be one of {@code contenders}; its column shows times, the others times and ratios. */
  public ResultTable(List<String> contenders, String baseline) {
    if (!contenders.contains(baseline)) {
      throw new IllegalArgumentException("baseline " + baseline + " is not among " + contenders);
    }
    this.contenders = List.copyOf(contenders);
    this.baseline = baseline;
  }

  public void add(String kernel, String contender, long[] nanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no runs of " + kernel + " on " + contender);
    }
    times.computeIfAbsent(kernel, k -> new LinkedHashMap<>()).put(contender, nanos.clone());
  }

  public void checksum(String kernel, String checksum) {
    checksums.put(kernel, checksum);
  }

  /** The median of {@code nanos} in milliseconds (the mean of the middle two for an even count). */
  public static double medianMillis(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    return median / 1e6;
  }

  /** The geometric mean, computed through logarithms so that many large ratios cannot overflow. */
  public static double geometricMean(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    return Math.exp(values.stream().mapToDouble(Math::log).sum() / values.size());
  }

  /** {@code contender}'s median on {@code kernel} divided by the baseline's, if both ran it. */
  public Optional<Double> ratio(String kernel, String contender) {
    Map<String, long[]> row = times.getOrDefault(kernel, Map.of());
    if (!row.containsKey(contender) || !row.containsKey(baseline)) {
      return Optional.empty();
    }
    return Optional.of(medianMillis(row.get(contender)) / medianMillis(row.get(baseline)));
  }

  /** The geometric mean of {@code contender}'s ratios over the kernels where it and the baseline both ran. */
  public Optional<Double> geometricMeanRatio(String contender) {
    var ratios = new ArrayList<Double>();
    for (String kernel : times.keySet()) {
      ratio(kernel, contender).ifPresent(ratios::add);
    }
    return ratios.isEmpty() ? Optional.empty() : Optional.of(geometricMean(ratios));
  }

  /** The table as Markdown, so it can go into bench/README.md as it is printed. */
  public String format() {
    var out = new StringBuilder();
    var header = new StringBuilder("| kernel |");
    var rule = new StringBuilder("|---|");
    for (String contender : contenders) {
      header.append(' ').append(contender).append(" ms |");
      rule.append("---:|");
      if (!contender.equals(baseline)) {
        header.append(' ').append(contender).append(" / ").append(baseline).append(" |");
        rule.append("---:|");
      }
    }
    header.append(" checksum |");
    rule.append("---|");
    out.append(header).append('\n').append(rule).append('\n');
    for (var row : times.entrySet()) {
      String kernel = row.getKey();
      out.append("| ").append(kernel).append(" |");
      for (String contender : contenders) {
        long[] nanos = row.getValue().get(contender);
        out.append(' ').append(nanos == null ? "-" : String.format(Locale.ROOT, "%.1f", medianMillis(nanos))).append(" |");
        if (!contender.equals(baseline)) {
          out.append(' ').append(ratio(kernel, contender).map(r -> String.format(Locale.ROOT, "%.1fx", r)).orElse("-"))
              .append(" |");
        }
      }
      out.append(' ').append(checksums.getOrDefault(kernel, "")).append(" |\n");
    }
    out.append("| geometric mean |");
    for (String contender : contenders) {
      out.append(" |");
      if (!contender.equals(baseline)) {
        out.append(' ').append(geometricMeanRatio(contender).map(r -> String.format(Locale.ROOT, "%.1fx", r)).orElse("-"))
            .append(" |");
      }
    }
    out.append(" |\n");
    return out.toString();
  }
}
