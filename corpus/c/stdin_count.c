/* Standard input: counts lines, words and bytes like wc, and finds the longest line. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  long lines = 0, words = 0, bytes = 0, longest = 0, current = 0;
  int in_word = 0, c;
  char longest_text[256] = "", current_text[256];
  while ((c = getchar()) != EOF) {
    bytes++;
    if (c == '\n') {
      lines++;
      current_text[current < 255 ? current : 255] = '\0';
      if (current > longest) {
        longest = current;
        strcpy(longest_text, current_text);
      }
      current = 0;
    } else {
      if (current < 255) current_text[current] = (char)c;
      current++;
    }
    if (isspace(c)) {
      in_word = 0;
    } else if (!in_word) {
      in_word = 1;
      words++;
    }
  }
  printf("%ld lines, %ld words, %ld bytes\n", lines, words, bytes);
  printf("longest line (%ld bytes): %s\n", longest, longest_text);
  return lines == 0 ? 2 : 0;
}
