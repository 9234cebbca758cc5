package dev.isola.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A module file named on the command line; messages call it by the name the user typed. */
record ModuleFile(Path path) {
  String displayName() {
    return path.toString();
  }

  /** The file's name without its folders: what a guest sees as its {@code argv[0]}. */
  String fileName() {
    Path name = path.getFileName();
    return name == null ? path.toString() : name.toString();
  }

  byte[] read() throws IOException {
    // The JDK's own error for a directory ("Is a directory") does not say which file it is about.
    if (Files.isDirectory(path)) {
      throw new FileSystemException(path.toString(), null, "is a directory, not a module file");
    }
    return Files.readAllBytes(path);
  }
}
