package dev.isola.wasm;

/** A table type: a reference element type and limits in elements. */
public record TableType(ValType elementType, Limits limits) {}
