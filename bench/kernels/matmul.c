/* Dense matrix multiply in doubles (i-k-j order): f64 loads, multiplies and adds. Argument: n (default 200). */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 200;
  double *a = malloc(sizeof(double) * n * n), *b = malloc(sizeof(double) * n * n);
  double *c = calloc((size_t)n * n, sizeof(double));
  if (a == NULL || b == NULL || c == NULL) return 1;
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < n; j++) {
      a[i * n + j] = (double)((i * 7 + j * 3) % 17) / 16.0;
      b[i * n + j] = (double)((i * 5 + j * 11) % 13) / 12.0 - 0.5;
    }
  }
  for (int i = 0; i < n; i++) {
    for (int k = 0; k < n; k++) {
      double aik = a[i * n + k];
      for (int j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
    }
  }
  double trace = 0, sum = 0;
  for (int i = 0; i < n; i++) trace += c[i * n + i];
  for (int i = 0; i < n * n; i++) sum += c[i];
  printf("matmul %dx%d: trace %.6f\nchecksum: %.6f\n", n, n, trace, sum);
  free(a);
  free(b);
  free(c);
  return 0;
}
