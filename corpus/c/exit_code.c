/*
 * Exit status: `exit_code N` calls exit(N) after registering atexit handlers; `exit_code return N` returns N
 * from main; no argument returns 0. Output is flushed by exit, so buffered text must appear.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void first_registered(void) { printf("atexit: registered first, runs last\n"); }
static void second_registered(void) { printf("atexit: registered second, runs first\n"); }

int main(int argc, char **argv) {
  atexit(first_registered);
  atexit(second_registered);
  /* Stays in stdio's buffer until exit flushes it. */
  printf("buffered text without a newline... ");
  if (argc > 2 && strcmp(argv[1], "return") == 0) {
    int status = atoi(argv[2]);
    printf("returning %d from main\n", status);
    return status;
  }
  if (argc > 1) {
    int status = atoi(argv[1]);
    printf("calling exit(%d)\n", status);
    exit(status);
  }
  printf("no argument: returning 0\n");
  return 0;
}
