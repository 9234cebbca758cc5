package dev.isola.wasi.impl;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Standard input, output or error: exactly one of {@link #in()} and {@link #out()} is set. Reported as a
 * character device without seek rights.
 */
public final class StreamDescriptor extends Descriptor {
  private final InputStream in;
  private final OutputStream out;

  private StreamDescriptor(InputStream in, OutputStream out, long rights) {
    super(rights, 0);
    this.in = in;
    this.out = out;
  }

  public static StreamDescriptor input(InputStream in) {
    return new StreamDescriptor(in, null, Rights.STDIN);
  }

  public static StreamDescriptor output(OutputStream out) {
    return new StreamDescriptor(null, out, Rights.STDOUT);
  }

  public InputStream in() {
    return in;
  }

  public OutputStream out() {
    return out;
  }

  @Override
  public FileType fileType() {
    return FileType.CHARACTER_DEVICE;
  }

  @Override
  public void close() {}
}
