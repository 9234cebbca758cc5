/*
 * The demo's display: a command (no contexts) that asks the sensor for readings through the portal `thermo`,
 * a few times, and exits. Its arguments and environment come from system.toml.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../../sdk/isola.h"

ISOLA_IMPORT("portal:thermo", "read_celsius") float thermo_read_celsius(void);
ISOLA_IMPORT("portal:thermo", "read_raw") int32_t thermo_read_raw(uint8_t *buf, int32_t len);

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 5;
  const char *unit = getenv("UNIT");
  int fahrenheit = unit != NULL && strcmp(unit, "F") == 0;
  for (int i = 0; i < rounds; i++) {
    float c = thermo_read_celsius();
    uint8_t raw[8];
    int32_t n = thermo_read_raw(raw, sizeof raw);
    if (n < 0) {
      printf("sensor unavailable (%d)\n", (int)n);
    } else {
      int32_t count;
      memcpy(&count, raw, 4);
      printf("%.1f %s (after %d samples)\n", fahrenheit ? c * 9 / 5 + 32 : c, fahrenheit ? "F" : "C", (int)count);
    }
    isola_sleep_for(ISOLA_MS(250));
  }
  return 0;
}
