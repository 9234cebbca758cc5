package dev.isola.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.Board;
import dev.isola.hal.Boards;
import dev.isola.hal.GpioPin;
import dev.isola.hal.I2cDevice;
import dev.isola.hal.PwmChannel;
import dev.isola.hal.Reading;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fan's inertia and the room's thermal model, driven through hal's facades and read back by the TMP102. */
class EnvironmentTest {
  Board board;
  SimBoard sim;

  @BeforeEach
  void open() throws Exception {
    board = Boards.open(Optional.empty());
    sim = SimBoard.of(board);
    sim.timeScale(0);
  }

  @AfterEach
  void close() {
    board.close();
  }

  @Test
  void fanSpeedFollowsTheDutyWithInertia() throws Exception {
    PwmChannel fan = board.pwm("fan");
    fan.set(40_000, 20_000); // 25 kHz, 50%
    assertEquals(0, sim.fanDuty("fan"), "not enabled yet");
    fan.enable(true);
    assertEquals(0.5, sim.fanDuty("fan"));
    sim.advance(Duration.ofMillis(100));
    double early = sim.fanRpm("fan");
    assertTrue(early > 0 && early < 0.1 * 1200, "spinning up: " + early);
    sim.advance(Duration.ofMillis(1400));
    double tau = sim.fanRpm("fan");
    assertEquals(1200 * (1 - Math.exp(-1)), tau, 10, "63% after one time constant");
    sim.advance(Duration.ofSeconds(20));
    assertEquals(1200, sim.fanRpm("fan"), 1);
    fan.enable(false);
    sim.advance(Duration.ofMillis(100));
    assertTrue(sim.fanRpm("fan") > 1000, "coasting down, not stopped at once");
    sim.advance(Duration.ofSeconds(30));
    assertEquals(0, sim.fanRpm("fan"), 1);
  }

  @Test
  void heaterWarmsTheRoomTowardItsEquilibrium() throws Exception {
    GpioPin heater = board.gpio("heater");
    heater.output(true);
    sim.advance(Duration.ofMinutes(10));
    // dT/dt = 0.05 - (T - 16) / 900: T = 16 + 45 (1 - e^(-600/900)).
    double expected = 16 + 45 * (1 - Math.exp(-600.0 / 900));
    assertEquals(expected, sim.roomTemperature(), 0.01);
    heater.write(false);
    sim.advance(Duration.ofMinutes(10));
    double cooled = 16 + (expected - 16) * Math.exp(-600.0 / 900);
    assertEquals(cooled, sim.roomTemperature(), 0.01, "walls alone: back toward ambient");
  }

  @Test
  void fanCoolsTowardAmbientNeverBelow() throws Exception {
    sim.roomTemperature(35);
    PwmChannel fan = board.pwm("fan");
    fan.set(40_000, 40_000);
    fan.enable(true);
    sim.advance(Duration.ofMinutes(1));
    double oneMinute = sim.roomTemperature();
    assertTrue(oneMinute < 35 - 19 * 0.5, "a minute at full fan: more than half way down, " + oneMinute);
    sim.advance(Duration.ofMinutes(10));
    double t = sim.roomTemperature();
    assertTrue(t > 16 && t < 16.01, "at ambient, not below: " + t);
    sim.ambient(10);
    sim.advance(Duration.ofMinutes(10));
    assertTrue(sim.roomTemperature() < 10.01, "follows the ambient");
  }

  @Test
  void closedLoopThroughTheSensor() throws Exception {
    I2cDevice tmp = board.i2c("tmp102");
    GpioPin heater = board.gpio("heater");
    PwmChannel fan = board.pwm("fan");
    heater.output(false);
    fan.set(40_000, 0);
    fan.enable(true);
    // A bang-bang controller holding 22..24 °C, sampling the sensor every simulated second for 30 minutes.
    int heaterSwitches = 0;
    double lowest = 100;
    double highest = -100;
    for (int s = 0; s < 1800; s++) {
      sim.advance(Duration.ofSeconds(1));
      byte[] b = tmp.writeRead(new byte[] {0}, 2);
      double t = ((short) ((b[0] & 0xFF) << 8 | b[1] & 0xFF) >> 4) * 0.0625;
      if (t < 22 && !heater.read()) {
        heater.write(true);
        heaterSwitches++;
      } else if (t > 24 && heater.read()) {
        heater.write(false);
        heaterSwitches++;
      }
      fan.set(40_000, t > 24.5 ? 40_000 : 0);
      if (s > 600) {
        lowest = Math.min(lowest, t);
        highest = Math.max(highest, t);
      }
    }
    assertTrue(heaterSwitches > 2, "the heater cycles: " + heaterSwitches);
    assertTrue(lowest > 21.5 && highest < 24.5, "settled in the band: " + lowest + " .. " + highest);
  }

  @Test
  void readingsNameTheLiveValues() throws Exception {
    board.gpio("heater").output(true);
    board.gpio("led").output(true);
    Map<String, Reading> r = board.readings().stream().collect(Collectors.toMap(Reading::name, x -> x));
    assertEquals(
        java.util.Set.of("room.temperature", "room.ambient", "fan.duty", "fan.rpm", "heater", "led", "button"),
        r.keySet());
    assertEquals("°C", r.get("room.temperature").unit());
    assertEquals(16, r.get("room.temperature").value(), 0.01);
    assertEquals("on", r.get("heater").text());
    assertEquals("on", r.get("led").text());
    assertEquals("0 %", r.get("fan.duty").text());
  }
}
