/* Sieve of Eratosthenes: byte loads and stores in a tight loop. Argument: limit (default 4000000). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  int limit = argc > 1 ? atoi(argv[1]) : 4000000;
  unsigned char *composite = malloc((size_t)limit + 1);
  if (composite == NULL) return 1;
  unsigned checksum = 0;
  int count = 0;
  memset(composite, 0, (size_t)limit + 1);
  for (int i = 2; i <= limit; i++) {
    if (composite[i]) continue;
    count++;
    checksum = checksum * 31 + (unsigned)i;
    for (long long j = (long long)i * i; j <= limit; j += i) composite[j] = 1;
  }
  free(composite);
  printf("primes up to %d: %d\nchecksum: %08x\n", limit, count, checksum);
  return 0;
}
