/* The second build of the TMP102 driver, swapped in while the greenhouse runs: the same code, version 2. */
#define THERMO_VERSION 2
#include "thermo.c"
