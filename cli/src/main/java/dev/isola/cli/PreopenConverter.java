package dev.isola.cli;

import dev.isola.wasi.Preopen;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --dir HOST[::GUEST]}: a host directory the guest may open, under the guest path {@code GUEST}
 * (by default the host path as written, as wasmtime does). {@code ::} separates them because {@code :} may appear
 * in a Windows path or a guest path.
 */
final class PreopenConverter implements ITypeConverter<Preopen> {
  @Override
  public Preopen convert(String value) {
    int sep = value.indexOf("::");
    String host = sep < 0 ? value : value.substring(0, sep);
    String guest = sep < 0 ? value : value.substring(sep + 2);
    if (host.isEmpty() || guest.isEmpty()) {
      throw new TypeConversionException("'" + value + "': expected HOST or HOST::GUEST");
    }
    Path hostPath = Path.of(host);
    if (!Files.isDirectory(hostPath)) {
      throw new TypeConversionException("'" + host + "' is not a directory");
    }
    return new Preopen(hostPath, guest);
  }
}
