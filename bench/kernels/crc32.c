/* Table-driven CRC-32 (IEEE) over a generated buffer: byte loads, shifts, xors. Argument: megabytes (default 8). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint32_t table[256];

static void make_table(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
}

static uint32_t crc32(uint32_t crc, const unsigned char *p, size_t n) {
  crc = ~crc;
  while (n--) crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
  return ~crc;
}

int main(int argc, char **argv) {
  int megabytes = argc > 1 ? atoi(argv[1]) : 8;
  size_t size = 1 << 20;
  unsigned char *buffer = malloc(size);
  if (buffer == NULL) return 1;
  uint32_t seed = 1;
  for (size_t i = 0; i < size; i++) {
    seed = seed * 1664525u + 1013904223u;
    buffer[i] = (unsigned char)(seed >> 24);
  }
  make_table();
  uint32_t crc = 0;
  for (int i = 0; i < megabytes; i++) crc = crc32(crc, buffer, size);
  free(buffer);
  printf("crc32 of %d MiB\nchecksum: %08x\n", megabytes, crc);
  return 0;
}
