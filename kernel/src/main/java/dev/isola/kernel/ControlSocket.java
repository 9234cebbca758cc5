package dev.isola.kernel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The control plane of a running system: a Unix domain socket (local only, guarded by the file system's
 * permissions) on which {@code isola swap} sends requests as JSON lines ({@link ControlMessage}). Each
 * connection is served on its own platform thread (never a virtual one: its work must not take a carrier from
 * the guests); a swap's answer comes when the swap is decided (after the
 * grace period), so the client waits on its line.
 */
public final class ControlSocket implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Kernel kernel;
  private final Path path;
  private final ServerSocketChannel server;
  private volatile boolean closed;

  private ControlSocket(Kernel kernel, Path path, ServerSocketChannel server) {
    this.kernel = kernel;
    this.path = path;
    this.server = server;
  }

  /** The default socket of a system: {@code $XDG_RUNTIME_DIR/isola-NAME.sock}, else {@code /tmp}. */
  public static Path defaultPath(String systemName) {
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    Path dir = runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime)) ? Path.of(runtime)
        : Path.of(System.getProperty("java.io.tmpdir"));
    return dir.resolve("isola-" + systemName + ".sock");
  }

  /**
   * Listens on {@code path} for {@code kernel}. A stale socket file (nobody answers on it) is replaced.
   *
   * @throws IOException if the path is taken by a live system or cannot be bound
   */
  public static ControlSocket open(Kernel kernel, Path path) throws IOException {
    if (Files.exists(path)) {
      if (answers(path)) {
        throw new IOException("another system already listens on " + path);
      }
      Files.deleteIfExists(path);
    }
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    ControlSocket socket = new ControlSocket(kernel, path, server);
    Thread.ofPlatform().daemon().name("isola-control").start(socket::accept);
    return socket;
  }

  /** Whether something accepts connections on {@code path}. */
  private static boolean answers(Path path) {
    try {
      SocketChannel.open(UnixDomainSocketAddress.of(path)).close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public Path path() {
    return path;
  }

  private void accept() {
    while (!closed) {
      try {
        SocketChannel client = server.accept();
        // A platform thread: a swap compiles and checks a module, CPU work that must not hold a carrier the
        // scheduler's permit holders need.
        Thread.ofPlatform().daemon().name("isola-control-client").start(() -> serve(client));
      } catch (IOException e) {
        if (!closed) {
          kernel.log("control socket: " + e.getMessage());
        }
        return;
      }
    }
  }

  private void serve(SocketChannel client) {
    try (client;
         var in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
         OutputStream out = Channels.newOutputStream(client)) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        ControlMessage.Response r = answer(line);
        out.write((JSON.writeValueAsString(r) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      // The client went away: nothing to answer.
    }
  }

  private ControlMessage.Response answer(String line) {
    ControlMessage.Request request;
    try {
      request = JSON.readValue(line, ControlMessage.Request.class);
    } catch (JsonProcessingException e) {
      return new ControlMessage.Response("error", "", "not a request: " + e.getOriginalMessage());
    }
    if (!"swap".equals(request.op())) {
      return new ControlMessage.Response("error", "", "unknown operation: " + request.op() + " (known: swap)");
    }
    if (request.container() == null || request.module() == null) {
      return new ControlMessage.Response("error", "", "swap needs a container and a module");
    }
    try {
      return ControlMessage.Response.of(kernel.swap(request.container(), Path.of(request.module())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ControlMessage.Response("error", request.container(), "interrupted");
    }
  }

  /** Stops listening and removes the socket file. */
  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    Files.deleteIfExists(path);
  }

  /**
   * Sends one request to the system listening on {@code path} and returns its answer (waits for it: a swap
   * answers after its grace period).
   *
   * @throws IOException if nobody listens there
   */
  public static ControlMessage.Response send(Path path, ControlMessage.Request request) throws IOException {
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path));
         OutputStream out = Channels.newOutputStream(channel);
         var in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
             StandardCharsets.UTF_8))) {
      out.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      String line = in.readLine();
      if (line == null) {
        throw new IOException("the system on " + path + " closed the connection without an answer");
      }
      return JSON.readValue(line, ControlMessage.Response.class);
    }
  }
}
