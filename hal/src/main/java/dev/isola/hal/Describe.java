package dev.isola.hal;

/** A resource in a message's words: "a gpio pin", "an i2c device at 0x48 on i2c0". */
final class Describe {
  private Describe() {}

  static String of(Resource r) {
    return switch (r) {
      case Resource.Pin p -> "a gpio pin (" + p.controller() + "." + p.pin() + ")";
      case Resource.I2c i -> "an i2c device (0x" + Integer.toHexString(i.address()) + " on " + i.bus() + ")";
      case Resource.Spi s -> "an spi device (cs " + s.chipSelect() + " on " + s.bus() + ")";
      case Resource.Uart _ -> "a uart";
      case Resource.Adc _ -> "an adc channel";
      case Resource.Pwm p -> "a pwm channel (" + p.controller() + "." + p.channel() + ")";
      case Resource.Timer _ -> "a timer channel";
    };
  }
}
