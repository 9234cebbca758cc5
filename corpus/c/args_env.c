/* argv and the environment: prints every argument and every variable (sorted), and looks some up. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static int compare(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  /* argv[0] differs between runs (the wasm file's name, the native binary's path), so it is not printed. */
  printf("argc=%d\n", argc);
  for (int i = 1; i < argc; i++) printf("argv[%d]=\"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));

  int count = 0;
  for (char **e = environ; *e != NULL; e++) count++;
  char **sorted = malloc((count + 1) * sizeof *sorted);
  memcpy(sorted, environ, count * sizeof *sorted);
  qsort(sorted, count, sizeof *sorted, compare);
  printf("%d environment variables\n", count);
  for (int i = 0; i < count; i++) printf("env %s\n", sorted[i]);
  free(sorted);

  const char *greeting = getenv("GREETING");
  printf("GREETING=%s\n", greeting != NULL ? greeting : "(unset)");
  printf("NOT_SET=%s\n", getenv("NOT_SET") != NULL ? "set" : "(unset)");
  setenv("LATER", "set by the program", 1);
  printf("LATER=%s\n", getenv("LATER"));
  return 0;
}
