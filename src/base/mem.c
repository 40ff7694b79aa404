/* mem.c: allocation that aborts on exhaustion, growable buffers and arenas.
 * Out of memory is not an input error: like cmark and redis, we stop. */
#include "../nb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

_Noreturn void nb_oom(void) {
  static const char msg[] = "newsbrief: out of memory\n";
  ssize_t r = write(2, msg, sizeof msg - 1);
  (void)r;
  abort();
}

void *nb_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    nb_oom();
  return p;
}

void *nb_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p)
    nb_oom();
  return p;
}

void *nb_xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p)
    nb_oom();
  return p;
}

char *nb_xstrdup(const char *s) {
  return nb_xstrndup(s, strlen(s));
}

char *nb_xstrndup(const char *s, size_t n) {
  char *p = nb_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

/* ---- nb_buf ---- */

static void buf_grow(nb_buf *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap)
    return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + extra + 1)
    cap *= 2;
  b->ptr = nb_xrealloc(b->ptr, cap);
  b->cap = cap;
}

void nb_buf_put(nb_buf *b, const void *p, size_t n) {
  buf_grow(b, n);
  if (n)
    memcpy(b->ptr + b->len, p, n);
  b->len += n;
  b->ptr[b->len] = 0;
}

void nb_buf_puts(nb_buf *b, const char *s) {
  nb_buf_put(b, s, strlen(s));
}

void nb_buf_putc(nb_buf *b, char c) {
  nb_buf_put(b, &c, 1);
}

void nb_buf_printf(nb_buf *b, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n > 0) {
    buf_grow(b, (size_t)n);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap2);
    b->len += (size_t)n;
  }
  va_end(ap2);
}

void nb_buf_clear(nb_buf *b) {
  b->len = 0;
  if (b->ptr)
    b->ptr[0] = 0;
}

void nb_buf_release(nb_buf *b) {
  free(b->ptr);
  b->ptr = NULL;
  b->len = b->cap = 0;
}

char *nb_buf_detach(nb_buf *b) {
  char *p = b->ptr ? b->ptr : nb_xstrdup("");
  b->ptr = NULL;
  b->len = b->cap = 0;
  return p;
}

/* ---- nb_arena: a list of chunks; large requests get a chunk of their own */

typedef struct chunk {
  struct chunk *next;
  size_t used, size;
  max_align_t data[];
} chunk;

struct nb_arena {
  chunk *head;
};

#define CHUNK_SIZE 16384

nb_arena *nb_arena_new(void) {
  return nb_xcalloc(1, sizeof(nb_arena));
}

void nb_arena_free(nb_arena *a) {
  if (!a)
    return;
  chunk *c = a->head;
  while (c) {
    chunk *next = c->next;
    free(c);
    c = next;
  }
  free(a);
}

void *nb_arena_alloc(nb_arena *a, size_t n) {
  const size_t align = sizeof(max_align_t);
  n = (n + align - 1) / align * align;
  if (n == 0)
    n = align;
  chunk *c = a->head;
  if (!c || c->size - c->used < n) {
    size_t size = n > CHUNK_SIZE / 4 ? n : CHUNK_SIZE;
    chunk *nc = nb_xmalloc(sizeof(chunk) + size);
    nc->used = 0;
    nc->size = size;
    if (size == n && c) { /* keep filling the current chunk */
      nc->next = c->next;
      c->next = nc;
    } else {
      nc->next = c;
      a->head = nc;
    }
    c = nc;
  }
  void *p = (char *)c->data + c->used;
  c->used += n;
  memset(p, 0, n);
  return p;
}

char *nb_arena_strndup(nb_arena *a, const char *s, size_t n) {
  char *p = nb_arena_alloc(a, n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *nb_arena_strdup(nb_arena *a, const char *s) {
  return s ? nb_arena_strndup(a, s, strlen(s)) : NULL;
}

char *nb_arena_printf(nb_arena *a, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    n = 0;
  char *p = nb_arena_alloc(a, (size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  return p;
}
