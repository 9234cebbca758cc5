/*
 * File I/O in the current directory (the run's preopened directory under WASI, the working directory natively):
 * create, write, read back, seek, stat, list, rename, delete, and a subdirectory.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Prints the directory's entries sorted, without . and ..: readdir's order differs between file systems. */
static void list(const char *path) {
  DIR *dir = opendir(path);
  if (dir == NULL) {
    printf("opendir %s failed: %s\n", path, strerror(errno));
    return;
  }
  char *names[64];
  int n = 0;
  for (struct dirent *e; (e = readdir(dir)) != NULL && n < 64;) {
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) names[n++] = strdup(e->d_name);
  }
  closedir(dir);
  qsort(names, n, sizeof *names, compare_names);
  printf("%s:", path);
  for (int i = 0; i < n; i++) {
    struct stat st;
    char full[256];
    snprintf(full, sizeof full, "%s/%s", path, names[i]);
    if (stat(full, &st) == 0) {
      printf(" %s(%s,%lld)", names[i], S_ISDIR(st.st_mode) ? "dir" : "file",
             S_ISDIR(st.st_mode) ? 0LL : (long long)st.st_size);
    }
    free(names[i]);
  }
  printf("\n");
}

int main(void) {
  FILE *f = fopen("notes.txt", "w");
  if (f == NULL) {
    printf("fopen notes.txt for writing failed: %s\n", strerror(errno));
    return 1;
  }
  for (int i = 1; i <= 5; i++) fprintf(f, "line %d: %s\n", i, i % 2 ? "odd" : "even");
  fclose(f);

  f = fopen("notes.txt", "a");
  fputs("appended line\n", f);
  fclose(f);

  f = fopen("notes.txt", "r");
  char line[128];
  int lines = 0;
  while (fgets(line, sizeof line, f) != NULL) {
    lines++;
    printf("read: %s", line);
  }
  printf("%d lines\n", lines);
  fseek(f, 8, SEEK_SET);
  int c = fgetc(f);
  fseek(f, 0, SEEK_END);
  printf("byte at 8 is '%c', size by ftell %ld\n", c, ftell(f));
  fclose(f);

  /* Binary data round trip: write 4096 bytes, read them back, compare. */
  unsigned char data[4096], back[4096];
  for (int i = 0; i < 4096; i++) data[i] = (unsigned char)(i * 31 + 7);
  f = fopen("data.bin", "wb");
  size_t written = fwrite(data, 1, sizeof data, f);
  fclose(f);
  f = fopen("data.bin", "rb");
  size_t got = fread(back, 1, sizeof back, f);
  fclose(f);
  printf("binary: wrote %zu, read %zu, equal %s\n", written, got, memcmp(data, back, sizeof data) ? "no" : "yes");

  if (mkdir("sub", 0755) != 0) printf("mkdir failed: %s\n", strerror(errno));
  f = fopen("sub/inner.txt", "w");
  fputs("inside\n", f);
  fclose(f);
  list(".");
  list("sub");

  if (rename("notes.txt", "renamed.txt") != 0) printf("rename failed: %s\n", strerror(errno));
  printf("after rename notes.txt %s, renamed.txt %s\n", access("notes.txt", F_OK) == 0 ? "exists" : "is gone",
         access("renamed.txt", F_OK) == 0 ? "exists" : "is gone");
  list(".");

  f = fopen("missing.txt", "r");
  printf("fopen missing.txt: %s (%s)\n", f == NULL ? "NULL" : "opened", f == NULL ? strerror(errno) : "");

  printf("unlink renamed.txt: %d\n", unlink("renamed.txt"));
  printf("unlink data.bin: %d\n", unlink("data.bin"));
  printf("rmdir non-empty sub: %d\n", rmdir("sub"));
  printf("unlink sub/inner.txt: %d\n", unlink("sub/inner.txt"));
  printf("rmdir sub: %d\n", rmdir("sub"));
  list(".");
  return 0;
}
