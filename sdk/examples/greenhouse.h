/*
 * greenhouse.h: what the greenhouse's containers share: the portals' data layouts (examples/greenhouse/system.toml
 * declares the signatures) and a way to print temperatures without floating point.
 */
#ifndef GREENHOUSE_H
#define GREENHOUSE_H

#include <stdint.h>

#include "../isola.h"

/* Portal thermo.read: (out) -> i32 fills one of these and returns its size, or a negative ISOLA_E* code. */
struct thermo_reading {
  int32_t millicelsius; /* the last conversion, 0.0625 degree steps */
  uint32_t samples;     /* conversions read since the driver started */
  uint32_t alerts;      /* ALERT interrupts seen (over-temperature) */
  uint32_t version;     /* the driver's build: 1, or 2 after the hot swap */
};

/* Portal control.status: (out) -> i32 fills one of these and returns its size. */
struct control_status {
  int32_t millicelsius;     /* the room, as last read from thermo */
  int32_t target_millicelsius;
  int32_t fan_permille;     /* fan duty, 0..1000 */
  int32_t heater;           /* 0 or 1 */
  uint32_t steps;           /* control periods run */
  uint32_t sensor_failures; /* periods without a reading (thermo down, e.g. while swapped) */
};

/* A temperature in thousandths of a degree as "-12.34" parts: sign, whole degrees, hundredths. */
#define MILLI_SIGN(v) ((v) < 0 ? "-" : "")
#define MILLI_WHOLE(v) ((int)(((v) < 0 ? -(v) : (v)) / 1000))
#define MILLI_CENTI(v) ((int)(((v) < 0 ? -(v) : (v)) % 1000 / 10))

#endif /* GREENHOUSE_H */
