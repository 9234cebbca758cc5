package dev.isola.kernel;

import static dev.isola.kernel.TestSystems.container;
import static dev.isola.kernel.TestSystems.system;
import static dev.isola.kernel.TestSystems.wat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.kernel.config.RegionAccess;
import dev.isola.kernel.config.RegionSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel gives every container that maps a region the same memory: what one writes, the other reads. */
class RegionKernelTest {
  @TempDir
  Path dir;

  @Test
  void aWriterAndAReaderShareARegion() throws Exception {
    Path writer = wat(dir, "writer", """
        (module
          (import "region" "frames" (memory $r 1 1))
          (memory $own 1)
          (global $n (mut i32) (i32.const 0))
          (func (export "tick")
            (global.set $n (i32.add (global.get $n) (i32.const 1)))
            (i32.store $r (i32.const 0) (global.get $n))))
        """);
    Path reader = wat(dir, "reader", """
        (module
          (import "isola:sys" "exit" (func $exit (param i32)))
          (import "region" "frames" (memory $r 1 1))
          (func (export "tick")
            (if (i32.ge_u (i32.load $r (i32.const 0)) (i32.const 3)) (then (call $exit (i32.const 7))))))
        """);
    var spec = system(dir, Map.of("frames", new RegionSpec("frames", RegionSpec.PAGE_BYTES)),
        container("writer", writer).periodic("tick", Duration.ofMillis(5)).region("frames", RegionAccess.READ_WRITE)
            .build(),
        container("reader", reader).periodic("tick", Duration.ofMillis(5)).region("frames", RegionAccess.READ_ONLY)
            .build());
    TestSystems.Log log = new TestSystems.Log();
    try (Kernel kernel = Kernel.create(spec, KernelOptions.defaults().withLog(log))) {
      kernel.start();
      log.await("reader", "exited with status 7");
      assertEquals("stopped", kernel.summary().container("reader").state());
      assertTrue(kernel.summary().container("writer").activations() >= 3);
    }
  }
}
