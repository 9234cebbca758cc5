package dev.isola.kernel.config;

/** How a container maps a region: {@code "ro"} or {@code "rw"}. Read-only is enforced statically by the check. */
public enum RegionAccess {
  READ_ONLY("ro"),
  READ_WRITE("rw");

  private final String keyword;

  RegionAccess(String keyword) {
    this.keyword = keyword;
  }

  /** The word the system file uses. */
  public String keyword() {
    return keyword;
  }
}
