package dev.isola.wasm;

/** What an import asks for. */
public sealed interface ImportDesc {
  ExternKind kind();

  /** A function of the type at {@code typeIndex} in the type section. */
  record Func(int typeIndex) implements ImportDesc {
    public ExternKind kind() {
      return ExternKind.FUNC;
    }
  }

  record Table(TableType type) implements ImportDesc {
    public ExternKind kind() {
      return ExternKind.TABLE;
    }
  }

  record Memory(MemoryType type) implements ImportDesc {
    public ExternKind kind() {
      return ExternKind.MEMORY;
    }
  }

  record Global(GlobalType type) implements ImportDesc {
    public ExternKind kind() {
      return ExternKind.GLOBAL;
    }
  }
}
