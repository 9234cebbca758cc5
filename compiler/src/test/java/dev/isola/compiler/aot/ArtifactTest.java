package dev.isola.compiler.aot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.compiler.aot.ArtifactException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactTest {
  private static final byte[] MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};

  @TempDir
  Path dir;

  private static Map<String, byte[]> classes() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("dev.isola.gen.M0", "first class".getBytes(StandardCharsets.UTF_8));
    m.put("dev.isola.gen.M0$F1", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0});
    m.put("dev.isola.gen.Empty", new byte[0]);
    return m;
  }

  private static ArtifactException rejected(byte[] file) {
    return assertThrows(ArtifactException.class, () -> Artifact.decode(file).requireFor(MODULE));
  }

  @Test
  void roundTripKeepsClassesInOrder() throws Exception {
    Path file = dir.resolve("m.wasm.aot");
    Artifact.of(MODULE, classes()).write(file);
    Artifact back = Artifact.read(file, MODULE);
    assertEquals(IsolaVersion.current(), back.isolaVersion());
    assertEquals(List.copyOf(classes().keySet()), List.copyOf(back.classFiles().keySet()));
    classes().forEach((name, bytes) -> assertArrayEquals(bytes, back.classFiles().get(name), name));
    assertArrayEquals(Artifact.hash(MODULE), back.moduleHash());
    // Nothing of the temporary file is left beside it.
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void staleWhenTheModuleChanged() {
    byte[] file = Artifact.of(MODULE, classes()).encode();
    byte[] other = MODULE.clone();
    other[7] = 1;
    ArtifactException e = assertThrows(ArtifactException.class, () -> Artifact.decode(file).requireFor(other));
    assertEquals(Reason.OTHER_MODULE, e.reason());
    assertTrue(e.isStale());
    assertTrue(e.getMessage().startsWith("stale: compiled from other module bytes"), e.getMessage());
  }

  @Test
  void staleWhenAnotherIsolaCompiledIt() {
    byte[] file = new Artifact("0.0.1+0123456789abcdef", Artifact.hash(MODULE), classes()).encode();
    ArtifactException e = rejected(file);
    assertEquals(Reason.OTHER_ISOLA_VERSION, e.reason());
    assertEquals("stale: compiled by Isola 0.0.1+0123456789abcdef, this is " + IsolaVersion.current(),
        e.getMessage());
  }

  @Test
  void anyFlippedByteIsRejected() {
    byte[] good = Artifact.of(MODULE, classes()).encode();
    // Every position: the magic, the format version, the lengths, the payload, the checksum itself.
    for (int i = 0; i < good.length; i++) {
      byte[] bad = good.clone();
      bad[i] ^= 0x10;
      ArtifactException e = rejected(bad);
      assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
    }
    byte[] bad = good.clone();
    bad[good.length / 2] ^= 1;
    ArtifactException e = rejected(bad);
    assertEquals(Reason.CORRUPTED, e.reason());
    assertEquals("corrupted: checksum mismatch", e.getMessage());
  }

  @Test
  void truncatedFileIsRejectedAtEveryLength() {
    byte[] good = Artifact.of(MODULE, classes()).encode();
    for (int n = 1; n < good.length; n++) {
      ArtifactException e = rejected(Arrays.copyOf(good, n));
      assertEquals(Reason.TRUNCATED, e.reason(), "at " + n + ": " + e.getMessage());
      assertTrue(e.getMessage().startsWith("truncated: " + n + " bytes"), e.getMessage());
    }
  }

  @Test
  void otherFormatVersionIsNamed() {
    byte[] bad = Artifact.of(MODULE, classes()).encode();
    bad[9] = 2;
    ArtifactException e = rejected(bad);
    assertEquals(Reason.OTHER_FORMAT, e.reason());
    assertEquals("written in artifact format 2, this Isola reads format 1", e.getMessage());
  }

  @Test
  void otherFilesAreNotArtifacts() {
    assertEquals(Reason.NOT_AN_ARTIFACT, rejected(MODULE).reason());
    assertEquals(Reason.NOT_AN_ARTIFACT, rejected(new byte[0]).reason());
    assertEquals("not an Isola AOT artifact", rejected("hello world".getBytes(StandardCharsets.UTF_8)).getMessage());
  }

  @Test
  void trailingBytesAreDamage() {
    byte[] good = Artifact.of(MODULE, classes()).encode();
    ArtifactException e = rejected(Arrays.copyOf(good, good.length + 3));
    assertEquals(Reason.CORRUPTED, e.reason());
    assertEquals("corrupted: 3 bytes after the checksum", e.getMessage());
  }

  @Test
  void versionIsStableWithinAProcessAndNamesARelease() {
    assertEquals(IsolaVersion.current(), IsolaVersion.current());
    assertTrue(IsolaVersion.current().matches("[^+]+\\+([0-9a-f]{16}|unknown)"), IsolaVersion.current());
  }
}
