package dev.isola.hal;

import static dev.isola.hal.HalAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.spi.GpioBackend;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GpioPinTest {
  private final FakeBackend backend = new FakeBackend();

  private static Resource.Pin pin(Set<Kind> kinds) {
    return new Resource.Pin("gpio0.5", "gpio0", 5, kinds, Set.of(Pull.NONE, Pull.UP),
        Set.of(Edge.NONE, Edge.RISING, Edge.FALLING), Optional.empty());
  }

  private final GpioPin both = GpioPin.of(pin(Set.of(Kind.GPIO_IN, Kind.GPIO_OUT)), backend);

  @Test
  void configuresInputWithASupportedPull() throws HalException {
    both.input(Pull.UP);
    assertTrue(both.read());
    assertEquals(List.of("input 5 up", "read 5"), backend.calls);
    assertEquals(Kind.GPIO_IN, both.direction());
  }

  @Test
  void refusesAPullThePinLacks() {
    String m = fails(HalError.INVALID_ARGUMENT, () -> both.input(Pull.DOWN));
    assertEquals("gpio0.5: pull down not supported (supports none, up)", m);
    assertEquals(List.of(), backend.calls);
  }

  @Test
  void refusesADirectionThePinLacks() {
    GpioPin in = GpioPin.of(pin(Set.of(Kind.GPIO_IN)), backend);
    GpioPin out = GpioPin.of(pin(Set.of(Kind.GPIO_OUT)), backend);
    fails(HalError.INVALID_ARGUMENT, () -> in.output(false));
    fails(HalError.INVALID_ARGUMENT, () -> out.input(Pull.NONE));
    assertEquals(List.of(), backend.calls);
  }

  @Test
  void needsConfigurationBeforeUse() {
    fails(HalError.INVALID_ARGUMENT, both::read);
    fails(HalError.INVALID_ARGUMENT, () -> both.write(true));
    fails(HalError.INVALID_ARGUMENT, both::toggle);
    fails(HalError.INVALID_ARGUMENT, () -> both.listen(Edge.RISING, () -> {}));
    assertEquals(List.of(), backend.calls);
  }

  @Test
  void refusesToDriveAnInput() throws HalException {
    both.input(Pull.NONE);
    fails(HalError.INVALID_ARGUMENT, () -> both.write(true));
    fails(HalError.INVALID_ARGUMENT, both::toggle);
    assertEquals(List.of("input 5 none"), backend.calls);
  }

  @Test
  void togglesFromTheLevelItDrove() throws HalException {
    both.output(true);
    assertFalse(both.toggle());
    assertTrue(both.toggle());
    both.write(false);
    assertTrue(both.toggle());
    assertEquals(List.of("output 5 true", "write 5 false", "write 5 true", "write 5 false", "write 5 true"),
        backend.calls);
  }

  @Test
  void listensToSupportedEdgesOfAnInputOnly() throws HalException {
    both.output(false);
    fails(HalError.INVALID_ARGUMENT, () -> both.listen(Edge.RISING, () -> {}));
    both.input(Pull.NONE);
    fails(HalError.INVALID_ARGUMENT, () -> both.listen(Edge.BOTH, () -> {}));
    fails(HalError.INVALID_ARGUMENT, () -> both.listen(Edge.RISING, null));
    int[] events = new int[1];
    both.listen(Edge.FALLING, () -> events[0]++);
    backend.pinListeners.get(5).run();
    assertEquals(1, events[0]);
    both.listen(Edge.NONE, null);
    assertTrue(backend.pinListeners.isEmpty());
  }

  @Test
  void closingStopsListeningAndRefusesLaterCalls() throws HalException {
    int[] released = new int[1];
    GpioPin p = new GpioPin(pin(Set.of(Kind.GPIO_IN)), backend, () -> released[0]++);
    p.input(Pull.UP);
    p.listen(Edge.RISING, () -> {});
    p.close();
    p.close();
    assertTrue(backend.pinListeners.isEmpty());
    assertEquals(1, released[0]);
    assertTrue(p.isClosed());
    fails(HalError.CLOSED, p::read);
    fails(HalError.CLOSED, () -> p.input(Pull.UP));
  }

  @Test
  void aBackendWithoutAnOperationAnswersNotSupported() {
    GpioPin bare = GpioPin.of(pin(Set.of(Kind.GPIO_IN, Kind.GPIO_OUT)), new GpioBackend() {});
    fails(HalError.NOT_SUPPORTED, () -> bare.input(Pull.NONE));
    fails(HalError.NOT_SUPPORTED, () -> bare.output(true));
    // A failed configuration leaves the pin unconfigured.
    assertEquals(null, bare.direction());
  }
}
