/*
 * thermo: the TMP102 driver. It owns the sensor (i2c label `sensor`, address 0x48) and its ALERT pin (gpio-in
 * label `alert`, falling edge: the TMP102's ALERT is open drain, active low). At start it configures the part
 * (12-bit, 8 conversions/s, comparator mode, fault queue of 2) with an over-temperature window, attaches the
 * ALERT interrupt to `on_alert`, then reads the temperature register every 100 ms (context `sample`). It exports
 * the portal `thermo`: read(out) -> i32 fills a struct thermo_reading (greenhouse.h).
 *
 * THERMO_VERSION selects the build: thermo-v2.c includes this file with 2, the module the hot swap brings in.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "greenhouse.h"

#ifndef THERMO_VERSION
#define THERMO_VERSION 1
#endif

ISOLA_NEED("i2c sensor address=0x48 speed=100000,400000");
ISOLA_NEED("gpio-in alert pull=up edge=falling");

/* TMP102 registers (datasheet SBOS397, table 7.5.3): the pointer byte selects one. */
enum { TEMPERATURE = 0x00, CONFIGURATION = 0x01, T_LOW = 0x02, T_HIGH = 0x03 };

/* The over-temperature window: in comparator mode ALERT goes low (active) once the room is above T_HIGH for two
   conversions and high again once it is below T_LOW: one falling edge per over-temperature episode. */
#define ALERT_HIGH_MILLI 30000
#define ALERT_LOW_MILLI 28000

static int32_t sensor = -1;
static int32_t alert = -1;
static volatile int32_t millicelsius;
static volatile uint32_t samples;
static volatile uint32_t alerts;
static uint32_t alerts_reported;

/* A limit register holds a 12-bit two's complement temperature, left-justified, 0.0625 degree per LSB. */
static int32_t write_limit(uint8_t reg, int32_t milli) {
  int32_t raw = milli * 16 / 1000;
  uint8_t bytes[3] = {reg, (uint8_t)(raw >> 4), (uint8_t)(raw << 4)};
  return isola_i2c_write(sensor, bytes, 3);
}

static int32_t configure(void) {
  sensor = isola_i2c_open(ISOLA_LABEL("sensor"));
  if (sensor < 0) {
    return sensor;
  }
  /* Configuration, MSB then LSB: OS=0 R1R0=11 (12 bit, read-only) F1F0=01 (2 faults) POL=0 (active low) TM=0
     (comparator mode) SD=0; CR1CR0=11 (8 Hz) AL (read-only) EM=0 (12 bit). */
  uint8_t config[3] = {CONFIGURATION, 0x68, 0xE0};
  int32_t r = isola_i2c_write(sensor, config, 3);
  if (r < 0) {
    return r;
  }
  if ((r = write_limit(T_HIGH, ALERT_HIGH_MILLI)) < 0 || (r = write_limit(T_LOW, ALERT_LOW_MILLI)) < 0) {
    return r;
  }
  alert = isola_gpio_open(ISOLA_LABEL("alert"));
  if (alert < 0) {
    return alert;
  }
  return isola_irq_attach(alert, ISOLA_LABEL("on_alert"));
}

/* The ALERT line's handler: count is the number of falling edges (over-temperature episodes) since it last ran.
   It only counts: it may interrupt the context inside printf, whose buffer is not reentrant; `sample` reports. */
__attribute__((export_name("on_alert"))) void on_alert(int32_t count) {
  alerts += (uint32_t)count;
}

/* Every 100 ms: configure once, then read the temperature register (pointer 0x00, two bytes). */
ISOLA_CONTEXT(sample) {
  if (sensor < 0) {
    int32_t r = configure();
    if (r < 0) {
      printf("thermo v%d: cannot configure the TMP102: error %d\n", THERMO_VERSION, (int)r);
      isola_exit(1);
    }
    printf("thermo v%d: TMP102 configured (12 bit, 8 Hz, alert above %d C)\n", THERMO_VERSION,
           ALERT_HIGH_MILLI / 1000);
  }
  uint8_t pointer = TEMPERATURE;
  uint8_t raw[2];
  int32_t r = isola_i2c_write_read(sensor, &pointer, 1, raw, 2);
  if (r < 0) {
    printf("thermo: read failed: error %d\n", (int)r);
    return;
  }
  int32_t value = (int16_t)((raw[0] << 8) | raw[1]) >> 4; /* sign-extended 12 bits */
  millicelsius = value * 625 / 10;
  samples++;
  uint32_t seen = alerts;
  if (seen != alerts_reported) {
    printf("ALERT: the room is above %d C (%d.%02d C; %u alerts so far)\n", ALERT_HIGH_MILLI / 1000,
           MILLI_WHOLE(millicelsius), MILLI_CENTI(millicelsius), (unsigned)seen);
    alerts_reported = seen;
  }
}

/* Portal thermo.read: (out) -> i32. Fills a struct thermo_reading; ISOLA_EAGAIN before the first sample. */
__attribute__((export_name("read"))) int32_t thermo_read(uint8_t *buf, int32_t len) {
  if (len < (int32_t)sizeof(struct thermo_reading)) {
    return ISOLA_EINVAL;
  }
  if (samples == 0) {
    return ISOLA_EAGAIN;
  }
  struct thermo_reading reading = {millicelsius, samples, alerts, THERMO_VERSION};
  memcpy(buf, &reading, sizeof reading);
  return (int32_t)sizeof reading;
}

/* A WASI command needs a main; with contexts in the system file the kernel never runs it. */
int main(void) {
  return 0;
}
