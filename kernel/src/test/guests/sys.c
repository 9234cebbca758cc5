/*
 * Calls every isola:sys function once and prints what it got (through WASI's stdout, which the kernel logs
 * line by line with the container's name), then exits with status 7.
 */
#include "../../../../sdk/isola.h"

#include <stdio.h>

int main(void) {
  char name[32];
  int n = isola_name(name, sizeof name);
  printf("name=%.*s len=%d\n", n, name, n);
  printf("priority=%lld criticality=%lld memory=%lld budget=%lld period=%lld bad=%lld\n",
         (long long)isola_limit(ISOLA_LIMIT_PRIORITY), (long long)isola_limit(ISOLA_LIMIT_CRITICALITY),
         (long long)isola_limit(ISOLA_LIMIT_MEMORY), (long long)isola_limit(ISOLA_LIMIT_BUDGET_TIME),
         (long long)isola_limit(ISOLA_LIMIT_PERIOD), (long long)isola_limit(9));
  int64_t t0 = isola_now();
  int r = isola_sleep_for(ISOLA_MS(20));
  int64_t t1 = isola_now();
  printf("sleep=%d slept_enough=%d\n", r, t1 - t0 >= ISOLA_MS(20));
  printf("efault=%d einval=%d\n", isola_name((char *)0xFFFFFFF0u, 32), isola_sleep_for(-1));
  isola_yield();
  isola_log_str(ISOLA_LOG_INFO, "via isola_log");
  fflush(stdout);
  isola_exit(7);
}
