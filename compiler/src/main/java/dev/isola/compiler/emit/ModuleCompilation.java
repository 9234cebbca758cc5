package dev.isola.compiler.emit;

import dev.isola.compiler.CompileReport;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.WasmModule;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The compiler's stages for one module: analyse (what can be compiled, fuel weights), lower and emit (one
 * {@link FunctionEmitter} pass per function into one class), then measure the result for the {@link
 * CompileReport}.
 *
 * @param className the internal name of the generated class
 * @param classFile its bytes (null if the module falls back)
 * @param report what was compiled
 * @param fallbacks why the module falls back to the interpreter (empty if it does not)
 */
public record ModuleCompilation(String className, byte[] classFile, CompileReport report,
                                List<CompileReport.Fallback> fallbacks) {
  /** Every module's class has this name; each is a separate hidden class, so they never clash. */
  public static final String CLASS_NAME = "dev/isola/compiler/emit/WasmCode";
  private static final ClassDesc SELF = ClassDesc.ofInternalName(CLASS_NAME);

  /** Class files name our runtime types; resolve them through this module's loader. */
  static ClassFile classFileApi() {
    return ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
        .orElse(ClassHierarchyResolver.ofClassLoading(ModuleCompilation.class.getClassLoader()))));
  }

  /** Runs the stages; never throws for a valid module (what cannot be compiled is a fallback). */
  public static ModuleCompilation run(WasmModule module, boolean noPolls) {
    List<CompileReport.Fallback> fallbacks = analyse(module);
    if (!fallbacks.isEmpty()) {
      return new ModuleCompilation(CLASS_NAME, null, null, fallbacks);
    }
    // Outside the try: the plans never throw (a failing trial is a plan too small), and isolate reuses them.
    Map<Integer, OutlinePlan> plans = plans(module, !noPolls);
    try {
      byte[] bytes = emit(module, !noPolls, -1, plans);
      return new ModuleCompilation(CLASS_NAME, bytes, report(module, bytes), List.of());
    } catch (RuntimeException e) {
      return new ModuleCompilation(CLASS_NAME, null, null, isolate(module, !noPolls, plans, e));
    }
  }

  /** Emits every function (or only {@code only}, to find the one that breaks a limit) into one class. */
  static byte[] emit(WasmModule module, boolean polls, int only, Map<Integer, OutlinePlan> plans) {
    Set<Integer> indirectTypes = new TreeSet<>();
    FunctionEmitter emitter = new FunctionEmitter(module, SELF, polls, indirectTypes);
    int imported = module.importedFunctionCount();
    int count = imported + module.code().size();
    return classFileApi().build(SELF, clb -> {
      clb.withFlags(AccessFlag.FINAL, AccessFlag.SUPER, AccessFlag.SYNTHETIC);
      for (int i = 0; i < count; i++) {
        if (only >= 0 && i != only) {
          continue;
        }
        if (i < imported) {
          emitter.stubs().emitImportStub(clb, i);
        } else {
          emitter.emitFunction(clb, i, plans.getOrDefault(i, OutlinePlan.NONE));
        }
      }
      // After the bodies, which collect the types call_indirect uses.
      for (int t : indirectTypes) {
        emitter.stubs().emitIndirectStub(clb, t);
      }
      if (only < 0) {
        emitter.stubs().emitBounces(clb);
      }
    });
  }

  /**
   * Methods are kept under this many bytes of bytecode (with {@link #ACCESS_COST} per memory access), below
   * HotSpot's limit with room for estimates.
   */
  static final int METHOD_BUDGET = 7000;

  /**
   * Splitting: a function whose method would exceed {@link CompileReport#HUGE_METHOD_LIMIT}, counting its memory
   * accesses at {@link #ACCESS_COST}, gets regions outlined ({@link OutlinePlan}), sized from its measured bytes
   * per instruction so that each method stays under {@link #METHOD_BUDGET}; a function that cannot be split
   * enough stays one (huge) method, in the report.
   */
  private static Map<Integer, OutlinePlan> plans(WasmModule module, boolean polls) {
    Map<Integer, OutlinePlan> plans = new HashMap<>();
    int imported = module.importedFunctionCount();
    TailCalls tails = TailCalls.of(module);
    for (int i = imported; i < imported + module.code().size(); i++) {
      List<Instruction> code = module.code().get(i - imported).instructions();
      // Cheap filter: no instruction emits more than a few bytes on average, nor zeroing a local; a counted loop
      // is emitted twice (FunctionEmitter.emitCountedLoop), so its instructions count twice.
      int locals = module.code().get(i - imported).locals().size();
      List<Instruction> twice = polls ? CountedLoop.duplicated(code) : List.of();
      long accesses = Stream.concat(code.stream(), twice.stream())
          .filter(in -> in.opcode().accessWidth() > 0).count();
      long emitted = code.size() + twice.size();
      if (emitted * 12 + locals * 8 + accesses * ACCESS_COST <= CompileReport.HUGE_METHOD_LIMIT) {
        continue;
      }
      int size;
      try {
        size = methodCost(emit(module, polls, i, Map.of()),
            FunctionEmitter.codeName(i, module.functionSpaceTypes().get(i), polls, tails.isCaller(i)));
      } catch (IllegalArgumentException e) {
        // Over the JVM's 64 KB: at least that much.
        size = 1 << 16;
      }
      if (fits(size)) {
        continue;
      }
      double perInstruction = (double) size / code.size();
      // The plan whose largest method is smallest, unless one fits; a plan that cannot be emitted is last. Locals
      // copied in and out first (faster), in the frame if that does not fit (OutlinePlan#framed).
      int bestSize = Integer.MAX_VALUE;
      search:
      for (boolean framed : new boolean[] {false, true}) {
        for (int budget = METHOD_BUDGET; budget >= 1000; budget -= 1500) {
          for (boolean largestFirst : new boolean[] {false, true}) {
            OutlinePlan plan = OutlinePlan.of(module, code, (int) (budget / perInstruction), largestFirst, framed);
            int largest = largestMethod(module, polls, i, plan);
            if (largest < bestSize || !plans.containsKey(i)) {
              bestSize = largest;
              plans.put(i, plan);
            }
            if (fits(largest)) {
              break search;
            }
          }
        }
      }
    }
    return plans;
  }

  /**
   * Whether a method measured at {@code size} bytes, emitted alone, stays under the limit in the module's class:
   * there its constant pool is larger, so constants need wider instructions ({@code ldc_w}; fuzz seed 80115 had
   * a function of 7,990 bytes alone and 8,029 in its module). Ten percent covers it.
   */
  private static boolean fits(int size) {
    return size <= CompileReport.HUGE_METHOD_LIMIT - CompileReport.HUGE_METHOD_LIMIT / 10;
  }

  /**
   * The size of the largest method of function {@code i} under {@code plan}; a trial over the JVM's 64 KB
   * limit throws in the class-file builder, which only means "too large" ({@link Integer#MAX_VALUE}).
   */
  private static int largestMethod(WasmModule module, boolean polls, int i, OutlinePlan plan) {
    try {
      return ClassFile.of().parse(emit(module, polls, i, Map.of(i, plan))).methods().stream()
          .mapToInt(ModuleCompilation::cost).max().orElse(0);
    } catch (IllegalArgumentException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static int methodCost(byte[] classFile, String name) {
    return ClassFile.of().parse(classFile).methods().stream()
        .filter(m -> m.methodName().equalsString(name)).mapToInt(ModuleCompilation::cost).findFirst().orElse(0);
  }

  /**
   * What a memory access costs C2 beyond its call's bytes, in bytes of bytecode. Its builtin inlines a VarHandle
   * access, a chain of about ten small methods, and C2 stops inlining once the bytecode it has inlined into one
   * compilation passes 8,000 bytes ({@code DesiredMethodLimit}) or its nodes pass a cutoff. A method with many
   * accesses got there while its own bytecode was far under 8,000 bytes: the accesses left, and {@code f64.sqrt},
   * became real calls in the hot loop, with every live value spilled around them (nbody's {@code main}, 3,371
   * bytes and 113 accesses: PrintInlining said "size > DesiredMethodLimit" for 41 of them; 46 ms against 9.6
   * once split). 70 is what one access adds to the inlined total, calibrated on that method: with it, no
   * method of the benchmark kernels has an access left out (PrintInlining), and nbody's main is split in two.
   */
  static final int ACCESS_COST = 70;

  /** A method's size for the budget: its bytecode plus {@link #ACCESS_COST} per memory access it makes. */
  private static int cost(MethodModel m) {
    int accesses = m.code().map(c -> (int) c.elementStream()
        .filter(e -> e instanceof InvokeInstruction inv
            && inv.owner().asSymbol().equals(Descriptors.BUILTINS)
            && (inv.name().stringValue().contains("Load") || inv.name().stringValue().contains("Store")))
        .count()).orElse(0);
    return codeSize(m) + accesses * ACCESS_COST;
  }

  private static int codeSize(MethodModel m) {
    return m.code().map(c -> c instanceof java.lang.classfile.attribute.CodeAttribute a ? a.codeLength() : 0)
        .orElse(0);
  }

  /** The emission failed (a JVM limit): finds the functions that fail alone. */
  private static List<CompileReport.Fallback> isolate(WasmModule module, boolean polls,
                                                      Map<Integer, OutlinePlan> plans, RuntimeException e) {
    List<CompileReport.Fallback> out = new ArrayList<>();
    int imported = module.importedFunctionCount();
    // With the module's plans, which do not throw: a function is blamed only if it fails alone.
    for (int i = imported; i < imported + module.code().size(); i++) {
      try {
        emit(module, polls, i, plans);
      } catch (RuntimeException f) {
        out.add(fallback(module, i, "cannot be emitted: " + describe(f)));
      }
    }
    if (out.isEmpty()) {
      out.add(new CompileReport.Fallback(-1, null, "the module's class cannot be emitted: " + e.getMessage()));
    }
    return out;
  }

  /** The exception and where it came from: a compiler bug shows up in the report with its place. */
  private static String describe(RuntimeException e) {
    StackTraceElement[] at = e.getStackTrace();
    return e + (at.length > 0 ? " at " + at[0] : "");
  }

  private static CompileReport.Fallback fallback(WasmModule module, int function, String reason) {
    String name = module.names() == null ? null : module.names().functionName(function).orElse(null);
    return new CompileReport.Fallback(function, name, reason);
  }

  /** What the emitter cannot express: too many parameters. */
  private static List<CompileReport.Fallback> analyse(WasmModule module) {
    List<CompileReport.Fallback> out = new ArrayList<>();
    List<FuncType> types = module.functionSpaceTypes();
    for (int i = 0; i < types.size(); i++) {
      String reason = Descriptors.unsupported(types.get(i));
      if (reason != null) {
        out.add(fallback(module, i, reason));
      }
    }
    if (out.isEmpty()) {
      for (FuncType t : module.types()) {
        String reason = Descriptors.unsupported(t);
        if (reason != null) {
          out.add(new CompileReport.Fallback(-1, null, "type " + t + ": " + reason));
          break;
        }
      }
    }
    return out;
  }

  /** The report of a generated class: its methods and their bytecode sizes. */
  public static CompileReport report(WasmModule module, byte[] classFile) {
    ClassModel model = ClassFile.of().parse(classFile);
    List<CompileReport.Method> methods = new ArrayList<>();
    int imported = module.importedFunctionCount();
    int functions = 0;
    for (MethodModel m : model.methods()) {
      String name = m.methodName().stringValue();
      int size = codeSize(m);
      int function = -1;
      if (name.startsWith("f")) {
        function = Integer.parseInt(name.substring(1));
        if (function >= imported) {
          functions++;
        }
      } else if (name.startsWith("g") || name.startsWith("t")) {
        // The body of a function whose f<i> unpacks its countdown (FunctionEmitter.packs), or the body of one
        // that makes tail calls (TailCalls).
        function = Integer.parseInt(name.substring(1));
      } else if (name.startsWith("r")) {
        function = Integer.parseInt(name.substring(1, name.indexOf('_')));
      }
      methods.add(new CompileReport.Method(name, function, size));
    }
    return new CompileReport(functions, methods.size(), methods, List.of());
  }
}
