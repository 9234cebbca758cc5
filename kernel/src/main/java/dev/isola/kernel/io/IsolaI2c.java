package dev.isola.kernel.io;

import dev.isola.hal.HalException;
import dev.isola.hal.I2cDevice;
import dev.isola.hal.I2cOperation;
import dev.isola.hal.Kind;
import dev.isola.runtime.Caller;
import dev.isola.runtime.HostFunction;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code isola:i2c}, after wasi:i2c: a handle is one bound device, so every transaction goes to that device's
 * address (the guest never names an address). {@code read}, {@code write} and {@code write_read} are one-, one-
 * and two-part transactions; {@code transaction} runs up to {@value I2cDevice#MAX_OPERATIONS} parts, each 12 bytes in
 * memory: {@code {i32 kind (0 read, 1 write), i32 ptr, i32 len}}. wasi:i2c's error codes map one to one:
 * no-acknowledge(address) ENACK_ADDR, no-acknowledge(data) ENACK_DATA, arbitration-loss EARBITRATION, bus and
 * other EIO.
 */
final class IsolaI2c extends IoModule {
  static final String MODULE = "isola:i2c";

  private static final MethodHandle READ = find(IsolaI2c.class, "read", int.class, int.class, int.class);
  private static final MethodHandle WRITE = find(IsolaI2c.class, "write", int.class, int.class, int.class);
  private static final MethodHandle WRITE_READ = find(IsolaI2c.class, "writeRead", int.class, int.class, int.class,
      int.class, int.class);
  private static final MethodHandle TRANSACTION = find(IsolaI2c.class, "transaction", int.class, int.class, int.class);

  IsolaI2c(Handles handles) {
    super(MODULE, handles, Set.of(Kind.I2C), I2cDevice.class);
  }

  @Override
  List<HostFunction> functions() {
    return with(
        fn("read", READ),
        fn("write", WRITE),
        fn("write_read", WRITE_READ),
        fn("transaction", TRANSACTION));
  }

  int read(Caller caller, int h, int buf, int len) {
    GuestMemory memory = GuestMemory.of(caller);
    int bad = checkBuffer(memory, buf, len, 1, I2cDevice.MAX_BYTES); // an I2C read always clocks at least one byte
    if (bad < 0) {
      return bad;
    }
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    byte[] into = new byte[len];
    int result = run(caller, handle.as(I2cDevice.class), List.of(new I2cOperation.Read(into)));
    if (result < 0) {
      return result;
    }
    memory.write(buf, into, len);
    return len;
  }

  int write(Caller caller, int h, int buf, int len) {
    GuestMemory memory = GuestMemory.of(caller);
    int bad = checkBuffer(memory, buf, len, 0, I2cDevice.MAX_BYTES);
    if (bad < 0) {
      return bad;
    }
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    int result = run(caller, handle.as(I2cDevice.class), List.of(new I2cOperation.Write(memory.read(buf, len))));
    return result < 0 ? result : len;
  }

  int writeRead(Caller caller, int h, int wbuf, int wlen, int rbuf, int rlen) {
    GuestMemory memory = GuestMemory.of(caller);
    if (wlen < 0 || rlen <= 0 || (long) wlen + rlen > I2cDevice.MAX_BYTES) {
      return IoError.EINVAL.code();
    }
    if (!memory.holds(wbuf, wlen) || !memory.holds(rbuf, rlen)) {
      return IoError.EFAULT.code();
    }
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    byte[] into = new byte[rlen];
    int result = run(caller, handle.as(I2cDevice.class),
        List.of(new I2cOperation.Write(memory.read(wbuf, wlen)), new I2cOperation.Read(into)));
    if (result < 0) {
      return result;
    }
    memory.write(rbuf, into, rlen);
    return 0;
  }

  int transaction(Caller caller, int h, int ops, int count) {
    GuestMemory memory = GuestMemory.of(caller);
    if (count <= 0 || count > I2cDevice.MAX_OPERATIONS) {
      return IoError.EINVAL.code();
    }
    if (!memory.holds(ops, count * OP_BYTES)) {
      return IoError.EFAULT.code();
    }
    int[][] op = operations(memory, ops, count); // {kind, ptr, len}
    long total = 0;
    for (int[] o : op) {
      if ((o[0] != 0 && o[0] != 1) || o[2] < 0 || (o[0] == 0 && o[2] == 0)) {
        return IoError.EINVAL.code();
      }
      total += o[2];
      if (!memory.holds(o[1], o[2])) {
        return IoError.EFAULT.code();
      }
    }
    if (total > I2cDevice.MAX_BYTES) {
      return IoError.EINVAL.code();
    }
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    List<I2cOperation> operations = new ArrayList<>(count);
    for (int[] o : op) {
      operations.add(o[0] == 0 ? new I2cOperation.Read(new byte[o[2]])
          : new I2cOperation.Write(memory.read(o[1], o[2])));
    }
    int result = run(caller, handle.as(I2cDevice.class), operations);
    if (result < 0) {
      return result;
    }
    for (int i = 0; i < count; i++) {
      if (operations.get(i) instanceof I2cOperation.Read r) {
        memory.write(op[i][1], r.buffer(), r.buffer().length);
      }
    }
    return 0;
  }

  /** Runs one transaction, through the scheduler's block when it holds the bus long: 0 or a negative code. */
  private static int run(Caller caller, I2cDevice device, List<I2cOperation> operations) {
    // Bits on the wire: per part a (repeated) start and the address byte, then 9 clocks per byte (8 + ACK).
    long bits = 0;
    for (I2cOperation op : operations) {
      bits += 1 + 9 + 9L * op.length();
    }
    try {
      SlowCall.transfer(caller, bits, device.speed(), () -> {
        device.transaction(operations);
        return null;
      });
      return 0;
    } catch (HalException e) {
      return error(e);
    }
  }
}
