package dev.isola.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.compiler.emit.ModuleCompilation;
import dev.isola.wasm.Feature;
import dev.isola.wasm.OpCode;
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
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every valid module of the spec corpus compiles, SIMD included (no fallback), and every class the compiler
 * emits passes the JDK's class-file verifier; the proposals' modules too, with every feature on (tail calls
 * emit trampolines and bounce methods of their own).
 */
class SpecCorpusVerifyTest {
  @Test
  void everyEmittedClassVerifies() throws IOException {
    Path suite = Path.of(System.getProperty("isola.shared", "../../shared"), "wasm-testsuite");
    List<Path> files;
    try (Stream<Path> core = Files.walk(suite.resolve("json")); Stream<Path> proposals =
        Files.walk(suite.resolve("proposals"))) {
      files = Stream.concat(core, proposals).filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
    }
    Path proposalRoot = suite.resolve("proposals");
    int tailCalling = 0;
    ClassFile verifier = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver
        .defaultResolver().orElse(ClassHierarchyResolver.ofClassLoading(Compiler.class.getClassLoader()))));
    int compiled = 0;
    int simd = 0;
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      WasmModule module;
      Set<Feature> features = file.startsWith(proposalRoot) ? EnumSet.allOf(Feature.class)
          : EnumSet.noneOf(Feature.class);
      try {
        module = ModuleDecoder.decode(Files.readAllBytes(file), features);
        Validator.validate(module, features);
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
      if (module.code().stream().anyMatch(b -> b.instructions().stream().anyMatch(in ->
          in.opcode() == OpCode.RETURN_CALL || in.opcode() == OpCode.RETURN_CALL_INDIRECT))) {
        tailCalling++;
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
    assertTrue(tailCalling > 5, "compiled " + tailCalling + " modules with tail calls");
    System.out.println("spec corpus: " + compiled + " modules compiled and verified (" + simd + " with SIMD, "
        + tailCalling + " with tail calls), 0 fallbacks");
  }

  private static boolean usesSimd(WasmModule module) {
    return module.code().stream().anyMatch(b -> b.locals().contains(ValType.V128)
        || b.instructions().stream().anyMatch(in -> in.opcode().prefix() == 0xFD))
        || module.functionSpaceTypes().stream().anyMatch(t -> t.params().contains(ValType.V128)
        || t.results().contains(ValType.V128))
        || module.globalSpace().stream().anyMatch(g -> g.type() == ValType.V128);
  }
}
