package dev.isola.compiler.aot;

import dev.isola.compiler.aot.ArtifactException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compiled form of one module, as {@code isola compile} writes it and {@code isola exec} loads it. It is keyed
 * by the SHA-256 of the module's bytes and by the {@link IsolaVersion} that compiled it; {@link #decode} rejects a
 * damaged file and {@link #requireFor} a stale one.
 *
 * <p>Layout (big-endian; strings are a u16 byte count and UTF-8):
 *
 * <pre>
 * magic           8 bytes  0x89 'I' 'S' 'O' 'L' 'A' '\r' '\n'
 * format version  u16      {@value #FORMAT_VERSION}
 * payload length  u32      bytes from here to the checksum
 * payload:
 *   isola version  string
 *   module sha256  32 bytes
 *   class count    u32
 *   per class:     name (string), length (u32), class file bytes
 * checksum        32 bytes SHA-256 of every byte before it
 * </pre>
 *
 * The magic's high first byte and CR LF catch transfers that strip the 8th bit or convert line ends (as PNG's). The
 * format version comes before anything else is parsed, so a later layout is reported as such, not as damage.
 *
 * @param isolaVersion the {@link IsolaVersion} that compiled it
 * @param moduleHash the SHA-256 of the module's bytes (32 bytes)
 * @param classFiles the compiler's class files, binary name to bytes, in the compiler's order
 */
public record Artifact(String isolaVersion, byte[] moduleHash, Map<String, byte[]> classFiles) {
  public static final int FORMAT_VERSION = 1;
  private static final byte[] MAGIC = {(byte) 0x89, 'I', 'S', 'O', 'L', 'A', '\r', '\n'};
  private static final int HEADER = MAGIC.length + 2 + 4;
  private static final int CHECKSUM = 32;

  public Artifact {
    if (moduleHash.length != 32) {
      throw new IllegalArgumentException("a module hash is 32 bytes, not " + moduleHash.length);
    }
    moduleHash = moduleHash.clone();
    // Unmodifiable, order kept: the compiler may rely on defining classes in the order it emitted them.
    classFiles = Collections.unmodifiableMap(new LinkedHashMap<>(classFiles));
  }

  /** The artifact of {@code classFiles} compiled from {@code moduleBytes} by this Isola. */
  public static Artifact of(byte[] moduleBytes, Map<String, byte[]> classFiles) {
    return new Artifact(IsolaVersion.current(), hash(moduleBytes), classFiles);
  }

  @Override
  public byte[] moduleHash() {
    return moduleHash.clone();
  }

  /** The file's bytes. */
  public byte[] encode() {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    writeString(payload, isolaVersion);
    payload.writeBytes(moduleHash);
    writeInt(payload, classFiles.size());
    classFiles.forEach((name, bytes) -> {
      writeString(payload, name);
      writeInt(payload, bytes.length);
      payload.writeBytes(bytes);
    });
    ByteArrayOutputStream file = new ByteArrayOutputStream(HEADER + payload.size() + CHECKSUM);
    file.writeBytes(MAGIC);
    file.write(FORMAT_VERSION >>> 8);
    file.write(FORMAT_VERSION);
    writeInt(file, payload.size());
    file.writeBytes(payload.toByteArray());
    MessageDigest sha = IsolaVersion.sha256();
    byte[] content = file.toByteArray();
    file.writeBytes(sha.digest(content));
    return file.toByteArray();
  }

  /**
   * Reads an artifact's bytes, checking the layout and checksum (not whether it is stale: see {@link
   * #requireFor}).
   */
  public static Artifact decode(byte[] file) throws ArtifactException {
    if (file.length < MAGIC.length) {
      boolean prefix = Arrays.equals(file, 0, file.length, MAGIC, 0, file.length);
      throw prefix && file.length > 0
          ? new ArtifactException(Reason.TRUNCATED, "truncated: " + file.length + " bytes, not even a header")
          : new ArtifactException(Reason.NOT_AN_ARTIFACT, "not an Isola AOT artifact");
    }
    if (!Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new ArtifactException(Reason.NOT_AN_ARTIFACT, "not an Isola AOT artifact");
    }
    if (file.length < HEADER) {
      throw new ArtifactException(Reason.TRUNCATED, "truncated: " + file.length + " bytes, not even a header");
    }
    ByteBuffer in = ByteBuffer.wrap(file);
    in.position(MAGIC.length);
    int format = Short.toUnsignedInt(in.getShort());
    if (format != FORMAT_VERSION) {
      throw new ArtifactException(Reason.OTHER_FORMAT,
          "written in artifact format " + format + ", this Isola reads format " + FORMAT_VERSION);
    }
    long payloadLength = Integer.toUnsignedLong(in.getInt());
    long expected = HEADER + payloadLength + CHECKSUM;
    if (file.length < expected) {
      throw new ArtifactException(Reason.TRUNCATED,
          "truncated: " + file.length + " bytes where the header announces " + expected);
    }
    if (file.length > expected) {
      throw new ArtifactException(Reason.CORRUPTED,
          "corrupted: " + (file.length - expected) + " bytes after the checksum");
    }
    MessageDigest sha = IsolaVersion.sha256();
    sha.update(file, 0, file.length - CHECKSUM);
    if (!Arrays.equals(sha.digest(), 0, CHECKSUM, file, file.length - CHECKSUM, file.length)) {
      throw new ArtifactException(Reason.CORRUPTED, "corrupted: checksum mismatch");
    }
    // The checksum matched, so a parse error below means a writer bug, still reported as damage, never thrown raw.
    try {
      String version = readString(in);
      byte[] hash = new byte[32];
      in.get(hash);
      int count = in.getInt();
      Map<String, byte[]> classes = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String name = readString(in);
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        classes.put(name, bytes);
      }
      if (in.position() != file.length - CHECKSUM) {
        throw new ArtifactException(Reason.CORRUPTED, "corrupted: the payload does not end where announced");
      }
      return new Artifact(version, hash, classes);
    } catch (BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException
        | IllegalArgumentException e) {
      throw new ArtifactException(Reason.CORRUPTED, "corrupted: the payload does not parse");
    }
  }

  /** Rejects this artifact unless this Isola compiled it from exactly {@code moduleBytes}. */
  public void requireFor(byte[] moduleBytes) throws ArtifactException {
    String current = IsolaVersion.current();
    if (!isolaVersion.equals(current)) {
      throw new ArtifactException(Reason.OTHER_ISOLA_VERSION,
          "stale: compiled by Isola " + isolaVersion + ", this is " + current);
    }
    byte[] actual = hash(moduleBytes);
    if (!MessageDigest.isEqual(actual, moduleHash)) {
      HexFormat hex = HexFormat.of();
      throw new ArtifactException(Reason.OTHER_MODULE, "stale: compiled from other module bytes (sha256 "
          + hex.formatHex(moduleHash, 0, 6) + "..., the module's is " + hex.formatHex(actual, 0, 6) + "...)");
    }
  }

  /** Reads, checks and matches the artifact in {@code file} to {@code moduleBytes}. */
  public static Artifact read(Path file, byte[] moduleBytes) throws IOException, ArtifactException {
    Artifact a = decode(Files.readAllBytes(file));
    a.requireFor(moduleBytes);
    return a;
  }

  /**
   * Writes the artifact to {@code file} through a temporary file beside it and a rename, so that a reader (or a
   * crash) never sees half a file under the final name.
   */
  public void write(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
    try {
      Files.write(temp, encode());
      Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The SHA-256 of a module's bytes: the key of its artifact. */
  public static byte[] hash(byte[] moduleBytes) {
    return IsolaVersion.sha256().digest(moduleBytes);
  }

  /** The total size of the class files, for messages. */
  public long classBytes() {
    return classFiles.values().stream().mapToLong(b -> b.length).sum();
  }

  private static void writeString(ByteArrayOutputStream out, String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > 0xFFFF) {
      throw new IllegalArgumentException("a string longer than 65535 bytes: " + s.substring(0, 40) + "...");
    }
    out.write(utf8.length >>> 8);
    out.write(utf8.length);
    out.writeBytes(utf8);
  }

  private static String readString(ByteBuffer in) {
    byte[] utf8 = new byte[Short.toUnsignedInt(in.getShort())];
    in.get(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  private static void writeInt(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }
}
