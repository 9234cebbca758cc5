/* Recursion: Ackermann, Towers of Hanoi, permutations, N-queens, mutual recursion and a deep call chain. */
#include <stdio.h>
#include <string.h>

static unsigned ackermann(unsigned m, unsigned n) {
  if (m == 0) return n + 1;
  if (n == 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}

static long moves;
static void hanoi(int disks, int from, int to, int via) {
  if (disks == 0) return;
  hanoi(disks - 1, from, via, to);
  moves++;
  if (disks >= 15) printf("move disk %d from %d to %d\n", disks, from, to);
  hanoi(disks - 1, via, to, from);
}

static int permutations;
static void permute(char *s, int k, int n) {
  if (k == n) {
    if (permutations++ < 6) printf("%s ", s);
    return;
  }
  for (int i = k; i < n; i++) {
    char t = s[k];
    s[k] = s[i];
    s[i] = t;
    permute(s, k + 1, n);
    t = s[k];
    s[k] = s[i];
    s[i] = t;
  }
}

static int queens(int n, int row, unsigned cols, unsigned diag1, unsigned diag2) {
  if (row == n) return 1;
  int count = 0;
  for (int c = 0; c < n; c++) {
    unsigned d1 = 1u << (row + c), d2 = 1u << (row - c + n - 1);
    if ((cols & (1u << c)) || (diag1 & d1) || (diag2 & d2)) continue;
    count += queens(n, row + 1, cols | (1u << c), diag1 | d1, diag2 | d2);
  }
  return count;
}

static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

/* noinline keeps the chain as real calls, so the runtime's call stack really gets 5000 frames deep. */
__attribute__((noinline)) static long depth_sum(int n) { return n == 0 ? 0 : n + depth_sum(n - 1); }

static long long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(void) {
  printf("ackermann(2,3)=%u ackermann(3,5)=%u\n", ackermann(2, 3), ackermann(3, 5));
  hanoi(18, 1, 3, 2);
  printf("hanoi(18) took %ld moves\n", moves);
  char letters[] = "abcdef";
  permute(letters, 0, (int)strlen(letters));
  printf("... %d permutations\n", permutations);
  for (int n = 4; n <= 9; n++) printf("queens(%d)=%d\n", n, queens(n, 0, 0, 0, 0));
  printf("is_even(10001)=%d is_odd(7777)=%d\n", is_even(10001), is_odd(7777));
  printf("depth_sum(5000)=%ld\n", depth_sum(5000));
  printf("fib(25)=%lld\n", fib(25));
  return 0;
}
