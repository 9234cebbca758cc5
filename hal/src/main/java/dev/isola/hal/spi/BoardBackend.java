package dev.isola.hal.spi;

import dev.isola.hal.HalException;
import dev.isola.hal.Reading;
import dev.isola.hal.board.ControllerSpec;
import java.util.List;

/**
 * The backends one provider opened for one board: asked once per controller the provider serves. A controller
 * class the provider does not drive keeps its default and answers NOT_SUPPORTED (the board then refuses to open).
 */
public interface BoardBackend extends AutoCloseable {
  default GpioBackend gpio(ControllerSpec.Gpio controller) throws HalException {
    throw HalException.notSupported(controller.name() + ": gpio backend");
  }

  default I2cBackend i2c(ControllerSpec.I2c controller) throws HalException {
    throw HalException.notSupported(controller.name() + ": i2c backend");
  }

  default SpiBackend spi(ControllerSpec.Spi controller) throws HalException {
    throw HalException.notSupported(controller.name() + ": spi backend");
  }

  default UartBackend uart(ControllerSpec.Uart controller) throws HalException {
    throw HalException.notSupported(controller.name() + ": uart backend");
  }

  default AdcBackend adc(ControllerSpec.Adc controller) throws HalException {
    throw HalException.notSupported(controller.name() + ": adc backend");
  }

  default PwmBackend pwm(ControllerSpec.Pwm controller) throws HalException {
    throw HalException.notSupported(controller.name() + ": pwm backend");
  }

  default TimerBackend timer(ControllerSpec.Timer controller) throws HalException {
    throw HalException.notSupported(controller.name() + ": timer backend");
  }

  /** Live values for display (room temperature, fan duty...), read now; empty when the backend has none. */
  default List<Reading> readings() {
    return List.of();
  }

  /** Stops the backends' threads and releases what they hold. Called once, when the board closes. */
  @Override
  default void close() {}
}
