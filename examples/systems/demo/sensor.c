/*
 * The demo's sensor: a fake thermometer. Its context `sample` runs every 10 ms and takes a reading; its context
 * `report` is started once and logs the latest reading every second. It exports the portal `thermo`
 * (system.toml): read_celsius() -> f32 and read_raw(out) -> i32, which other containers call by value.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../../../sdk/isola.h"

static float celsius = 20.0f;
static int32_t samples;

/* Every 10 ms: a reading that drifts between 20.0 and 24.9 degrees. */
ISOLA_CONTEXT(sample) {
  samples++;
  celsius = 20.0f + (float)(samples % 50) / 10.0f;
}

/* Started once: a line a second, sleeping between (the other context runs meanwhile). */
ISOLA_CONTEXT(report) {
  for (;;) {
    printf("%d samples, now %.1f C\n", (int)samples, (double)celsius);
    if (isola_sleep_for(ISOLA_MS(1000)) == ISOLA_EINTR) {
      return;
    }
  }
}

/* Portal thermo.read_celsius: () -> f32. */
__attribute__((export_name("read_celsius"))) float read_celsius(void) {
  return celsius;
}

/* Portal thermo.read_raw: (out) -> i32. The buffer is a copy on this container's portal stack: the kernel copies
   it back to the caller after the call. Fills 8 bytes: the sample count and hundredths of a degree. */
__attribute__((export_name("read_raw"))) int32_t read_raw(uint8_t *buf, int32_t len) {
  if (len < 8) {
    return ISOLA_EINVAL;
  }
  int32_t centi = (int32_t)(celsius * 100.0f);
  memcpy(buf, &samples, 4);
  memcpy(buf + 4, &centi, 4);
  return 8;
}

/* A WASI command needs a main; with contexts in the system file the kernel never runs it. */
int main(void) {
  return 0;
}
