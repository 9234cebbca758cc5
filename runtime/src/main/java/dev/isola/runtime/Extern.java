package dev.isola.runtime;

/** Something an instance can import or export: a function, table, memory or global instance. */
public sealed interface Extern permits Function, Table, Memory, Global {}
