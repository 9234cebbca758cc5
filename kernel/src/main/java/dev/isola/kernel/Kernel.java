package dev.isola.kernel;

/** The kernel of one running system (being written: see issue 4). */
public final class Kernel {
  private Kernel() {}
}
