package dev.isola.cli.view;

/** Draws snapshots: as a screen redrawn in place, or as plain lines. */
public sealed interface View permits LiveScreen, StatusLines {
  /**
   * The text to write for {@code now}, given the snapshot drawn before ({@code null} for the first): CPU shares
   * are over the interval between the two.
   */
  String draw(Snapshot previous, Snapshot now);

  /** Whether log lines go into the snapshot's tail (true) or straight to the output as they come (false). */
  boolean keepsLog();
}
