package dev.isola.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads the SYSTEM argument of {@code run}, {@code check} and {@code swap} alike: a system file, or a directory
 * standing for the {@code system.toml} in it ({@code isola run examples/greenhouse}). What is not a directory is
 * taken as the file; a missing one is the system file reader's "no such file".
 */
final class SystemFileConverter implements ITypeConverter<Path> {
  /** The system file a directory stands for. */
  static final String NAME = "system.toml";

  @Override
  public Path convert(String value) {
    Path path = Path.of(value);
    return Files.isDirectory(path) ? path.resolve(NAME) : path;
  }
}
