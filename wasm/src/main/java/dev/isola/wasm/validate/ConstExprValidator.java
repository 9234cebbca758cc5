package dev.isola.wasm.validate;

import dev.isola.wasm.ConstExpr;
import dev.isola.wasm.Feature;
import dev.isola.wasm.GlobalType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.ValType;

/**
 * Constant expressions: global initialisers, segment offsets and element items. As in the spec (and its
 * reference interpreter) every instruction is first checked to be constant, then the sequence is typed.
 *
 * <p>Only imported globals are visible here (Wasm 2.0: C' holds the imported globals alone), and they must be
 * immutable. {@link Feature#EXTENDED_CONST} adds {@code i32}/{@code i64} {@code add}, {@code sub} and {@code mul}.
 */
final class ConstExprValidator {
  private final ModuleContext ctx;
  /** The typing stack; constant expressions are short, so it only grows in pathological modules. */
  private int[] stack = new int[8];

  ConstExprValidator(ModuleContext ctx) {
    this.ctx = ctx;
  }

  void check(ConstExpr expr, ValType expected, String where, long offset) {
    for (Instruction insn : expr.instructions()) {
      requireConstant(insn, where);
    }
    int sp = 0;
    for (Instruction insn : expr.instructions()) {
      if (sp + 1 >= stack.length) {
        stack = java.util.Arrays.copyOf(stack, stack.length * 2);
      }
      switch (insn.opcode()) {
        case I32_CONST -> stack[sp++] = OperandTypes.I32;
        case I64_CONST -> stack[sp++] = OperandTypes.I64;
        case F32_CONST -> stack[sp++] = OperandTypes.F32;
        case F64_CONST -> stack[sp++] = OperandTypes.F64;
        case V128_CONST -> stack[sp++] = OperandTypes.V128;
        case REF_NULL -> stack[sp++] = OperandTypes.of(((Immediate.RefType) insn.immediate()).type());
        case REF_FUNC -> {
          int index = ((Immediate.Index) insn.immediate()).index();
          if (index < 0 || index >= ctx.funcTypes.length) {
            throw new InvalidModuleException("unknown function " + Integer.toUnsignedString(index),
                insn.offset(), where);
          }
          stack[sp++] = OperandTypes.FUNCREF;
        }
        case GLOBAL_GET -> {
          int index = ((Immediate.Index) insn.immediate()).index();
          stack[sp++] = OperandTypes.of(ctx.globals[index].type());
        }
        case I32_ADD, I32_SUB, I32_MUL -> sp = binary(sp, OperandTypes.I32, insn, where);
        case I64_ADD, I64_SUB, I64_MUL -> sp = binary(sp, OperandTypes.I64, insn, where);
        default -> throw new AssertionError(insn);
      }
    }
    if (sp != 1 || stack[0] != OperandTypes.of(expected)) {
      throw new InvalidModuleException("type mismatch", offset, where);
    }
  }

  private int binary(int sp, int type, Instruction insn, String where) {
    if (sp < 2 || stack[sp - 1] != type || stack[sp - 2] != type) {
      throw new InvalidModuleException("type mismatch", insn.offset(), where);
    }
    return sp - 1;
  }

  private void requireConstant(Instruction insn, String where) {
    boolean constant = switch (insn.opcode()) {
      case I32_CONST, I64_CONST, F32_CONST, F64_CONST, V128_CONST, REF_NULL, REF_FUNC -> true;
      case GLOBAL_GET -> {
        int index = ((Immediate.Index) insn.immediate()).index();
        if (index < 0 || index >= ctx.importedGlobals) {
          throw new InvalidModuleException("unknown global " + Integer.toUnsignedString(index),
              insn.offset(), where);
        }
        GlobalType g = ctx.globals[index];
        yield !g.mutable();
      }
      case I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL -> ctx.has(Feature.EXTENDED_CONST);
      default -> false;
    };
    if (!constant) {
      throw new InvalidModuleException("constant expression required", insn.offset(), where);
    }
  }
}
