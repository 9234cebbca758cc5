package dev.isola.interp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import org.junit.jupiter.api.Test;

/**
 * HotSpot does not JIT-compile methods over 8,000 bytes of bytecode ({@code -XX:+DontCompileHugeMethods}, the
 * default): if the dispatch loop grew past that, every guest would run in the JVM's own interpreter, tens of
 * times slower. Well before that, C2 stops inlining into a method once it and its inlined callees reach 8,000
 * bytes ({@code DesiredMethodLimit}); the loop's forced-inline VarHandle accesses and its few helpers need
 * about 1,000 bytes of that. Move rare instructions to {@code RareOps} when this fails.
 */
class DispatchLoopSizeTest {
  @Test
  void dispatchLoopStaysCompilable() throws IOException {
    byte[] bytes;
    try (InputStream in = Machine.class.getResourceAsStream("Machine.class")) {
      bytes = in.readAllBytes();
    }
    ClassModel model = ClassFile.of().parse(bytes);
    MethodModel run = model.methods().stream()
        .filter(m -> m.methodName().equalsString("run"))
        .findFirst()
        .orElseThrow();
    int length = run.findAttribute(Attributes.code()).orElseThrow().codeLength();
    assertTrue(length < 7200, "Machine.run has " + length + " bytes of bytecode, leaving too little inlining budget");
  }
}
