package dev.isola.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Rows of text printed in aligned columns, two spaces apart; the last column is never padded. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final Set<Integer> rightAligned;

  /** @param rightAligned the columns (from 0) to align right, e.g. sizes */
  TextTable(Integer... rightAligned) {
    this.rightAligned = Set.of(rightAligned);
  }

  TextTable row(String... cells) {
    rows.add(cells);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void print(PrintStream out, String indent) {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int c = 0; c < row.length; c++) {
        boolean last = c == row.length - 1;
        String pad = " ".repeat(width[c] - row[c].length());
        if (rightAligned.contains(c)) {
          line.append(pad).append(row[c]);
        } else {
          line.append(row[c]).append(last ? "" : pad);
        }
        if (!last) {
          line.append("  ");
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
