/* Quicksort of pseudo-random ints: compares, swaps, recursion. Argument: count (default 300000). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static void quicksort(int32_t *a, long lo, long hi) {
  while (lo < hi) {
    int32_t pivot = a[lo + (hi - lo) / 2];
    long i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        int32_t t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    /* Recurse into the smaller half and loop on the larger, so the depth stays logarithmic. */
    if (j - lo < hi - i) {
      quicksort(a, lo, j);
      lo = i;
    } else {
      quicksort(a, i, hi);
      hi = j;
    }
  }
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 300000;
  int32_t *a = malloc(sizeof *a * (size_t)n);
  if (a == NULL) return 1;
  uint32_t seed = 42;
  for (long i = 0; i < n; i++) {
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    a[i] = (int32_t)(seed % 1000000007u) - 500000000;
  }
  quicksort(a, 0, n - 1);
  uint32_t checksum = 0;
  int sorted = 1;
  for (long i = 0; i < n; i++) {
    checksum = checksum * 31 + (uint32_t)a[i];
    if (i > 0 && a[i - 1] > a[i]) sorted = 0;
  }
  printf("sorted %ld ints: %s, min %d, max %d\nchecksum: %08x\n", n, sorted ? "yes" : "NO", a[0], a[n - 1], checksum);
  free(a);
  return 0;
}
