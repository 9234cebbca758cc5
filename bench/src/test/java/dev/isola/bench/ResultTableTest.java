package dev.isola.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultTableTest {
  @Test
  void medianOfOddCountIsTheMiddleRunAndOfEvenCountTheMeanOfTheMiddleTwo() {
    assertEquals(3.0, ResultTable.medianMillis(new long[] {9_000_000, 1_000_000, 3_000_000}));
    assertEquals(2.5, ResultTable.medianMillis(new long[] {4_000_000, 1_000_000, 2_000_000, 3_000_000}));
  }

  @Test
  void geometricMeanGivesEveryRatioTheSameWeight() {
    assertEquals(10.0, ResultTable.geometricMean(List.of(1.0, 100.0)), 1e-9);
    assertEquals(4.0, ResultTable.geometricMean(List.of(2.0, 8.0)), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> ResultTable.geometricMean(List.of()));
  }

  @Test
  void ratiosAreToTheBaselineAndSkipKernelsItDidNotRun() {
    var table = new ResultTable(List.of("native", "isola"), "native");
    table.add("fib", "native", new long[] {2_000_000});
    table.add("fib", "isola", new long[] {200_000_000});
    table.add("sieve", "native", new long[] {1_000_000});
    table.add("sieve", "isola", new long[] {1_000_000_000});
    table.add("crc32", "isola", new long[] {5_000_000});

    assertEquals(Optional.of(100.0), table.ratio("fib", "isola"));
    assertEquals(Optional.empty(), table.ratio("crc32", "isola"));
    assertEquals(Math.sqrt(100.0 * 1000.0), table.geometricMeanRatio("isola").orElseThrow(), 1e-9);
  }

  @Test
  void formatsAMarkdownTableWithAGeometricMeanRow() {
    var table = new ResultTable(List.of("native", "chicory"), "native");
    table.add("fib", "native", new long[] {10_000_000});
    table.add("fib", "chicory", new long[] {1_234_500_000});
    table.checksum("fib", "2178309");

    String text = table.format();
    assertTrue(text.startsWith("| kernel | native ms | chicory ms | chicory / native | checksum |\n"), text);
    assertTrue(text.contains("| fib | 10.0 | 1234.5 | 123.5x | 2178309 |\n"), text);
    assertTrue(text.contains("| geometric mean | | | 123.5x | |\n"), text);
  }

  @Test
  void rejectsABaselineThatIsNotAContender() {
    assertThrows(IllegalArgumentException.class, () -> new ResultTable(List.of("isola"), "native"));
  }

  @Test
  void checksumIsTheValueOfTheChecksumLine() {
    assertEquals("2999ae09", new KernelRun("crc32 of 8 MiB\nchecksum: 2999ae09\n", 0, 1).checksum());
    assertEquals("no line\n", new KernelRun("no line\n", 0, 1).checksum());
  }
}
