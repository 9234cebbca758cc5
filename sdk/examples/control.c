/*
 * control: the greenhouse's controller. Every 100 ms (periodic context `step`) it reads the room temperature
 * through the portal `thermo` and keeps the room in its band (target +/- 1 degree):
 *   - the heater relay (gpio-out `heater`) by hysteresis: on below target - 0.3, off above target;
 *   - the fan (pwm `fan`, 25 kHz) proportionally above target + 0.5: full speed 2 degrees above that;
 *   - the green LED (gpio-out `led`) lit while the room is inside the band.
 * A period without a reading (thermo restarting or being swapped) leaves every output as it was. It exports the
 * portal `control`: status(out) -> i32 fills a struct control_status, set_target(i32) -> i32 moves the target.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "greenhouse.h"

ISOLA_NEED("pwm fan hz=25000");
ISOLA_NEED("gpio-out heater initial=0");
ISOLA_NEED("gpio-out led initial=0");

ISOLA_IMPORT("portal:thermo", "read") int32_t thermo_read(struct thermo_reading *out, int32_t len);

#define FAN_PERIOD_NS 40000 /* 25 kHz: above hearing, what 4-pin PC fans expect */
#define BAND_MILLI 1000
#define HEAT_BELOW_MILLI 300
#define FAN_ABOVE_MILLI 500
#define FAN_FULL_SPAN_MILLI 2000

static int32_t fan = -1, heater = -1, led = -1;
static struct control_status status = {.target_millicelsius = 22000};
static uint32_t thermo_version;
static int32_t led_on = -1;

static void set_fan(int32_t permille) {
  if (permille != status.fan_permille) {
    isola_pwm_set(fan, FAN_PERIOD_NS, (int64_t)FAN_PERIOD_NS * permille / 1000);
    status.fan_permille = permille;
  }
}

static void set_heater(int32_t on) {
  if (on != status.heater) {
    isola_gpio_write(heater, on);
    status.heater = on;
    printf("heater %s at %d.%02d C\n", on ? "on" : "off", MILLI_WHOLE(status.millicelsius),
           MILLI_CENTI(status.millicelsius));
  }
}

static int32_t open_outputs(void) {
  if ((fan = isola_pwm_open(ISOLA_LABEL("fan"))) < 0) {
    return fan;
  }
  if ((heater = isola_gpio_open(ISOLA_LABEL("heater"))) < 0) {
    return heater;
  }
  if ((led = isola_gpio_open(ISOLA_LABEL("led"))) < 0) {
    return led;
  }
  int32_t r = isola_pwm_set(fan, FAN_PERIOD_NS, 0);
  return r < 0 ? r : isola_pwm_enable(fan, 1);
}

ISOLA_CONTEXT(step) {
  if (fan < 0) {
    int32_t r = open_outputs();
    if (r < 0) {
      printf("control: cannot open the outputs: error %d\n", (int)r);
      isola_exit(1);
    }
    printf("control: keeping the room at %d.%02d C +/- %d C\n", MILLI_WHOLE(status.target_millicelsius),
           MILLI_CENTI(status.target_millicelsius), BAND_MILLI / 1000);
  }
  status.steps++;
  struct thermo_reading reading;
  int32_t r = thermo_read(&reading, sizeof reading);
  if (r < 0) {
    status.sensor_failures++;
    return;
  }
  if (reading.version != thermo_version) {
    printf("control: reading from thermo v%u\n", (unsigned)reading.version);
    thermo_version = reading.version;
  }
  int32_t t = reading.millicelsius, target = status.target_millicelsius;
  status.millicelsius = t;
  if (t < target - HEAT_BELOW_MILLI) {
    set_heater(1);
  } else if (t > target) {
    set_heater(0);
  }
  int32_t over = t - target - FAN_ABOVE_MILLI;
  set_fan(over <= 0 ? 0 : over >= FAN_FULL_SPAN_MILLI ? 1000 : over * 1000 / FAN_FULL_SPAN_MILLI);
  int32_t in_band = t >= target - BAND_MILLI && t <= target + BAND_MILLI;
  if (in_band != led_on) {
    isola_gpio_write(led, in_band);
    led_on = in_band;
  }
}

/* Portal control.status: (out) -> i32. */
__attribute__((export_name("status"))) int32_t control_status(uint8_t *buf, int32_t len) {
  if (len < (int32_t)sizeof status) {
    return ISOLA_EINVAL;
  }
  memcpy(buf, &status, sizeof status);
  return (int32_t)sizeof status;
}

/* Portal control.set_target: (i32) -> i32. Takes thousandths of a degree, 10..35 C; returns the new target. */
__attribute__((export_name("set_target"))) int32_t control_set_target(int32_t millicelsius) {
  if (millicelsius < 10000 || millicelsius > 35000) {
    return ISOLA_EINVAL;
  }
  status.target_millicelsius = millicelsius;
  printf("control: target now %d.%02d C\n", MILLI_WHOLE(millicelsius), MILLI_CENTI(millicelsius));
  return millicelsius;
}

int main(void) {
  return 0;
}
