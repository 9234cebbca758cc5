package dev.isola.compiler.aot;

/**
 * An artifact that must not be used: its message is one line saying why (the caller adds the file's name), and
 * the module is then compiled again. A rejected artifact is never executed.
 */
public final class ArtifactException extends Exception {
  /** Why an artifact was rejected: damaged files and stale ones are told apart for the user. */
  public enum Reason {
    /** The file does not start with the artifact magic: not written by {@code isola compile}. */
    NOT_AN_ARTIFACT,
    /** Written by a version of {@code isola compile} whose file layout this one does not read. */
    OTHER_FORMAT,
    /** Shorter than its header says. */
    TRUNCATED,
    /** The checksum does not match, or the content does not parse: the file was damaged. */
    CORRUPTED,
    /** Written by another Isola build (see {@link IsolaVersion}). */
    OTHER_ISOLA_VERSION,
    /** Compiled from other module bytes than the module being run. */
    OTHER_MODULE,
    /** The compiler refused the class files (they do not fit the module), or they are not class files. */
    UNLOADABLE,
    /** A class refers to something compiled Wasm never uses (see {@code CodeReferences}): forged or foreign. */
    FORBIDDEN
  }

  private final Reason reason;

  public ArtifactException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** Stale artifacts are expected after a module or Isola changes; damaged ones are not. */
  public boolean isStale() {
    return reason == Reason.OTHER_ISOLA_VERSION || reason == Reason.OTHER_MODULE;
  }
}
