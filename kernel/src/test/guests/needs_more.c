/* The second translation unit of NeedsFromCTest: every kind-specific macro not used in needs_main.c. */
#include "../../../../sdk/isola.h"

ISOLA_NEED_I2C(eeprom, 0x50, 400000);
ISOLA_NEED_SPI(adc-raw, 0, 1000000);
ISOLA_NEED_UART(console, 115200);
ISOLA_NEED_ADC(soil, 10);
ISOLA_NEED_PWM(fan, 25000); ISOLA_NEED_TIMER(tick);

int more(void) {
  return 1;
}
