/* Needs from two translation units (with needs_more.c): the linker concatenates their isola.peripherals
   sections into one, which NeedsFromCTest reads back. */
#include "../../../../sdk/isola.h"

ISOLA_NEED("i2c sensor address=0x48 speed=100000,400000");
ISOLA_NEED_GPIO_IN(alert, up, falling);
ISOLA_NEED_GPIO_OUT(led, 1);

int main(void) {
  return 0;
}
