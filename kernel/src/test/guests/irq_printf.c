/*
 * printf under an interrupt storm: the context `writer` prints numbered lines through stdio (fd_write under
 * libc's FILE buffer) while the test fires a line whose handler, `on_tick`, runs nested on the writer's stack at
 * every interrupt point (a host call's return among them). Each line must come out once, whole, in order: a
 * handler must leave libc's view of the write (its return value, nwritten, the FILE) as it found it.
 *
 * The handler uses the shadow stack (an array in its frame), as a C handler that calls anything may.
 * Logs "line I: ..." for I in [0, LINES), then "done handled>0=B".
 */
#include "../../../../sdk/isola.h"

#include <stdio.h>

#define LINES 400

static volatile uint32_t handled;

static __attribute__((noinline)) uint32_t sum(volatile uint32_t *v, int n) {
  uint32_t s = 0;
  for (int i = 0; i < n; i++) {
    s += v[i];
  }
  return s;
}

__attribute__((export_name("on_tick"))) void on_tick(int32_t count) {
  volatile uint32_t frame[16];
  for (int i = 0; i < 16; i++) {
    frame[i] = (uint32_t)count;
  }
  handled += sum(frame, 16) / 16;
}

ISOLA_CONTEXT(writer) {
  for (int i = 0; i < LINES; i++) {
    printf("line %d: the quick brown fox jumps over the lazy dog %d\n", i, i * 7);
  }
  printf("done handled>0=%d\n", handled > 0);
  fflush(stdout);
  for (;;) {
    isola_sleep_for(ISOLA_MS(1000));
  }
}

int main(void) {
  /* Keeps the isola:irq import, so the container gets its interrupt task and handler stack as the rogue does. */
  return (int)isola_irq_overflows(-1);
}
