package dev.isola.wasm;

/** A global type: value type and mutability. */
public record GlobalType(ValType type, boolean mutable) {}
