/*
 * The first program the README runs: `bin/isola exec examples/hello/hello.wasm Ada Grace`.
 *
 * It touches the parts of WASI preview 1 that every C program needs (arguments, the environment, stdout,
 * the allocator growing linear memory, exit status) and does a little floating point, so one run shows the
 * runtime works end to end. Rebuild with ./build.sh; the test checks the committed hello.wasm matches.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Newton's method, to show doubles and libm agree with the host: prints sqrt(2) both ways. */
static double newton_sqrt(double x) {
  double guess = x / 2;
  for (int i = 0; i < 20; i++) {
    guess = (guess + x / guess) / 2;
  }
  return guess;
}

int main(int argc, char **argv) {
  printf("Hello from WebAssembly!\n");

  if (argc > 1) {
    for (int i = 1; i < argc; i++) {
      printf("Hello, %s!\n", argv[i]);
    }
  } else {
    printf("Hello, world! (pass names as arguments to be greeted)\n");
  }

  /* A heap array of the first squares, summed: malloc grows memory through memory.grow. */
  int count = 1000;
  long long *squares = malloc(count * sizeof *squares);
  if (squares == NULL) {
    fprintf(stderr, "out of memory\n");
    return 1;
  }
  long long sum = 0;
  for (int i = 0; i < count; i++) {
    squares[i] = (long long)i * i;
    sum += squares[i];
  }
  free(squares);
  printf("sum of the first %d squares: %lld\n", count, sum);

  printf("sqrt(2) by Newton: %.15f, by libm: %.15f\n", newton_sqrt(2), sqrt(2));
  printf("pi from atan: %.10f\n", 4 * atan(1.0));

  const char *user = getenv("USER");
  printf("USER is %s\n", user != NULL && strlen(user) > 0 ? user : "not set (pass --env USER=...)");
  return 0;
}
