package dev.isola.hal;

import static dev.isola.hal.HalAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.spi.AdcBackend;
import dev.isola.hal.spi.PwmBackend;
import dev.isola.hal.spi.TimerBackend;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The three channel facades: ADC, PWM, timer. */
class AdcPwmTimerTest {
  private final FakeBackend backend = new FakeBackend();

  @Test
  void adcAnswersSamplesWithinItsBits() throws HalException {
    AdcChannel ch = AdcChannel.of(new Resource.Adc("adc0.3", "adc0", 3, 10, 3300), backend);
    backend.sample = 1023;
    assertEquals(1023, ch.sample());
    backend.sample = 512;
    assertEquals(1650, ch.millivolts());
    backend.sample = 1024;
    fails(HalError.BUS_ERROR, ch::sample);
    backend.sample = -1;
    fails(HalError.BUS_ERROR, ch::sample);
    assertEquals(List.of("sample 3", "sample 3", "sample 3", "sample 3"), backend.calls);
    assertEquals(10, ch.bits());
    assertEquals(3300, ch.referenceMv());
    fails(HalError.INVALID_ARGUMENT, () -> AdcChannel.of(new Resource.Adc("a", "a", 0, 0, 1), backend));
    fails(HalError.NOT_SUPPORTED, AdcChannel.of(new Resource.Adc("a", "a", 0, 8, 1), new AdcBackend() {})::sample);
  }

  private PwmChannel pwm(PwmBackend b) throws HalException {
    // 1 Hz .. 100 kHz: periods 10 us .. 1 s.
    return PwmChannel.of(new Resource.Pwm("fan", "pwm0", 0, 1, 100_000, Optional.of("fan")), b);
  }

  @Test
  void pwmChecksPeriodAndPulse() throws HalException {
    PwmChannel fan = pwm(backend);
    fails(HalError.INVALID_ARGUMENT, () -> fan.enable(true));
    assertEquals("fan: period 9999 ns out of range (10000..1000000000 ns, 1..100000 Hz)",
        fails(HalError.INVALID_ARGUMENT, () -> fan.set(9_999, 0)));
    fails(HalError.INVALID_ARGUMENT, () -> fan.set(1_000_000_001L, 0));
    fails(HalError.INVALID_ARGUMENT, () -> fan.set(40_000, 40_001));
    fails(HalError.INVALID_ARGUMENT, () -> fan.set(40_000, -1));
    assertEquals(List.of(), backend.calls);
    fan.set(40_000, 10_000);
    fan.enable(true);
    assertEquals(0.25, fan.duty());
    fan.close();
    // Closing leaves the output running for the next owner.
    assertEquals(List.of("pwm set 0 40000 10000", "pwm enable 0 true"), backend.calls);
    fails(HalError.CLOSED, () -> fan.set(40_000, 0));
    fails(HalError.NOT_SUPPORTED, () -> pwm(new PwmBackend() {}).set(40_000, 0));
  }

  @Test
  void timerChecksTimesAndDeliversToTheListenerOfTheMoment() throws HalException {
    TimerChannel t = TimerChannel.of(new Resource.Timer("timer0.1", "timer0", 1), backend);
    fails(HalError.INVALID_ARGUMENT, () -> t.start(0, 0));
    fails(HalError.INVALID_ARGUMENT, () -> t.start(1000, -1));
    int[] a = new int[1];
    int[] b = new int[1];
    t.start(1000, 500);
    backend.timers.get(1).run();
    t.listen(() -> a[0]++);
    backend.timers.get(1).run();
    t.listen(() -> b[0]++);
    backend.timers.get(1).run();
    assertEquals(1, a[0]);
    assertEquals(1, b[0]);
    Runnable expiry = backend.timers.get(1);
    t.close();
    // An expiry already on its way when the owner left reaches no one.
    expiry.run();
    assertEquals(1, b[0]);
    assertTrue(backend.timers.isEmpty());
    assertEquals(List.of("timer start 1 1000 500", "timer stop 1"), backend.calls);
    fails(HalError.CLOSED, t::stop);
    TimerChannel bare = TimerChannel.of(new Resource.Timer("timer0.0", "timer0", 0), new TimerBackend() {});
    fails(HalError.NOT_SUPPORTED, () -> bare.start(1, 0));
    fails(HalError.NOT_SUPPORTED, bare::stop);
  }
}
