package dev.isola.hal.sim.device;

import dev.isola.hal.UartConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * A simulated UART wired to an {@link UartEndpoint}. Transmitted bytes go to the endpoint and into a capture
 * (for tests: everything up to {@link #CAPTURE} bytes, then at least the newest half of that); received bytes
 * (from the endpoint or {@link #inject}) wait in a receive FIFO of {@link #FIFO} bytes; what arrives while it
 * is full is dropped and counted, as a real UART's overrun. Not modelled: bit timing (bytes move at once,
 * whatever the baud) and framing errors.
 *
 * <p>The endpoint's blocking I/O runs on daemon threads of its own (a reader started on the first read or
 * listener, so a board nobody reads from leaves stdin alone; for a FIFO, a writer, because opening a FIFO
 * blocks until its other end opens). This object's monitor guards the FIFO, the capture and the
 * configuration; the receive listener is called outside it.
 */
public final class Uart implements AutoCloseable {
  static final int FIFO = 4096;
  static final int CAPTURE = 1 << 16;

  private final String name;
  private final UartEndpoint endpoint;
  private final byte[] fifo = new byte[FIFO];
  private int head;
  private int size;
  private long overruns;
  private final ByteArrayOutputStream capture = new ByteArrayOutputStream();
  /** Line settings as configured: stored and reported, they change nothing in the simulation. */
  private UartConfig framing = UartConfig.DEFAULT;
  private IntConsumer listener;
  private boolean readerStarted;
  private volatile boolean closed;
  private OutputStream sink;
  /** Chunks waiting for the FIFO's reader; bounded: with nobody reading, bytes are lost as on an open line. */
  private final LinkedBlockingQueue<byte[]> fifoOut = new LinkedBlockingQueue<>(1024);

  public Uart(String name, UartEndpoint endpoint) {
    this.name = name;
    this.endpoint = endpoint;
  }

  public String name() {
    return name;
  }

  public UartEndpoint endpoint() {
    return endpoint;
  }

  public synchronized UartConfig framing() {
    return framing;
  }

  public synchronized void configure(UartConfig f) {
    framing = f;
  }

  // ---- transmit ----

  /** Transmits {@code data}: to the endpoint, and into the capture. */
  public void write(byte[] data, int offset, int length) {
    synchronized (this) {
      capture.write(data, offset, length);
      if (capture.size() > CAPTURE) {
        byte[] all = capture.toByteArray();
        capture.reset();
        capture.write(all, all.length - CAPTURE / 2, CAPTURE / 2);
      }
    }
    try {
      switch (endpoint) {
        case UartEndpoint.Terminal t -> {
          System.out.write(data, offset, length);
          System.out.flush();
        }
        case UartEndpoint.None n -> {}
        case UartEndpoint.File f -> fileSink(f.path()).write(data, offset, length);
        case UartEndpoint.Fifo f -> {
          startFifoWriter(f.path());
          byte[] copy = new byte[length];
          System.arraycopy(data, offset, copy, 0, length);
          fifoOut.offer(copy); // full: nobody reads the other end, the bytes are lost
        }
      }
    } catch (IOException e) {
      // The wire is cut (a full disk, a closed terminal): the UART goes on transmitting, as the real one would.
      System.err.println("isola-sim: " + name + ": endpoint write failed: " + e.getMessage());
    }
  }

  private synchronized OutputStream fileSink(Path path) throws IOException {
    if (sink == null) {
      sink = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    return sink;
  }

  private synchronized void startFifoWriter(Path base) {
    if (sink != null) {
      return;
    }
    sink = OutputStream.nullOutputStream(); // marks the writer as started
    Path tx = Path.of(base + ".tx");
    Thread.ofPlatform().daemon().name("isola-sim-" + name + "-tx").start(() -> {
      try {
        Fifos.make(tx);
        while (!closed) {
          try (OutputStream out = Files.newOutputStream(tx)) { // blocks until a reader opens it
            while (!closed) {
              byte[] b = fifoOut.poll(200, TimeUnit.MILLISECONDS);
              if (b != null) {
                out.write(b);
                out.flush();
              }
            }
          } catch (IOException e) {
            // The reader went away; wait for the next one.
          }
        }
      } catch (IOException | InterruptedException e) {
        System.err.println("isola-sim: " + name + ": " + tx + ": " + e.getMessage());
      }
    });
  }

  /** What was transmitted: everything up to {@link #CAPTURE} bytes, then at least the newest 32 KiB. */
  public synchronized byte[] captured() {
    return capture.toByteArray();
  }

  // ---- receive ----

  /** Bytes arrive on RX (from the endpoint, or a test). */
  public void inject(byte[] data) {
    IntConsumer l;
    int stored = 0;
    synchronized (this) {
      for (byte b : data) {
        if (size == FIFO) {
          overruns++;
        } else {
          fifo[(head + size++) % FIFO] = b;
          stored++;
        }
      }
      notifyAll();
      l = listener;
    }
    if (l != null && stored > 0) {
      l.accept(stored);
    }
  }

  /**
   * Reads up to {@code length} received bytes, waiting at most {@code timeoutNanos} (wall time) for the first;
   * returns how many were read (0 on timeout).
   */
  public int read(byte[] buf, int offset, int length, long timeoutNanos) throws InterruptedException {
    startReader();
    long deadline = System.nanoTime() + timeoutNanos;
    synchronized (this) {
      while (size == 0 && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return 0;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      int n = Math.min(length, size);
      for (int i = 0; i < n; i++) {
        buf[offset + i] = fifo[head];
        head = (head + 1) % FIFO;
      }
      size -= n;
      return n;
    }
  }

  public synchronized int available() {
    return size;
  }

  public synchronized long overruns() {
    return overruns;
  }

  /** Sets (or with null removes) the one receive listener: told how many bytes arrived, outside the lock. */
  public void listen(IntConsumer l) {
    synchronized (this) {
      listener = l;
    }
    if (l != null) {
      startReader();
    }
  }

  private void startReader() {
    synchronized (this) {
      if (readerStarted) {
        return;
      }
      readerStarted = true;
    }
    switch (endpoint) {
      case UartEndpoint.Terminal t -> pump(() -> System.in, false);
      case UartEndpoint.Fifo f -> {
        Path rx = Path.of(f.path() + ".rx");
        pump(() -> {
          Fifos.make(rx);
          return Files.newInputStream(rx); // blocks until a writer opens it
        }, true);
      }
      case UartEndpoint.None n -> {}
      case UartEndpoint.File f -> {}
    }
  }

  private interface Opener {
    InputStream open() throws IOException;
  }

  /** Copies what {@code opener}'s stream gives into RX; with {@code reopen}, opens it again at its end. */
  private void pump(Opener opener, boolean reopen) {
    Thread.ofPlatform().daemon().name("isola-sim-" + name + "-rx").start(() -> {
      byte[] buf = new byte[256];
      do {
        try {
          InputStream in = opener.open();
          int n;
          while (!closed && (n = in.read(buf)) > 0) {
            inject(java.util.Arrays.copyOf(buf, n));
          }
          if (reopen) {
            in.close();
          }
        } catch (IOException e) {
          System.err.println("isola-sim: " + name + ": endpoint read failed: " + e.getMessage());
          return;
        }
      } while (reopen && !closed);
    });
  }

  @Override
  public void close() {
    closed = true;
    synchronized (this) {
      notifyAll();
      if (sink != null) {
        try {
          sink.close();
        } catch (IOException e) {
          // Closing a log file that is gone: nothing left to do.
        }
      }
    }
  }
}
