/*
 * The kernel's start-up rehearsal, application side (docs/kernel.md, "The start-up rehearsal"). Every period it
 * calls the portal `probe` of driver.c, drives a GPIO output and a PWM channel, reads a GPIO input, asks the
 * kernel for the time and its limits, and now and then prints and logs. No UART: the simulator's UART endpoint
 * can be overridden for the whole JVM (isola.sim.endpoint), and a rehearsal must never write to a real system's.
 */
#include <stdint.h>
#include <stdio.h>

#include "rehearsal.h"

ISOLA_NEED("gpio-out led initial=0");
ISOLA_NEED("gpio-in button pull=up edge=falling");
ISOLA_NEED("pwm fan hz=25000");

ISOLA_IMPORT("portal:probe", "read") int32_t probe_read(struct probe_reading *out, int32_t len);

static int32_t led = -1, button = -1, fan = -1;
static uint32_t steps;

static int32_t open_all(void) {
  if ((led = isola_gpio_open(ISOLA_LABEL("led"))) < 0) {
    return led;
  }
  if ((button = isola_gpio_open(ISOLA_LABEL("button"))) < 0) {
    return button;
  }
  if ((fan = isola_pwm_open(ISOLA_LABEL("fan"))) < 0) {
    return fan;
  }
  int32_t r = isola_pwm_set(fan, 40000, 0);
  return r < 0 ? r : isola_pwm_enable(fan, 1);
}

ISOLA_CONTEXT(step) {
  if (led < 0) {
    int32_t r = open_all();
    if (r < 0) {
      printf("rehearsal app: cannot open its peripherals: error %d\n", (int)r);
      isola_exit(1);
    }
  }
  struct probe_reading reading = {0};
  int32_t got = probe_read(&reading, (int32_t)sizeof reading);
  steps++;
  isola_gpio_write(led, (int32_t)(steps & 1));
  isola_gpio_toggle(led);
  int32_t pressed = isola_gpio_read(button) == 0;
  isola_pwm_set(fan, 40000, 40000 * (int64_t)(steps % 100) / 100);
  int64_t now = isola_now();
  if (steps % 64 == 0) {
    printf("rehearsal app: step %u at %lld ns (probe %d, button %d, budget %lld ns)\n", (unsigned)steps,
           (long long)now, (int)got, pressed, (long long)isola_limit(ISOLA_LIMIT_BUDGET_TIME));
    isola_log_str(ISOLA_LOG_DEBUG, "rehearsal app: logging");
  }
}

int main(void) {
  return 0;
}
