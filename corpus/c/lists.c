/* malloc-heavy code: a singly linked list (built, reversed, merge-sorted, freed) and a growing hash table. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
  int value;
  struct node *next;
};

static struct node *push(struct node *head, int value) {
  struct node *n = malloc(sizeof *n);
  if (n == NULL) abort();
  n->value = value;
  n->next = head;
  return n;
}

static struct node *reverse(struct node *head) {
  struct node *prev = NULL;
  while (head != NULL) {
    struct node *next = head->next;
    head->next = prev;
    prev = head;
    head = next;
  }
  return prev;
}

static struct node *merge(struct node *a, struct node *b) {
  struct node head = {0, NULL}, *tail = &head;
  while (a != NULL && b != NULL) {
    if (a->value <= b->value) {
      tail->next = a;
      a = a->next;
    } else {
      tail->next = b;
      b = b->next;
    }
    tail = tail->next;
  }
  tail->next = a != NULL ? a : b;
  return head.next;
}

static struct node *merge_sort(struct node *head) {
  if (head == NULL || head->next == NULL) return head;
  struct node *slow = head, *fast = head->next;
  while (fast != NULL && fast->next != NULL) {
    slow = slow->next;
    fast = fast->next->next;
  }
  struct node *second = slow->next;
  slow->next = NULL;
  return merge(merge_sort(head), merge_sort(second));
}

static void free_list(struct node *head) {
  while (head != NULL) {
    struct node *next = head->next;
    free(head);
    head = next;
  }
}

/* A string -> int hash table with separate chaining that doubles when its load factor passes 3/4. */
struct entry {
  char *key;
  int value;
  struct entry *next;
};

struct table {
  struct entry **buckets;
  size_t size, count;
};

static uint32_t hash(const char *s) {
  uint32_t h = 2166136261u;
  while (*s) h = (h ^ (unsigned char)*s++) * 16777619u;
  return h;
}

static void grow(struct table *t) {
  size_t size = t->size * 2;
  struct entry **buckets = calloc(size, sizeof *buckets);
  if (buckets == NULL) abort();
  for (size_t i = 0; i < t->size; i++) {
    for (struct entry *e = t->buckets[i], *next; e != NULL; e = next) {
      next = e->next;
      size_t b = hash(e->key) & (size - 1);
      e->next = buckets[b];
      buckets[b] = e;
    }
  }
  free(t->buckets);
  t->buckets = buckets;
  t->size = size;
}

static void put(struct table *t, const char *key, int value) {
  size_t b = hash(key) & (t->size - 1);
  for (struct entry *e = t->buckets[b]; e != NULL; e = e->next) {
    if (strcmp(e->key, key) == 0) {
      e->value = value;
      return;
    }
  }
  struct entry *e = malloc(sizeof *e);
  if (e == NULL) abort();
  e->key = strdup(key);
  e->value = value;
  e->next = t->buckets[b];
  t->buckets[b] = e;
  if (++t->count * 4 > t->size * 3) grow(t);
}

static int *get(struct table *t, const char *key) {
  for (struct entry *e = t->buckets[hash(key) & (t->size - 1)]; e != NULL; e = e->next) {
    if (strcmp(e->key, key) == 0) return &e->value;
  }
  return NULL;
}

static int remove_key(struct table *t, const char *key) {
  struct entry **link = &t->buckets[hash(key) & (t->size - 1)];
  for (; *link != NULL; link = &(*link)->next) {
    if (strcmp((*link)->key, key) == 0) {
      struct entry *e = *link;
      *link = e->next;
      free(e->key);
      free(e);
      t->count--;
      return 1;
    }
  }
  return 0;
}

int main(void) {
  struct node *list = NULL;
  uint32_t seed = 12345;
  for (int i = 0; i < 20000; i++) {
    seed = seed * 1103515245u + 12345u;
    list = push(list, (int)((seed >> 8) % 100000));
  }
  list = reverse(list);
  printf("first values: %d %d %d\n", list->value, list->next->value, list->next->next->value);
  list = merge_sort(list);
  int sorted = 1, count = 0;
  long long sum = 0;
  for (struct node *n = list; n != NULL; n = n->next) {
    count++;
    sum += n->value;
    if (n->next != NULL && n->next->value < n->value) sorted = 0;
  }
  printf("list: %d nodes, sum %lld, sorted %s, min %d\n", count, sum, sorted ? "yes" : "no", list->value);
  free_list(list);

  struct table t = {calloc(8, sizeof(struct entry *)), 8, 0};
  char key[32];
  for (int i = 0; i < 5000; i++) {
    snprintf(key, sizeof key, "key%d", i);
    put(&t, key, i * i);
  }
  for (int i = 0; i < 5000; i += 3) {
    snprintf(key, sizeof key, "key%d", i);
    remove_key(&t, key);
  }
  for (int i = 1; i < 5000; i += 3) {
    snprintf(key, sizeof key, "key%d", i);
    int *v = get(&t, key);
    *v = -*v;
  }
  long long total = 0;
  size_t longest = 0, used = 0;
  for (size_t b = 0; b < t.size; b++) {
    size_t chain = 0;
    for (struct entry *e = t.buckets[b]; e != NULL; e = e->next) {
      total += e->value;
      chain++;
    }
    if (chain > 0) used++;
    if (chain > longest) longest = chain;
  }
  printf("table: %zu entries in %zu buckets (%zu used, longest chain %zu), value sum %lld\n", t.count, t.size,
         used, longest, total);
  printf("get(key4)=%d get(key3)=%s get(key4999)=%d\n", *get(&t, "key4"), get(&t, "key3") ? "present" : "absent",
         *get(&t, "key4999"));

  /* Many allocations of varied sizes, freed in a scrambled order, to exercise the allocator's reuse. */
  void *blocks[1000];
  size_t bytes = 0;
  for (int round = 0; round < 20; round++) {
    for (int i = 0; i < 1000; i++) {
      size_t size = (size_t)((i * 37 + round * 11) % 2000) + 1;
      blocks[i] = malloc(size);
      if (blocks[i] == NULL) abort();
      memset(blocks[i], i & 0xff, size);
      bytes += size;
    }
    for (int i = 0; i < 1000; i++) free(blocks[(i * 7) % 1000]);
  }
  printf("allocated and freed %zu bytes in 20000 blocks\n", bytes);
  return 0;
}
