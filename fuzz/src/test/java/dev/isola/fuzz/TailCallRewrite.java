package dev.isola.fuzz;

import dev.isola.wasm.Feature;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.FunctionBody;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.binary.MalformedModuleException;
import dev.isola.wasm.binary.ModuleDecoder;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.validate.InvalidModuleException;
import dev.isola.wasm.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Gives binaryen's modules tail calls, which its {@code --translate-to-fuzz} never emits: a {@code call} or
 * {@code call_indirect} directly followed by {@code return} or by the function's final {@code end}, whose callee
 * has the function's own results, becomes {@code return_call} or {@code return_call_indirect}. The result is the
 * same program for a tier that does tail calls right; what the fuzzer then compares is how each tier does them
 * (constant stack, fuel at the callee's entry, traps inside a chain).
 */
final class TailCallRewrite {
  private TailCallRewrite() {}

  static final Set<Feature> FEATURES = Set.of(Feature.TAIL_CALL);

  /** The rewritten module and how many calls became tail calls (0: {@code wasm} unchanged). */
  record Result(byte[] wasm, int rewritten) {}

  /**
   * The rewrite of {@code wasm}; a module Isola cannot decode or finds invalid is left as it is, for the
   * comparison to report (binaryen's {@code anyref} is such a case, {@link Campaign#judge}).
   *
   * @throws InvalidModuleException if the rewrite made an invalid module (a bug here)
   */
  static Result apply(byte[] wasm) {
    WasmModule m;
    try {
      m = ModuleDecoder.decode(wasm, FEATURES);
      Validator.validate(m, FEATURES);
    } catch (MalformedModuleException | InvalidModuleException e) {
      return new Result(wasm, 0);
    }
    List<FuncType> types = m.functionSpaceTypes();
    int imported = m.importedFunctionCount();
    int rewritten = 0;
    List<FunctionBody> code = new ArrayList<>();
    for (int f = 0; f < m.code().size(); f++) {
      FunctionBody body = m.code().get(f);
      List<Instruction> in = new ArrayList<>(body.instructions());
      FuncType self = types.get(imported + f);
      for (int i = 0; i + 1 < in.size(); i++) {
        Instruction call = in.get(i);
        boolean tail = in.get(i + 1).opcode() == OpCode.RETURN || i + 1 == in.size() - 1;
        FuncType callee = switch (call.opcode()) {
          case CALL -> types.get(((Immediate.Index) call.immediate()).index());
          case CALL_INDIRECT -> m.types().get(((Immediate.CallIndirect) call.immediate()).typeIndex());
          default -> null;
        };
        if (tail && callee != null && callee.results().equals(self.results())) {
          OpCode op = call.opcode() == OpCode.CALL ? OpCode.RETURN_CALL : OpCode.RETURN_CALL_INDIRECT;
          in.set(i, new Instruction(op, call.immediate(), call.offset()));
          rewritten++;
        }
      }
      code.add(new FunctionBody(body.locals(), in, body.offset()));
    }
    if (rewritten == 0) {
      return new Result(wasm, 0);
    }
    WasmModule out = new WasmModule(m.types(), m.imports(), m.functionTypes(), m.tables(), m.memories(),
        m.globals(), m.exports(), m.start(), m.elements(), m.dataCount(), code, m.data(), m.customSections(),
        m.names());
    Validator.validate(out, FEATURES);
    return new Result(ModuleEncoder.encode(out), rewritten);
  }
}
