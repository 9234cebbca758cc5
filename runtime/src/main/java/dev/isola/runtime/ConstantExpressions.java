package dev.isola.runtime;

import dev.isola.wasm.ConstExpr;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Evaluates constant expressions (global initialisers, segment offsets, element items) against an instance
 * under construction. The validator has already checked that only constant instructions occur and that the
 * types line up, so a violation here is a bug, reported as {@link IllegalStateException}.
 *
 * <p>Accepted: {@code t.const}, {@code v128.const}, {@code ref.null}, {@code ref.func}, {@code global.get}, and
 * (extended-const) {@code i32/i64.add/sub/mul}.
 */
final class ConstantExpressions {
  private ConstantExpressions() {}

  static Value evaluate(ConstExpr expr, Instance instance) {
    Deque<Value> stack = new ArrayDeque<>(4);
    for (Instruction in : expr.instructions()) {
      Immediate imm = in.immediate();
      switch (in.opcode()) {
        case I32_CONST -> stack.push(Value.i32(((Immediate.I32) imm).value()));
        case I64_CONST -> stack.push(Value.i64(((Immediate.I64) imm).value()));
        case F32_CONST -> stack.push(new Value.F32(((Immediate.F32) imm).bits()));
        case F64_CONST -> stack.push(new Value.F64(((Immediate.F64) imm).bits()));
        case V128_CONST -> {
          Immediate.V128 v = (Immediate.V128) imm;
          stack.push(Value.v128(v.low(), v.high()));
        }
        case REF_NULL -> stack.push(Value.zero(((Immediate.RefType) imm).type()));
        case REF_FUNC -> stack.push(Value.funcref(instance.function(((Immediate.Index) imm).index())));
        case GLOBAL_GET -> stack.push(instance.global(((Immediate.Index) imm).index()).get());
        case I32_ADD, I32_SUB, I32_MUL -> {
          int b = stack.pop().asInt();
          int a = stack.pop().asInt();
          stack.push(Value.i32(switch (in.opcode()) {
            case I32_ADD -> a + b;
            case I32_SUB -> a - b;
            default -> a * b;
          }));
        }
        case I64_ADD, I64_SUB, I64_MUL -> {
          long b = stack.pop().asLong();
          long a = stack.pop().asLong();
          stack.push(Value.i64(switch (in.opcode()) {
            case I64_ADD -> a + b;
            case I64_SUB -> a - b;
            default -> a * b;
          }));
        }
        case END -> {
          // Some producers of the model keep the final end; it changes nothing.
        }
        default -> throw new IllegalStateException("not a constant instruction: " + in);
      }
    }
    if (stack.size() != 1) {
      throw new IllegalStateException("constant expression left " + stack.size() + " values");
    }
    return stack.pop();
  }
}
