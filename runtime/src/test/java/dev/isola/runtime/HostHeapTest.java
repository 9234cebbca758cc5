package dev.isola.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A guest that asks for more memory than the host's heap holds gets a refusal (an unlinkable module at
 * instantiation, -1 from grow), never an OutOfMemoryError that would take down every other guest in the JVM.
 * The check needs a JVM that really runs short, so it starts one with a 32 MiB heap.
 */
class HostHeapTest {
  @Test
  void moreThanTheHeapHoldsIsRefusedNotFatal() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
        HeapProbe.class.getName()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), out);
    assertEquals(List.of("memory refused: memory size exceeds limit", "memory grow: -1", "table grow: -1"),
        out.lines().toList());
  }
}
