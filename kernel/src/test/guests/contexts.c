/*
 * Two cooperative contexts, ping and pong, on one instance. Each recurses with an array in every stack frame
 * (so the frames live on the shadow stack in linear memory, below __stack_pointer), sleeps on the way down and
 * on the way back (so the other context runs in between), and checks its arrays on the way back. Unless the
 * kernel gives each context its own stack region and saves and restores __stack_pointer at every switch, the
 * other context's frames overwrite these arrays and the checks count errors.
 *
 * Logs, for the test: "ping round R" per round, and once at the end "ping done errors=N".
 */
#include "../../../../sdk/isola.h"

#include <stdio.h>

#define FRAME_INTS 64
#define ROUNDS 4

/* The two contexts recurse to different depths, so that one starts new recursions while the other is still deep:
   with a shared stack pointer, that is when one's new frames land on the other's live ones. */
static int recurse(int id, int depth, int max, int *errors) {
  volatile int frame[FRAME_INTS];
  for (int i = 0; i < FRAME_INTS; i++) {
    frame[i] = id * 1000000 + depth * 1000 + i;
  }
  isola_sleep_for(ISOLA_MS(1));
  int below = depth < max ? recurse(id, depth + 1, max, errors) : 0;
  isola_sleep_for(ISOLA_MS(1));
  for (int i = 0; i < FRAME_INTS; i++) {
    if (frame[i] != id * 1000000 + depth * 1000 + i) {
      (*errors)++;
    }
  }
  return below + 1;
}

/* Set by each context when it starts: each waits for the other, so their recursions overlap in time whatever
   the order and speed in which the kernel starts them. */
static volatile int started[3];

static void run(int id, const char *name, int max) {
  int errors = 0;
  char line[64];
  started[id] = 1;
  while (!started[3 - id]) {
    isola_sleep_for(ISOLA_MS(1));
  }
  for (int r = 0; r < ROUNDS; r++) {
    int frames = recurse(id, 0, max, &errors);
    int n = snprintf(line, sizeof line, "%s round %d frames=%d", name, r, frames);
    isola_log(ISOLA_LOG_INFO, line, n);
  }
  int n = snprintf(line, sizeof line, "%s done errors=%d", name, errors);
  isola_log(ISOLA_LOG_INFO, line, n);
}

ISOLA_CONTEXT(ping) {
  run(1, "ping", 12);
}

ISOLA_CONTEXT(pong) {
  run(2, "pong", 5);
}

int main(void) {
  return 0;
}
