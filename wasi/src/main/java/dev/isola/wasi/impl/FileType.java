package dev.isola.wasi.impl;

import java.nio.file.attribute.BasicFileAttributes;

/** The preview-1 {@code filetype}, in witx order ({@link #code()} is the ordinal). */
public enum FileType {
  UNKNOWN,
  BLOCK_DEVICE,
  CHARACTER_DEVICE,
  DIRECTORY,
  REGULAR_FILE,
  SOCKET_DGRAM,
  SOCKET_STREAM,
  SYMBOLIC_LINK;

  public byte code() {
    return (byte) ordinal();
  }

  /** The type of a host file from attributes read without following links. */
  public static FileType of(BasicFileAttributes attrs) {
    if (attrs.isSymbolicLink()) {
      return SYMBOLIC_LINK;
    }
    if (attrs.isDirectory()) {
      return DIRECTORY;
    }
    if (attrs.isRegularFile()) {
      return REGULAR_FILE;
    }
    return UNKNOWN;
  }
}
