package dev.isola.kernel.portal;

import dev.isola.kernel.container.ExporterUnavailableException;
import dev.isola.kernel.container.PortalCall;
import dev.isola.kernel.container.PortalExporter;
import dev.isola.kernel.container.PortalFrame;
import dev.isola.kernel.container.PortalStackOverflowException;
import dev.isola.runtime.Function;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Memory;
import dev.isola.runtime.Trap;

/**
 * A stand-in for the containers package's exporter: the portal stack is the upper half of the exporter's memory
 * 0, buffers pushed from its top down; a trap takes the exporter down, as the kernel's restart policy would.
 */
final class TestExporter implements PortalExporter {
  private final String name;
  private final Instance instance;
  private final int bottom;
  private final int top;
  volatile boolean down;

  TestExporter(String name, Instance instance, int bottom, int top) {
    this.name = name;
    this.instance = instance;
    this.bottom = bottom;
    this.top = top;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized <R> R call(PortalCall<R> call) {
    if (down) {
      throw new ExporterUnavailableException(name, "stopped");
    }
    int[] cursor = {top};
    PortalFrame frame = new PortalFrame() {
      @Override
      public Instance instance() {
        return instance;
      }

      @Override
      public Memory memory() {
        return instance.memory(0);
      }

      @Override
      public Function export(String export) {
        return instance.function(export);
      }

      @Override
      public int push(int length) {
        long at = (cursor[0] - Integer.toUnsignedLong(length)) & ~15L;
        if (at < bottom) {
          throw new PortalStackOverflowException(name, length, cursor[0] - bottom);
        }
        cursor[0] = (int) at;
        return (int) at;
      }
    };
    try {
      return call.run(frame);
    } catch (Trap t) {
      down = true;
      throw new ExporterUnavailableException(name, "trapped: " + t.getMessage());
    }
  }
}
