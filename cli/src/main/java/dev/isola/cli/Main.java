package dev.isola.cli;

/** The {@code isola} executable (started by {@code bin/isola}). */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(IsolaCommand.commandLine(Terminal.system()).execute(args));
  }
}
