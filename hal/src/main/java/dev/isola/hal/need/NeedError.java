package dev.isola.hal.need;

/** Why an {@code isola.peripherals} section is refused: one kind per mistake a module can make in it. */
public enum NeedError {
  /** The last record has no terminating NUL byte. */
  UNTERMINATED,
  /** A record is not UTF-8. */
  NOT_UTF8,
  /** A record is not {@code KIND LABEL[ KEY=VALUE]*}: a missing label, an empty field, a field without '='. */
  SYNTAX,
  /** The first field is not one of the kinds. */
  UNKNOWN_KIND,
  /** The label breaks the label rule ({@link Need#LABEL}). */
  BAD_LABEL,
  /** A key the kind does not have. */
  UNKNOWN_KEY,
  /** A key given twice in one record. */
  DUPLICATE_KEY,
  /** A value the key does not take (a word it does not know, a number out of range). */
  BAD_VALUE,
  /** A label declared by an earlier record too. */
  DUPLICATE_LABEL
}
