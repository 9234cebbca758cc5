package dev.isola.hal.board;

/**
 * A numbered line of a controller, as board files write it: a GPIO pin {@code gpio0.5}, a PWM channel
 * {@code pwm0.0}.
 *
 * @param controller the controller's name
 * @param index the pin or channel number
 */
public record Channel(String controller, int index) {
  /** Parses {@code CONTROLLER.INDEX}; throws IllegalArgumentException with a message for a board file problem. */
  public static Channel parse(String text) {
    int dot = text.lastIndexOf('.');
    if (dot <= 0 || dot == text.length() - 1) {
      throw new IllegalArgumentException("expected CONTROLLER.NUMBER such as \"gpio0.5\", found \"" + text + "\"");
    }
    try {
      int index = Integer.parseInt(text.substring(dot + 1));
      if (index < 0) {
        throw new NumberFormatException();
      }
      return new Channel(text.substring(0, dot), index);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected CONTROLLER.NUMBER such as \"gpio0.5\", found \"" + text + "\"");
    }
  }

  @Override
  public String toString() {
    return controller + "." + index;
  }
}
