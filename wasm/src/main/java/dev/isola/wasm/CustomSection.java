package dev.isola.wasm;

/** A custom section, kept as it was: its name and its payload after the name. */
public record CustomSection(String name, byte[] payload) {}
