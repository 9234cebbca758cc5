package dev.isola.wasi.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;

/**
 * The preview-1 {@code errno} values, in witx order: {@link #code()} is the ordinal ({@code TOO_BIG} is witx's
 * {@code 2big}, which is not a Java name).
 */
public enum Errno {
  SUCCESS,
  TOO_BIG,
  ACCES,
  ADDRINUSE,
  ADDRNOTAVAIL,
  AFNOSUPPORT,
  AGAIN,
  ALREADY,
  BADF,
  BADMSG,
  BUSY,
  CANCELED,
  CHILD,
  CONNABORTED,
  CONNREFUSED,
  CONNRESET,
  DEADLK,
  DESTADDRREQ,
  DOM,
  DQUOT,
  EXIST,
  FAULT,
  FBIG,
  HOSTUNREACH,
  IDRM,
  ILSEQ,
  INPROGRESS,
  INTR,
  INVAL,
  IO,
  ISCONN,
  ISDIR,
  LOOP,
  MFILE,
  MLINK,
  MSGSIZE,
  MULTIHOP,
  NAMETOOLONG,
  NETDOWN,
  NETRESET,
  NETUNREACH,
  NFILE,
  NOBUFS,
  NODEV,
  NOENT,
  NOEXEC,
  NOLCK,
  NOLINK,
  NOMEM,
  NOMSG,
  NOPROTOOPT,
  NOSPC,
  NOSYS,
  NOTCONN,
  NOTDIR,
  NOTEMPTY,
  NOTRECOVERABLE,
  NOTSOCK,
  NOTSUP,
  NOTTY,
  NXIO,
  OVERFLOW,
  OWNERDEAD,
  PERM,
  PIPE,
  PROTO,
  PROTONOSUPPORT,
  PROTOTYPE,
  RANGE,
  ROFS,
  SPIPE,
  SRCH,
  STALE,
  TIMEDOUT,
  TXTBSY,
  XDEV,
  NOTCAPABLE;

  public int code() {
    return ordinal();
  }

  /**
   * The errno for a host I/O failure. {@code java.nio.file} gives specific exception types for some causes and
   * the operating system's message (strerror) as the reason for the rest, so both are read.
   */
  public static Errno of(IOException e) {
    return switch (e) {
      case NoSuchFileException _ -> NOENT;
      case FileAlreadyExistsException _ -> EXIST;
      case DirectoryNotEmptyException _ -> NOTEMPTY;
      case NotDirectoryException _ -> NOTDIR;
      case AccessDeniedException _ -> ACCES;
      case NotLinkException _ -> INVAL;
      case FileSystemLoopException _ -> LOOP;
      case ClosedChannelException _ -> BADF;
      case FileSystemException x -> ofReason(x.getReason());
      default -> ofReason(e.getMessage());
    };
  }

  /** The errno for an unchecked failure of a host call, or null if it is not one we translate. */
  public static Errno ofUnchecked(RuntimeException e) {
    return switch (e) {
      case UncheckedIOException x -> of(x.getCause());
      case NonReadableChannelException _ -> BADF;
      case NonWritableChannelException _ -> BADF;
      case UnsupportedOperationException _ -> NOTSUP;
      case IllegalArgumentException _ -> INVAL;
      case SecurityException _ -> ACCES;
      default -> null;
    };
  }

  /** strerror texts (lower case) and their errno, for the failures java.nio.file has no exception type for. */
  private static final String[][] REASONS = {
    {"is a directory", "ISDIR"},
    {"not a directory", "NOTDIR"},
    {"directory not empty", "NOTEMPTY"},
    {"file exists", "EXIST"},
    {"no such file", "NOENT"},
    {"too many levels of symbolic links", "LOOP"},
    {"operation not permitted", "PERM"},
    {"permission denied", "ACCES"},
    {"invalid argument", "INVAL"},
    {"cross-device", "XDEV"},
    {"file name too long", "NAMETOOLONG"},
    {"no space left", "NOSPC"},
    {"read-only file system", "ROFS"},
    {"bad file descriptor", "BADF"},
    {"too many links", "MLINK"},
    {"file too large", "FBIG"},
    {"illegal seek", "SPIPE"},
    {"device or resource busy", "BUSY"},
  };

  private static Errno ofReason(String reason) {
    if (reason != null) {
      String r = reason.toLowerCase(Locale.ROOT);
      for (String[] entry : REASONS) {
        if (r.contains(entry[0])) {
          return valueOf(entry[1]);
        }
      }
    }
    return IO;
  }
}
