/*
 * Calls every I/O import of sdk/isola.h at least once on the sim board and prints what it got (through WASI's
 * stdout, which the kernel logs line by line): proves the header's declarations link against the kernel's host
 * functions (a wrong type would fail instantiation) and that the calls work from C.
 */
#include "../../../../sdk/isola.h"

#include <stdio.h>
#include <string.h>

ISOLA_NEED_GPIO_OUT(led, 0);
ISOLA_NEED_GPIO_IN(button, up, falling);
ISOLA_NEED_I2C(sensor, 0x48, 400000);
ISOLA_NEED_ADC(soil, 10);
ISOLA_NEED_PWM(fan, 25000);
ISOLA_NEED_UART(console, 115200);
ISOLA_NEED_TIMER(tick);

int main(void) {
  int32_t led = isola_gpio_open(ISOLA_LABEL("led"));
  int32_t button = isola_gpio_open(ISOLA_LABEL("button"));
  int32_t w = isola_gpio_write(led, 1);
  int32_t t = isola_gpio_toggle(led);
  printf("gpio led=%d write=%d toggle=%d read=%d button=%d drive-input=%d again=%d\n", led >= 0, w, t,
         isola_gpio_read(led), isola_gpio_read(button), isola_gpio_write(button, 0),
         isola_gpio_open(ISOLA_LABEL("led")));

  int32_t sensor = isola_i2c_open(ISOLA_LABEL("sensor"));
  uint8_t reg = 0x01, cfg[2] = {0, 0};
  int32_t wr = isola_i2c_write_read(sensor, &reg, 1, cfg, 2);
  uint8_t pointer = 0x00, temp[2];
  isola_i2c_op ops[2] = {{ISOLA_I2C_WRITE, &pointer, 1}, {ISOLA_I2C_READ, temp, 2}};
  int32_t tx = isola_i2c_transaction(sensor, ops, 2);
  int32_t wrote = isola_i2c_write(sensor, &pointer, 1);
  int32_t got = isola_i2c_read(sensor, temp, 2);
  printf("i2c config=%02x%02x write_read=%d transaction=%d write=%d read=%d nack=%d\n", cfg[0], cfg[1], wr, tx,
         wrote, got, isola_i2c_write(sensor, (uint8_t[]){0x04}, 1));

  int32_t soil = isola_adc_open(ISOLA_LABEL("soil"));
  printf("adc bits=%d ref=%d raw=%d\n", isola_adc_bits(soil), isola_adc_reference_mv(soil), isola_adc_read(soil));

  int32_t fan = isola_pwm_open(ISOLA_LABEL("fan"));
  printf("pwm set=%d enable=%d\n", isola_pwm_set(fan, 40000, 20000), isola_pwm_enable(fan, 1));

  int32_t console = isola_uart_open(ISOLA_LABEL("console"));
  const char *hello = "hello from C\n";
  char in[8];
  printf("uart write=%d read=%d configure=%d\n", isola_uart_write(console, hello, (int32_t)strlen(hello)),
         isola_uart_read(console, in, sizeof in, 0), isola_uart_configure(console, 115200, 8, ISOLA_PARITY_NONE, 1));

  int32_t tick = isola_timer_open(ISOLA_LABEL("tick"));
  printf("timer start=%d stop=%d\n", isola_timer_start(tick, ISOLA_MS(5), 0), isola_timer_stop(tick));

  /* Closing each handle; a second close is not a handle any more; a bad buffer is caught before the handle. */
  printf("close %d %d %d %d %d %d %d %d bad=%d efault=%d\n", isola_gpio_close(led), isola_gpio_close(button),
         isola_i2c_close(sensor), isola_adc_close(soil), isola_pwm_close(fan), isola_uart_close(console),
         isola_timer_close(tick), isola_gpio_close(led), isola_spi_open(ISOLA_LABEL("none")),
         isola_i2c_read(99, (void *)0x7ffffff0, 16));
  return 0;
}
