/*
 * Mandelbrot set membership over a grid: f64 multiply-add in a data-dependent loop.
 * Argument: width (default 400).
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  int width = argc > 1 ? atoi(argv[1]) : 400;
  int height = width * 3 / 4, max_iterations = 200;
  long inside = 0;
  unsigned checksum = 0;
  for (int py = 0; py < height; py++) {
    double ci = -1.2 + 2.4 * py / height;
    for (int px = 0; px < width; px++) {
      double cr = -2.2 + 3.2 * px / width;
      double zr = 0, zi = 0;
      int i = 0;
      while (i < max_iterations && zr * zr + zi * zi <= 4.0) {
        double t = zr * zr - zi * zi + cr;
        zi = 2 * zr * zi + ci;
        zr = t;
        i++;
      }
      if (i == max_iterations) inside++;
      checksum = checksum * 33 + (unsigned)i;
    }
  }
  printf("mandelbrot %dx%d: %ld points inside\nchecksum: %08x\n", width, height, inside, checksum);
  return 0;
}
