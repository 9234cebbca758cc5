package dev.isola.runtime;

import java.util.Map;
import java.util.Optional;

/**
 * A module instance: its index spaces (imports first) and exports. The index-space accessors ({@link
 * #function(int)}, {@link #memory(int)}, ...) are for execution tiers and host code.
 */
public final class Instance {
  public Module module() { throw new UnsupportedOperationException("runtime"); }

  public Store store() { throw new UnsupportedOperationException("runtime"); }

  /** The {@link Caller} that tiers pass to host functions called from this instance's code (one per instance). */
  public Caller caller() { throw new UnsupportedOperationException("runtime"); }

  public Map<String, Extern> exports() { throw new UnsupportedOperationException("runtime"); }

  public Optional<Extern> export(String name) { throw new UnsupportedOperationException("runtime"); }

  /** @throws IllegalArgumentException if there is no such exported function */
  public Function function(String name) { throw new UnsupportedOperationException("runtime"); }

  /** The exported memory {@code name}, or null. */
  public Memory memory(String name) { throw new UnsupportedOperationException("runtime"); }

  public Global global(String name) { throw new UnsupportedOperationException("runtime"); }

  public Table table(String name) { throw new UnsupportedOperationException("runtime"); }

  public Function function(int index) { throw new UnsupportedOperationException("runtime"); }

  public Memory memory(int index) { throw new UnsupportedOperationException("runtime"); }

  public Table table(int index) { throw new UnsupportedOperationException("runtime"); }

  public Global global(int index) { throw new UnsupportedOperationException("runtime"); }

  /** The canonical type id ({@link Engine#typeId}) of the type at {@code typeIndex} of the module. */
  public int typeId(int typeIndex) { throw new UnsupportedOperationException("runtime"); }

  /** Element segment {@code index}'s evaluated references; an empty array once dropped. */
  public Object[] elementSegment(int index) { throw new UnsupportedOperationException("runtime"); }

  public void dropElementSegment(int index) { throw new UnsupportedOperationException("runtime"); }

  /** Data segment {@code index}'s bytes; an empty array once dropped. */
  public byte[] dataSegment(int index) { throw new UnsupportedOperationException("runtime"); }

  public void dropDataSegment(int index) { throw new UnsupportedOperationException("runtime"); }

  /** Per-instance state a tier attached with {@link #setTierState} (e.g. resolved call targets). */
  public Object tierState() { throw new UnsupportedOperationException("runtime"); }

  public void setTierState(Object state) { throw new UnsupportedOperationException("runtime"); }
}
