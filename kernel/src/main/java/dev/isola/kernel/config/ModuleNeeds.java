package dev.isola.kernel.config;

import dev.isola.hal.need.NeedException;
import dev.isola.hal.need.Needs;
import dev.isola.wasm.CustomSection;
import dev.isola.wasm.WasmModule;
import java.io.ByteArrayOutputStream;

/**
 * A module's peripheral needs: its {@code isola.peripherals} custom section ({@link Needs#SECTION}) parsed by hal.
 * The one place the kernel reads the section, so the check and the run (the I/O calls a guest may make) agree.
 */
public final class ModuleNeeds {
  private ModuleNeeds() {}

  /**
   * The needs {@code module} declares; {@link Needs#NONE} without the section. Several sections of that name (a
   * tool other than wasm-ld may leave them apart) are read as one, in module order, and offsets in errors count
   * from the first one's payload.
   *
   * @throws NeedException at the section's first mistake
   */
  public static Needs read(WasmModule module) throws NeedException {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    boolean found = false;
    for (CustomSection s : module.customSections()) {
      if (s.name().equals(Needs.SECTION)) {
        payload.writeBytes(s.payload());
        found = true;
      }
    }
    return found ? Needs.parse(payload.toByteArray()) : Needs.NONE;
  }
}
