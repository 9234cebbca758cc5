/*
 * rogue: a misbehaving container (low criticality, a CPU budget). Its context `spin` starts a timer firing every
 * millisecond of board time (an interrupt storm: handler `on_tick`), then burns the CPU forever without sleeping or
 * yielding, and once a second tries what the kernel must refuse it: the heater, which is bound to control
 * (ISOLA_ENOENT), and a buffer outside its memory (ISOLA_EFAULT). None of it changes anything for the others: its
 * budget caps its CPU and its handler's time, its priority is below theirs, and it reaches only the timer bound
 * to it.
 */
#include <stdint.h>
#include <stdio.h>

#include "greenhouse.h"

ISOLA_NEED("timer storm");

#define STORM_PERIOD_NS ISOLA_MS(1)

static volatile uint64_t ticks;
static volatile uint64_t spins;

/* The storm's handler: one call per run of the handler, count ticks since the last one. */
__attribute__((export_name("on_tick"))) void on_tick(int32_t count) {
  ticks += (uint64_t)count;
}

/* What no isolation bug may allow: each returns an error code, never touching another container's pin. */
static void try_the_forbidden(int32_t storm) {
  int32_t heater = isola_gpio_open(ISOLA_LABEL("heater"));
  int32_t wild = isola_uart_write(storm, (const void *)0x7FFFFFF0, 64);
  printf("rogue: %llu spins, %llu ticks, %lld overflows; heater -> %d, wild write -> %d\n",
         (unsigned long long)spins, (unsigned long long)ticks, (long long)isola_irq_overflows(storm), (int)heater,
         (int)wild);
}

ISOLA_CONTEXT(spin) {
  int32_t storm = isola_timer_open(ISOLA_LABEL("storm"));
  int32_t r = storm < 0 ? storm : isola_irq_attach(storm, ISOLA_LABEL("on_tick"));
  if (r >= 0) {
    r = isola_timer_start(storm, STORM_PERIOD_NS, STORM_PERIOD_NS);
  }
  printf("rogue: storming every %d us: %d\n", (int)(STORM_PERIOD_NS / 1000), (int)r);
  int64_t next_report = isola_now() + ISOLA_MS(1000);
  for (;;) {
    /* Busy work the compiler cannot remove. */
    uint32_t x = (uint32_t)spins;
    for (int i = 0; i < 100000; i++) {
      x = x * 1103515245u + 12345u;
    }
    spins += 1 + (x & 1);
    if (isola_now() >= next_report) {
      try_the_forbidden(storm);
      next_report += ISOLA_MS(1000);
    }
  }
}

int main(void) {
  return 0;
}
