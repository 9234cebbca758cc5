package dev.isola.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.compiler.emit.ModuleCompilation;
import dev.isola.wasm.Feature;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmException;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.binary.ModuleDecoder;
import dev.isola.wasm.validate.Validator;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every valid module of the spec corpus compiles, SIMD included (no fallback), and every class the compiler
 * emits passes the JDK's class-file verifier.
 */
class SpecCorpusVerifyTest {
  @Test
  void everyEmittedClassVerifies() throws IOException {
    Path root = Path.of(System.getProperty("isola.shared", "../../shared"), "wasm-testsuite", "json");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
    }
    ClassFile verifier = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver
        .defaultResolver().orElse(ClassHierarchyResolver.ofClassLoading(Compiler.class.getClassLoader()))));
    int compiled = 0;
    int simd = 0;
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      WasmModule module;
      try {
        module = ModuleDecoder.decode(Files.readAllBytes(file), EnumSet.noneOf(Feature.class));
        Validator.validate(module, EnumSet.noneOf(Feature.class));
      } catch (WasmException e) {
        continue;
      }
      ModuleCompilation c = ModuleCompilation.run(module, false);
      if (!c.fallbacks().isEmpty()) {
        failures.add(file.getFileName() + ": " + c.fallbacks());
        continue;
      }
      if (usesSimd(module)) {
        simd++;
      }
      var errors = verifier.verify(c.classFile());
      if (!errors.isEmpty()) {
        failures.add(file.getFileName() + ": " + errors.getFirst());
      }
      compiled++;
    }
    assertEquals(List.of(), failures);
    assertTrue(compiled > 1000, "compiled " + compiled + " modules");
    assertTrue(simd > 400, "compiled " + simd + " SIMD modules");
    System.out.println("spec corpus: " + compiled + " modules compiled and verified (" + simd + " with SIMD), 0 fallbacks");
  }

  private static boolean usesSimd(WasmModule module) {
    return module.code().stream().anyMatch(b -> b.locals().contains(ValType.V128)
        || b.instructions().stream().anyMatch(in -> in.opcode().prefix() == 0xFD))
        || module.functionSpaceTypes().stream().anyMatch(t -> t.params().contains(ValType.V128)
        || t.results().contains(ValType.V128))
        || module.globalSpace().stream().anyMatch(g -> g.type() == ValType.V128);
  }
}
