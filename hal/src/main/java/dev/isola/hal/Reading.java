package dev.isola.hal;

/**
 * One named live value of a board, for display: {@code room.temperature} 21.5 "°C", {@code fan.duty} 40 "%",
 * {@code fan.rpm} 1200 "rpm", {@code heater} 1 "on/off" (0 off, 1 on).
 *
 * @param name dotted name, device first
 * @param value the value now
 * @param unit the unit as shown; {@code "on/off"} for a two-state value
 */
public record Reading(String name, double value, String unit) {
  /** The value with its unit, as a live view shows it. */
  public String text() {
    if (unit.equals("on/off")) {
      return value != 0 ? "on" : "off";
    }
    String v = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
        : String.format(java.util.Locale.ROOT, "%.2f", value);
    return unit.isEmpty() ? v : v + " " + unit;
  }
}
