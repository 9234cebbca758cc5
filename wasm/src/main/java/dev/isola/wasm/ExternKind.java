package dev.isola.wasm;

/** The kind of an import or export, with its binary encoding. */
public enum ExternKind {
  FUNC(0),
  TABLE(1),
  MEMORY(2),
  GLOBAL(3);

  private final int code;

  ExternKind(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public String textName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
