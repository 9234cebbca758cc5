package dev.isola.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A module falls back when one function's method is over the JVM's 64 KB: the report names that one only. */
class FallbackBlameTest {
  @Test
  void onlyTheFunctionOverTheLimitIsBlamed() {
    // One expression of 9,000 loads summed: no block to outline, and no point in it where the operand stack is
    // empty, so no run either (OutlinePlan); far over 64 KB of bytecode.
    String huge = "(result i32) " + "(i32.load (i32.const 8)) ".repeat(9000) + "i32.add ".repeat(8999);
    String wat = """
        (module (memory 1)
          (func $small (export "small") (result i32) (i32.const 1))
          (func $huge (export "huge") %s)
          (func $other (export "other") (result i32) (call $small)))
        """.formatted(huge);
    var module = Tiers.compileAllowingFallback(Tiers.compiled(), wat);
    CompileReport report = ((CompiledModule) module.code()).report();
    List<CompileReport.Fallback> fallbacks = report.fallbacks();
    assertEquals(1, fallbacks.size(), fallbacks.toString());
    assertEquals(1, fallbacks.getFirst().functionIndex(), fallbacks.toString());
    assertEquals("huge", fallbacks.getFirst().name(), fallbacks.toString());
    assertTrue(fallbacks.getFirst().reason().contains("Code length"), fallbacks.toString());
  }
}
