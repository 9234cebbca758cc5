/* What the rehearsal's portal `probe` carries, from driver.c to app.c (docs/kernel.md, "The start-up rehearsal"). */
#ifndef REHEARSAL_H
#define REHEARSAL_H

#include <stdint.h>

#include "../../../../../sdk/isola.h"

struct probe_reading {
  int32_t raw_temperature;
  int32_t level;
  uint32_t samples;
  uint32_t ticks;
};

#endif
