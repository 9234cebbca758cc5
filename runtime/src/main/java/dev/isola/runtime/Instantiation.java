package dev.isola.runtime;

import dev.isola.wasm.DataSegment;
import dev.isola.wasm.ElementSegment;
import dev.isola.wasm.Export;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.GlobalType;
import dev.isola.wasm.Import;
import dev.isola.wasm.ImportDesc;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.TableType;
import dev.isola.wasm.WasmModule;
import java.util.List;

/**
 * Module instantiation as the spec (2.0) orders it:
 *
 * <ol>
 *   <li>resolve and check every import, before anything is allocated ({@link UnlinkableException});
 *   <li>allocate the defined functions, tables, memories and globals (initialisers may read imported globals
 *       and take {@code ref.func} of any function), evaluate the element segments, collect the exports;
 *   <li>let the tier link its code to the instance;
 *   <li>apply the active element segments in order (as {@code table.init} then {@code elem.drop}), drop the
 *       declarative ones, then apply the active data segments (as {@code memory.init} then {@code data.drop});
 *   <li>run the start function.
 * </ol>
 *
 * <p>A trap in step 4 or 5 ends instantiation; what was written to imported tables and memories before it
 * stays written, as the spec requires.
 */
final class Instantiation {
  private Instantiation() {}

  static Instance run(Store store, Module module, Imports imports) {
    WasmModule model = module.model();
    Instance instance = new Instance(module, store);
    int functions = resolveImports(model, imports, instance);
    ResourceLimiter limiter = store.limiter();

    for (int typeIndex : model.functionTypes()) {
      instance.functions[functions] = new WasmFunction(model.types().get(typeIndex), instance, functions);
      functions++;
    }
    int tables = instance.tables.length - model.tables().size();
    for (TableType type : model.tables()) {
      instance.tables[tables++] = new Table(type, null, limiter);
    }
    int memories = instance.memories.length - model.memories().size();
    for (MemoryType type : model.memories()) {
      instance.memories[memories++] = new Memory(type, limiter);
    }
    int globals = instance.globals.length - model.globals().size();
    for (dev.isola.wasm.Global global : model.globals()) {
      instance.globals[globals++] = new Global(global.type(), ConstantExpressions.evaluate(global.init(), instance));
    }
    List<ElementSegment> elements = model.elements();
    for (int i = 0; i < elements.size(); i++) {
      instance.elementSegments[i] = elements.get(i).init().stream()
          .map(item -> ConstantExpressions.evaluate(item, instance).ref())
          .toArray();
    }
    List<DataSegment> data = model.data();
    for (int i = 0; i < data.size(); i++) {
      instance.dataSegments[i] = data.get(i).bytes();
    }
    for (Export export : model.exports()) {
      int index = export.index();
      Extern extern = switch (export.kind()) {
        case FUNC -> instance.functions[index];
        case TABLE -> instance.tables[index];
        case MEMORY -> instance.memories[index];
        case GLOBAL -> instance.globals[index];
      };
      instance.exports.put(export.name(), extern);
    }

    module.code().link(instance);

    for (int i = 0; i < elements.size(); i++) {
      switch (elements.get(i).mode()) {
        case ElementSegment.Active active -> {
          int offset = ConstantExpressions.evaluate(active.offset(), instance).asInt();
          Object[] refs = instance.elementSegments[i];
          instance.tables[active.table()].init(offset, refs, 0, refs.length);
          instance.dropElementSegment(i);
        }
        case ElementSegment.Declarative _ -> instance.dropElementSegment(i);
        case ElementSegment.Passive _ -> {}
      }
    }
    for (int i = 0; i < data.size(); i++) {
      if (data.get(i).mode() instanceof DataSegment.Active active) {
        long offset = Integer.toUnsignedLong(ConstantExpressions.evaluate(active.offset(), instance).asInt());
        byte[] bytes = instance.dataSegments[i];
        instance.memories[active.memory()].init(offset, bytes, 0, bytes.length);
        instance.dropDataSegment(i);
      }
    }

    if (model.start().isPresent()) {
      module.code().invoke(instance, model.start().get(), new Value[0]);
    }
    return instance;
  }

  /** Fills the imported part of each index space; returns the number of imported functions. */
  private static int resolveImports(WasmModule model, Imports imports, Instance instance) {
    int functions = 0;
    int tables = 0;
    int memories = 0;
    int globals = 0;
    for (Import imp : model.imports()) {
      Extern extern = imports.resolve(imp.module(), imp.name())
          .orElseThrow(() -> new UnlinkableException("unknown import", imp.module() + "." + imp.name()));
      switch (imp.desc()) {
        case ImportDesc.Func f -> {
          FuncType expected = model.types().get(f.typeIndex());
          if (!(extern instanceof Function function) || !function.type().equals(expected)) {
            throw incompatible(imp, "func " + expected, extern);
          }
          instance.functions[functions++] = function;
        }
        case ImportDesc.Table t -> {
          TableType expected = t.type();
          if (!(extern instanceof Table table)
              || table.type().elementType() != expected.elementType()
              || !table.type().limits().matches(expected.limits())) {
            throw incompatible(imp, describe(expected), extern);
          }
          instance.tables[tables++] = table;
        }
        case ImportDesc.Memory m -> {
          MemoryType expected = m.type();
          if (!(extern instanceof Memory memory) || !memory.type().limits().matches(expected.limits())) {
            throw incompatible(imp, describe(expected), extern);
          }
          instance.memories[memories++] = memory;
        }
        case ImportDesc.Global g -> {
          GlobalType expected = g.type();
          if (!(extern instanceof Global global) || !global.type().equals(expected)) {
            throw incompatible(imp, describe(expected), extern);
          }
          instance.globals[globals++] = global;
        }
      }
    }
    return functions;
  }

  private static UnlinkableException incompatible(Import imp, String expected, Extern actual) {
    return new UnlinkableException("incompatible import type",
        imp.module() + "." + imp.name() + ": expected " + expected + ", got " + describe(actual));
  }

  private static String describe(Extern extern) {
    return switch (extern) {
      case Function f -> "func " + f.type();
      case Table t -> describe(t.type());
      case Memory m -> describe(m.type());
      case Global g -> describe(g.type());
    };
  }

  private static String describe(TableType type) {
    return "table " + type.limits() + " " + type.elementType();
  }

  private static String describe(MemoryType type) {
    return "memory " + type.limits();
  }

  private static String describe(GlobalType type) {
    return "global " + (type.mutable() ? "(mut " + type.type() + ")" : type.type().toString());
  }
}
