/* model.c: the article list that every reader returns, and the names of the
 * model's enumerations as they appear in JSON and on the command line. */
#include "../nb.h"

#include <stdlib.h>
#include <string.h>

nb_article *nb_article_new(const char *source) {
  nb_article *a = nb_xcalloc(1, sizeof *a);
  a->arena = nb_arena_new();
  a->source = nb_arena_strdup(a->arena, source ? source : "-");
  return a;
}

void nb_article_free(nb_article *a) {
  if (!a)
    return;
  free(a->paras);
  nb_arena_free(a->arena);
  free(a);
}

static int is_space_at(const unsigned char *s, size_t n, size_t i,
                       size_t *len) {
  unsigned c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
      c == '\v') {
    *len = 1;
    return 1;
  }
  /* U+00A0 no-break space, U+2002..U+200A, U+202F, U+3000 */
  if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {
    *len = 2;
    return 1;
  }
  if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
      ((s[i + 2] >= 0x82 && s[i + 2] <= 0x8A) || s[i + 2] == 0xAF)) {
    *len = 3;
    return 1;
  }
  if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x80) {
    *len = 3;
    return 1;
  }
  return 0;
}

/* Copies p[0..n) into the arena as clean text: runs of white space folded
 * to one space and trimmed, control characters (C0, DEL, C1: 0x01 starts an
 * eSpeak embedded command, and none belongs in a transcript or XML) and
 * byte-order marks dropped.  Every string an article holds comes through
 * here, so no later stage meets a control byte. */
static char *clean(nb_arena *arena, const char *p, size_t n, size_t *out_len) {
  const unsigned char *s = (const unsigned char *)p;
  char *out = nb_arena_alloc(arena, n + 1);
  size_t o = 0, sl;
  int pending_space = 0;
  for (size_t i = 0; i < n;) {
    if (is_space_at(s, n, i, &sl)) {
      pending_space = o > 0;
      i += sl;
      continue;
    }
    if (s[i] < 0x20 || s[i] == 0x7F) {
      i++;
      continue;
    }
    /* U+0080..U+009F (C1 controls), U+FEFF byte-order mark */
    if ((s[i] == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F)) {
      i += 2;
      continue;
    }
    if (s[i] == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF) {
      i += 3;
      continue;
    }
    if (pending_space)
      out[o++] = ' ';
    pending_space = 0;
    out[o++] = (char)s[i++];
  }
  out[o] = 0;
  *out_len = o;
  return out;
}

void nb_article_add_para(nb_article *a, const char *p, size_t n) {
  size_t len;
  char *out = clean(a->arena, p, n, &len);
  if (len == 0)
    return;
  if (a->n_paras == a->cap_paras) {
    a->cap_paras = a->cap_paras ? a->cap_paras * 2 : 16;
    a->paras = nb_xrealloc(a->paras, a->cap_paras * sizeof *a->paras);
  }
  a->paras[a->n_paras++] = out;
}

const char *nb_article_str(nb_article *a, const char *s) {
  if (!s)
    return NULL;
  size_t len;
  return clean(a->arena, s, strlen(s), &len);
}

void nb_article_list_push(nb_article_list *l, nb_article *a) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 8;
    l->items = nb_xrealloc(l->items, l->cap * sizeof *l->items);
  }
  l->items[l->n++] = a;
}

void nb_article_list_release(nb_article_list *l) {
  for (size_t i = 0; i < l->n; i++)
    nb_article_free(l->items[i]);
  free(l->items);
  l->items = NULL;
  l->n = l->cap = 0;
}

const char *nb_quote_kind_name(nb_quote_kind k) {
  switch (k) {
  case NB_QUOTE_DIRECT:
    return "direct";
  case NB_QUOTE_PARTIAL:
    return "partial";
  case NB_QUOTE_INDIRECT:
    return "indirect";
  }
  return "direct";
}

const char *nb_role_name(nb_role r) {
  static const char *names[NB_ROLE_COUNT] = {
      "intro",       "headline", "lead",       "body",
      "attribution", "quote",    "transition", "outro"};
  return r < NB_ROLE_COUNT ? names[r] : "body";
}
