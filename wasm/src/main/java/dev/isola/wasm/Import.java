package dev.isola.wasm;

/** An import: module name, field name and what is imported. */
public record Import(String module, String name, ImportDesc desc) {}
