package dev.isola.cli.greenhouse;

import dev.isola.cli.corpus.Toolchain;
import java.nio.file.Path;

/** Where the example lives. */
final class Greenhouse {
  private Greenhouse() {}

  static final Path DIR = Toolchain.root().resolve("examples/greenhouse");
}
