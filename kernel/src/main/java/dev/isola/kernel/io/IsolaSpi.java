package dev.isola.kernel.io;

import dev.isola.hal.HalException;
import dev.isola.hal.Kind;
import dev.isola.hal.SpiDevice;
import dev.isola.hal.SpiTransfer;
import dev.isola.runtime.Caller;
import dev.isola.runtime.HostFunction;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code isola:spi}, after wasi:spi's device transfers: a handle is one bound device (its chip select; mode and
 * clock from the need, else mode 0 and the fastest clock the device and bus share). A transfer is full duplex:
 * {@code len} bytes out of {@code tx} while {@code len} bytes come into {@code rx}; a null pointer (0) for tx sends
 * zeros, for rx discards (C's NULL: wasm-ld places no data at address 0). A transaction holds chip select across
 * up to {@value SpiDevice#MAX_TRANSFERS} transfers, each 12 bytes in memory: {@code {i32 tx, i32 rx, i32 len}}.
 */
final class IsolaSpi extends IoModule {
  static final String MODULE = "isola:spi";

  private static final MethodHandle TRANSFER = find(IsolaSpi.class, "transfer", int.class, int.class, int.class,
      int.class);
  private static final MethodHandle TRANSACTION = find(IsolaSpi.class, "transaction", int.class, int.class, int.class);

  IsolaSpi(Handles handles) {
    super(MODULE, handles, Set.of(Kind.SPI), SpiDevice.class);
  }

  @Override
  List<HostFunction> functions() {
    return with(
        fn("transfer", TRANSFER),
        fn("transaction", TRANSACTION));
  }

  int transfer(Caller caller, int h, int tx, int rx, int len) {
    GuestMemory memory = GuestMemory.of(caller);
    if (len <= 0 || len > SpiDevice.MAX_BYTES || (tx == 0 && rx == 0)) {
      return IoError.EINVAL.code();
    }
    if ((tx != 0 && !memory.holds(tx, len)) || (rx != 0 && !memory.holds(rx, len))) {
      return IoError.EFAULT.code();
    }
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    SpiTransfer transfer = new SpiTransfer(tx != 0 ? memory.read(tx, len) : null, new byte[len]);
    int result = run(caller, handle.as(SpiDevice.class), List.of(transfer));
    if (result < 0) {
      return result;
    }
    if (rx != 0) {
      memory.write(rx, transfer.rx(), len);
    }
    return len;
  }

  int transaction(Caller caller, int h, int ops, int count) {
    GuestMemory memory = GuestMemory.of(caller);
    if (count <= 0 || count > SpiDevice.MAX_TRANSFERS) {
      return IoError.EINVAL.code();
    }
    if (!memory.holds(ops, count * OP_BYTES)) {
      return IoError.EFAULT.code();
    }
    int[][] op = operations(memory, ops, count); // {tx, rx, len}
    long total = 0;
    for (int[] o : op) {
      if (o[2] <= 0 || (o[0] == 0 && o[1] == 0)) {
        return IoError.EINVAL.code();
      }
      total += o[2];
      if ((o[0] != 0 && !memory.holds(o[0], o[2])) || (o[1] != 0 && !memory.holds(o[1], o[2]))) {
        return IoError.EFAULT.code();
      }
    }
    if (total > SpiDevice.MAX_BYTES) {
      return IoError.EINVAL.code();
    }
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    List<SpiTransfer> transfers = new ArrayList<>(count);
    for (int[] o : op) {
      transfers.add(new SpiTransfer(o[0] != 0 ? memory.read(o[0], o[2]) : null, new byte[o[2]]));
    }
    int result = run(caller, handle.as(SpiDevice.class), transfers);
    if (result < 0) {
      return result;
    }
    for (int i = 0; i < count; i++) {
      if (op[i][1] != 0) {
        memory.write(op[i][1], transfers.get(i).rx(), op[i][2]);
      }
    }
    return 0;
  }

  /** Runs one transaction (chip select held), through the scheduler's block when it is long. */
  private static int run(Caller caller, SpiDevice device, List<SpiTransfer> transfers) {
    long bits = 0;
    for (SpiTransfer t : transfers) {
      bits += 8L * t.length();
    }
    try {
      SlowCall.transfer(caller, bits, device.hz(), () -> {
        device.transaction(transfers);
        return null;
      });
      return 0;
    } catch (HalException e) {
      return error(e);
    }
  }
}
