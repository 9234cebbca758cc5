package dev.isola.wasm;

/** A global defined by the module: its type and initialiser. */
public record Global(GlobalType type, ConstExpr init) {}
