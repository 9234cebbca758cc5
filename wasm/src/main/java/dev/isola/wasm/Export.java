package dev.isola.wasm;

/** An export: its name, and the kind and index of what it exports. */
public record Export(String name, ExternKind kind, int index) {}
