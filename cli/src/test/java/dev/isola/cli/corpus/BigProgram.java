package dev.isola.cli.corpus;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a large C program: {@code count} different functions (loops, branches, a switch, integer and float
 * arithmetic), each kept out of line, all called by {@code main} once per round. With 1,800 functions
 * {@code bin/wasm-cc} makes a module of about 1 MB, the size at which {@code --tier auto} was chosen by measuring
 * start-up (README, "Execution tiers"); the module itself is not committed, this generator is:
 *
 * <pre>
 * java cli/src/test/java/dev/isola/cli/corpus/BigProgram.java 1800 > big.c &amp;&amp; bin/wasm-cc -o big.wasm big.c
 * bin/isola exec --tier interp big.wasm 1     # one round: start-up dominates
 * bin/isola bench --tier compiled big.wasm 200 # steady state
 * </pre>
 *
 * The same seed gives the same program, so measurements can be repeated. It prints one checksum line, the same on
 * every tier and natively.
 */
public final class BigProgram {
  private BigProgram() {}

  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1800;
    if (args.length > 1) {
      try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[1])), false, StandardCharsets.UTF_8)) {
        write(out, count);
      }
    } else {
      write(System.out, count);
      System.out.flush();
    }
  }

  /** The program with {@code count} functions. */
  public static void write(PrintStream out, int count) {
    Random random = new Random(count);
    out.println("#include <stdio.h>");
    out.println("#include <stdlib.h>");
    out.println("typedef unsigned int u32;");
    out.println("typedef unsigned long long u64;");
    out.println("static volatile u32 sink;");
    for (int i = 0; i < count; i++) {
      function(out, i, random);
    }
    out.println("int main(int argc, char **argv) {");
    out.println("  int rounds = argc > 1 ? atoi(argv[1]) : 1;");
    out.println("  u32 acc = (u32) argc;");
    out.println("  for (int r = 0; r < rounds; r++) {");
    for (int i = 0; i < count; i++) {
      out.println("    acc = f" + i + "(acc);");
    }
    out.println("  }");
    out.println("  printf(\"checksum %u\\n\", acc);");
    out.println("  return 0;");
    out.println("}");
  }

  private static void function(PrintStream out, int i, Random r) {
    int k1 = r.nextInt() | 1;
    int k2 = r.nextInt(1 << 16);
    int shift = 1 + r.nextInt(30);
    out.printf("__attribute__((noinline)) static u32 f%d(u32 x) {%n", i);
    out.printf("  u32 a = x * %du + %du, b = x ^ %du;%n", k1 & 0x7fffffff, k2, k2 * 7);
    out.printf("  u64 w = (u64) a * %du;%n", 1 + r.nextInt(1000));
    out.printf("  double d = (double) (b & 1023) * %d.5;%n", r.nextInt(100));
    out.printf("  for (u32 j = 0; j < (x & %d) + 2; j++) {%n", 1 + r.nextInt(7));
    out.printf("    a ^= a << %d; a ^= a >> %d; a += j * %du;%n", shift, 32 - shift, r.nextInt(1000));
    out.printf("    if ((a & 7) == %d) b += a >> 3; else b -= a << 2;%n", r.nextInt(8));
    out.println("    w += (u64) b * j;");
    out.println("  }");
    out.println("  switch ((a ^ b) & 7) {");
    for (int c = 0; c < 8; c++) {
      out.printf("    case %d: a += %du * b + (u32) (d * %d.25); break;%n", c, r.nextInt(1 << 20), r.nextInt(10));
    }
    out.println("  }");
    out.printf("  if (w %% %d == 0) sink = a;%n", 97 + r.nextInt(1000));
    out.println("  return a ^ b ^ (u32) (w >> 32) ^ (u32) w;");
    out.println("}");
  }
}
