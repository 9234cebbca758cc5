/*
 * The kernel's start-up rehearsal, driver side (docs/kernel.md, "The start-up rehearsal"). Every period it reads
 * the TMP102 over I2C and an ADC channel, and counts the ticks of a 1 ms timer in an interrupt handler; it exports
 * the portal `probe` that app.c calls. What it computes does not matter: what matters is that the kernel's paths
 * for these calls (host calls, portal copies, interrupts, periodic releases) have run before a real system starts.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "rehearsal.h"

ISOLA_NEED("i2c sensor address=0x48 speed=100000,400000");
ISOLA_NEED("adc level bits=10");
ISOLA_NEED("timer tick");

static int32_t sensor = -1, level = -1, tick = -1;
static volatile uint32_t ticks;
static struct probe_reading last;

__attribute__((export_name("on_tick"))) void on_tick(int32_t count) {
  ticks += (uint32_t)count;
}

static int32_t open_all(void) {
  if ((sensor = isola_i2c_open(ISOLA_LABEL("sensor"))) < 0) {
    return sensor;
  }
  uint8_t config[3] = {0x01, 0x68, 0xE0};
  int32_t r = isola_i2c_write(sensor, config, 3);
  if (r < 0) {
    return r;
  }
  if ((level = isola_adc_open(ISOLA_LABEL("level"))) < 0) {
    return level;
  }
  if ((tick = isola_timer_open(ISOLA_LABEL("tick"))) < 0) {
    return tick;
  }
  if ((r = isola_irq_attach(tick, ISOLA_LABEL("on_tick"))) < 0) {
    return r;
  }
  return isola_timer_start(tick, ISOLA_MS(1), ISOLA_MS(1));
}

ISOLA_CONTEXT(sample) {
  if (sensor < 0) {
    int32_t r = open_all();
    if (r < 0) {
      printf("rehearsal driver: cannot open its peripherals: error %d\n", (int)r);
      isola_exit(1);
    }
  }
  uint8_t pointer = 0;
  uint8_t raw[2];
  if (isola_i2c_write_read(sensor, &pointer, 1, raw, 2) == 2) {
    last.raw_temperature = (int16_t)((raw[0] << 8) | raw[1]) >> 4;
  }
  last.level = isola_adc_read(level);
  last.samples++;
  last.ticks = ticks;
  if (last.samples % 64 == 0) {
    isola_irq_mask(tick);
    isola_irq_unmask(tick);
    printf("rehearsal driver: %u samples, %u ticks\n", (unsigned)last.samples, (unsigned)last.ticks);
  }
}

/* Portal probe.read: (out) -> i32, the last reading. */
__attribute__((export_name("read"))) int32_t probe_read(uint8_t *buf, int32_t len) {
  if (len < (int32_t)sizeof last) {
    return ISOLA_EINVAL;
  }
  memcpy(buf, &last, sizeof last);
  return (int32_t)sizeof last;
}

int main(void) {
  return 0;
}
