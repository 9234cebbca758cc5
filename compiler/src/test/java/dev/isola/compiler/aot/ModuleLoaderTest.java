package dev.isola.compiler.aot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.compiler.CompiledModule;
import dev.isola.interp.Interpreter;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import dev.isola.runtime.Value;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.binary.ModuleDecoder;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleLoaderTest {
  private static final byte[] SMALL = ModuleEncoder.encode(TextParser.parseModule("""
      (module (func (export "answer") (result i32) i32.const 40 i32.const 2 i32.add))"""));

  @TempDir
  Path dir;

  private final List<String> warnings = new ArrayList<>();

  private ModuleLoader loader(Tier tier) {
    return new ModuleLoader(tier, EngineConfig.of(new Interpreter()), warnings::add);
  }

  private static Instance instantiate(Module module) {
    return new Store(module.engine()).instantiate(module, new Imports());
  }

  private static int answer(Module module) {
    return ((Value.I32) instantiate(module).function("answer").call()[0]).value();
  }

  private Module load(ModuleLoader loader, byte[] bytes, Path artifact) {
    return loader.load("m.wasm", ModuleDecoder.decode(bytes), bytes, artifact);
  }

  /** A module over {@link ModuleLoader#AUTO_COMPILE_LIMIT} instructions that still answers 42. */
  private static byte[] large() {
    String nops = "nop ".repeat(ModuleLoader.AUTO_COMPILE_LIMIT);
    return ModuleEncoder.encode(TextParser.parseModule(
        "(module (func (export \"answer\") (result i32) " + nops + " i32.const 42))"));
  }

  @Test
  void everyTierAnswersAlike() {
    for (Tier tier : Tier.values()) {
      assertEquals(42, answer(load(loader(tier), SMALL, null)), tier.textName());
    }
  }

  @Test
  void interpIgnoresArtifactsAndCompiledUsesTheCompiler() {
    Module interp = load(loader(Tier.INTERP), SMALL, dir.resolve("does-not-matter.aot"));
    assertEquals("interp", ModuleLoader.tierOf(instantiate(interp)));
    assertInstanceOf(CompiledModule.class, load(loader(Tier.COMPILED), SMALL, null).code());
    assertTrue(warnings.stream().allMatch(w -> w.contains("runs on the interpreter")), warnings.toString());
  }

  @Test
  void autoCompilesSmallModulesAndInterpretsLargeOnes() {
    assertInstanceOf(CompiledModule.class, load(loader(Tier.AUTO), SMALL, null).code());
    Module large = load(loader(Tier.AUTO), large(), null);
    assertEquals("interp", ModuleLoader.tierOf(instantiate(large)));
    assertEquals(42, answer(large));
  }

  @Test
  void autoCompilesLargeModulesInTheBackgroundForLaterInstances() {
    Module large = load(loader(Tier.AUTO).backgroundCompilation(true), large(), null);
    Instance first = instantiate(large);
    ModuleLoader.awaitBackgroundCompilation(large);
    Instance later = instantiate(large);
    // The first instance keeps the tier it was linked with; the later one runs compiled code unless the
    // compiler fell back, which it must then have said.
    assertEquals(42, ((Value.I32) first.function("answer").call()[0]).value());
    assertEquals(42, ((Value.I32) later.function("answer").call()[0]).value());
    boolean fellBack = warnings.stream().anyMatch(w -> w.startsWith("m.wasm: runs on the interpreter"));
    assertEquals(fellBack ? "interp" : "compiled", ModuleLoader.tierOf(later), warnings.toString());
  }

  @Test
  void artifactIsLoadedWithoutWarning() throws Exception {
    CompiledModule compiled = (CompiledModule) load(loader(Tier.COMPILED), SMALL, null).code();
    warnings.clear();
    Path file = dir.resolve("m.wasm.aot");
    Artifact.of(SMALL, compiled.classFiles()).write(file);
    Module loaded = load(loader(Tier.AUTO), SMALL, file);
    assertEquals(42, answer(loaded));
    assertTrue(warnings.stream().allMatch(w -> w.contains("runs on the interpreter")), warnings.toString());
    assertEquals(compiled.classFiles().keySet(), ((CompiledModule) loaded.code()).classFiles().keySet());
  }

  @Test
  void classesThatDoNotLoadAreNeverRunAndTheModuleIsCompiled() throws Exception {
    // The key matches (hash and version) but the classes are not the compiler's: proof that the artifact's
    // classes are what gets loaded, and that a failure falls back to compiling.
    Path file = dir.resolve("m.wasm.aot");
    Artifact.of(SMALL, Map.of("dev/isola/compiler/emit/Bogus", new byte[] {1, 2, 3})).write(file);
    Module loaded = load(loader(Tier.COMPILED), SMALL, file);
    assertEquals(42, answer(loaded));
    assertTrue(warnings.getFirst().startsWith(file + ": unloadable"), warnings.toString());
    assertTrue(warnings.getFirst().endsWith("; compiling the module instead"), warnings.toString());
  }

  @Test
  void forgedClassesThatReachBeyondTheRuntimeAreRefused() throws Exception {
    // A well-formed class under a matching key, as someone who can write the artifact's folder could forge:
    // it calls Runtime.getRuntime(), which compiled Wasm never does. It must be refused before it is defined.
    byte[] forged = ClassFile.of().build(ClassDesc.of("dev.isola.compiler.emit.WasmCode"), c -> c
        .withMethodBody("run", MethodTypeDesc.of(ConstantDescs.CD_void), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
            code -> code.invokestatic(ClassDesc.of("java.lang.Runtime"), "getRuntime",
                MethodTypeDesc.of(ClassDesc.of("java.lang.Runtime"))).pop().return_()));
    Path file = dir.resolve("m.wasm.aot");
    Artifact.of(SMALL, Map.of("dev/isola/compiler/emit/WasmCode", forged)).write(file);
    Module loaded = load(loader(Tier.COMPILED), SMALL, file);
    assertEquals(42, answer(loaded));
    assertEquals(file + ": refused: class dev/isola/compiler/emit/WasmCode refers to java/lang/Runtime, which"
        + " compiled Wasm never uses; compiling the module instead", warnings.getFirst());
  }

  /** Much of what the compiler emits calls for: memory, bulk ops, tables, globals, conversions, traps. */
  private static final String RICH = """
      (module
        (type $t (func (param i32) (result i32)))
        (memory 1) (table 2 funcref) (global $g (mut i64) (i64.const 5))
        (elem (i32.const 0) $sq $sq)
        (func $sq (type $t) local.get 0 local.get 0 i32.mul)
        (func (export "run") (param i32 f64) (result i64)
          (memory.fill (i32.const 0) (i32.const 7) (i32.const 64))
          (memory.copy (i32.const 100) (i32.const 0) (i32.const 64))
          (drop (memory.grow (i32.const 1)))
          (i32.store8 (i32.const 3) (i32.load16_u (i32.const 100)))
          (f32.store (i32.const 8) (f32.demote_f64 (f64.sqrt (local.get 1))))
          (global.set $g (i64.rem_s (i64.div_u (global.get $g) (i64.const 2)) (i64.const 3)))
          (block (br_table 0 0 (local.get 0)))
          (i64.add (i64.trunc_sat_f64_s (local.get 1))
            (i64.add (i64.extend_i32_u (call_indirect (type $t) (local.get 0) (i32.rem_u (local.get 0) (i32.const 2))))
              (i64.add (global.get $g) (i64.trunc_f64_u (f64.abs (f64.copysign (local.get 1) (f64.const -1))))))))
        (func (export "trap") unreachable))""";

  @Test
  void theCompilersOwnClassesPassTheReferenceCheck() throws Exception {
    List<byte[]> modules = new ArrayList<>(List.of(ModuleEncoder.encode(TextParser.parseModule(RICH))));
    String root = System.getProperty("isola.root");
    if (root != null) {
      modules.add(java.nio.file.Files.readAllBytes(Path.of(root, "examples/hello/hello.wasm")));
    }
    int checked = 0;
    for (byte[] bytes : modules) {
      CompiledModule compiled = (CompiledModule) load(loader(Tier.COMPILED), bytes, null).code();
      CodeReferences.check(compiled.classFiles());
      checked += compiled.classFiles().size();
    }
    // Not vacuous: the compiler translated at least one of them (a fallback has no classes).
    assertTrue(checked > 0, warnings.toString());
  }

  @Test
  void staleArtifactIsReportedAndTheModuleCompiled() throws Exception {
    Path file = dir.resolve("m.wasm.aot");
    WasmModule other = TextParser.parseModule("(module (func (export \"answer\") (result i32) i32.const 1))");
    byte[] otherBytes = ModuleEncoder.encode(other);
    CompiledModule compiled = (CompiledModule) load(loader(Tier.COMPILED), otherBytes, null).code();
    warnings.clear();
    Artifact.of(otherBytes, compiled.classFiles()).write(file);
    Module loaded = load(loader(Tier.COMPILED), SMALL, file);
    assertEquals(42, answer(loaded));
    assertTrue(warnings.getFirst().startsWith(file + ": stale: compiled from other module bytes"),
        warnings.toString());
  }

  @Test
  void artifactBesideTheModule() {
    assertEquals(Path.of("dir/app.wasm.aot"), ModuleLoader.artifactBeside(Path.of("dir/app.wasm")));
  }

  @Test
  void tierNames() {
    assertEquals(Tier.COMPILED, Tier.of("compiled"));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Tier.of("fast"));
    assertEquals("unknown tier 'fast' (choose interp, compiled, auto)", e.getMessage());
  }
}
