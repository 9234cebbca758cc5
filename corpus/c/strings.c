/* String handling: copying, searching, tokenising, formatting, sorting and case mapping. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The truncating snprintf below is on purpose; GCC would warn about it. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

static void reverse(char *s) {
  size_t n = strlen(s);
  for (size_t i = 0; i < n / 2; i++) {
    char t = s[i];
    s[i] = s[n - 1 - i];
    s[n - 1 - i] = t;
  }
}

static int is_palindrome(const char *s) {
  size_t i = 0, j = strlen(s);
  while (i < j) {
    while (i < j && !isalnum((unsigned char)s[i])) i++;
    while (i < j && !isalnum((unsigned char)s[j - 1])) j--;
    if (i < j && tolower((unsigned char)s[i]) != tolower((unsigned char)s[j - 1])) return 0;
    i++;
    j--;
  }
  return 1;
}

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(void) {
  char buf[128];
  strcpy(buf, "WebAssembly runs C");
  strcat(buf, " on the JVM");
  printf("buf=\"%s\" len=%zu\n", buf, strlen(buf));
  reverse(buf);
  printf("reversed=\"%s\"\n", buf);
  reverse(buf);

  const char *found = strstr(buf, "JVM");
  printf("strstr JVM at %td, strchr 'C' at %td, strrchr 'e' at %td\n", found - buf, strchr(buf, 'C') - buf,
         strrchr(buf, 'e') - buf);
  printf("strcmp(abc,abd)<0: %d, strncmp(abcdef,abcxyz,3)==0: %d\n", strcmp("abc", "abd") < 0,
         strncmp("abcdef", "abcxyz", 3) == 0);

  const char *phrases[] = {"A man, a plan, a canal: Panama", "Never odd or even", "Isola", "racecar", ""};
  for (size_t i = 0; i < sizeof phrases / sizeof *phrases; i++) {
    printf("palindrome(\"%s\") = %s\n", phrases[i], is_palindrome(phrases[i]) ? "yes" : "no");
  }

  /* strtok modifies its input, so tokenise a copy. */
  char sentence[] = "the quick brown fox jumps over the lazy dog";
  char *words[16];
  int nwords = 0;
  for (char *w = strtok(sentence, " "); w != NULL && nwords < 16; w = strtok(NULL, " ")) {
    words[nwords++] = w;
  }
  qsort(words, nwords, sizeof *words, compare_strings);
  printf("%d words sorted:", nwords);
  for (int i = 0; i < nwords; i++) printf(" %s", words[i]);
  printf("\n");

  char upper[64];
  size_t k = 0;
  for (const char *p = "Mixed Case 123!"; *p; p++) upper[k++] = (char)toupper((unsigned char)*p);
  upper[k] = '\0';
  printf("upper=\"%s\"\n", upper);

  char formatted[96];
  int n = snprintf(formatted, sizeof formatted, "[%5d|%-5d|%05d|%x|%X|%o|%c|%10.3s]", 42, 42, 42, 255, 255, 8, 'z',
                   "truncate");
  printf("snprintf wrote %d: %s\n", n, formatted);
  n = snprintf(formatted, 8, "%s", "a string longer than eight");
  printf("truncated snprintf returns %d, holds \"%s\"\n", n, formatted);

  long parsed = strtol("  -12345xyz", NULL, 10);
  unsigned long hex = strtoul("ff", NULL, 16);
  printf("strtol=%ld strtoul(ff,16)=%lu atoi=%d\n", parsed, hex, atoi("987"));

  char *dup = strdup("duplicated");
  memmove(dup + 2, dup, 4);
  printf("memmove overlap: %s\n", dup);
  free(dup);

  /* A checksum over many generated strings keeps string functions busy beyond a few calls. */
  unsigned hash = 2166136261u;
  for (int i = 0; i < 2000; i++) {
    char item[32];
    snprintf(item, sizeof item, "item-%d-%x", i, i * 7919);
    for (const char *p = item; *p; p++) hash = (hash ^ (unsigned char)*p) * 16777619u;
  }
  printf("fnv1a of 2000 formatted items: %08x\n", hash);
  return 0;
}
