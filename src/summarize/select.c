/* select.c: the summarizer's entry point.  Finds the lead (the first real
 * news sentences, dateline taken off) and chooses the key quotes a briefing
 * reads: direct, novel, of a length that works aloud, from prominent
 * speakers. */
#include "quotes_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

unsigned char *nb__skip_paras(const nb_article *a) {
  unsigned char *skip = nb_xcalloc(a->n_paras ? a->n_paras : 1, 1);
  int seen_text = 0;
  for (size_t i = 0; i < a->n_paras; i++) {
    const char *p = a->paras[i];
    size_t n = strlen(p);
    if (nb_is_furniture(p)) {
      skip[i] = 1;
      continue;
    }
    /* a title: a first line without terminal punctuation, text after it */
    if (!seen_text && i + 1 < a->n_paras && !nb__ends_sentence(p, n) &&
        nb__count_words(p, n) <= 30) {
      skip[i] = 1;
      continue;
    }
    seen_text = 1;
  }
  return skip;
}

/* Lower-cased words of s, for overlap tests. */
typedef struct wordset {
  char **w;
  size_t n;
} wordset;

static wordset words(const char *s) {
  wordset ws = {0};
  size_t cap = 0, n = strlen(s), i = 0, cl;
  while (i < n) {
    while (i < n && !nb__is_letter_cp(nb__cp_at(s, n, i, &cl)))
      i += cl;
    size_t j = i;
    while (j < n && nb__is_letter_cp(nb__cp_at(s, n, j, &cl)))
      j += cl;
    if (j > i) {
      if (ws.n == cap)
        ws.w = nb_xrealloc(ws.w, (cap = cap ? cap * 2 : 16) * sizeof *ws.w);
      char *w = nb_xstrndup(s + i, j - i);
      for (char *q = w; *q; q++)
        *q = (char)tolower((unsigned char)*q);
      ws.w[ws.n++] = w;
    }
    i = j;
  }
  return ws;
}

static void words_free(wordset *ws) {
  for (size_t i = 0; i < ws->n; i++)
    free(ws->w[i]);
  free(ws->w);
}

static int has_word(const wordset *ws, const char *w) {
  for (size_t i = 0; i < ws->n; i++)
    if (strcmp(ws->w[i], w) == 0)
      return 1;
  return 0;
}

/* Share of a's words found in b (0..100). */
static unsigned overlap(const wordset *a, const wordset *b) {
  if (a->n == 0)
    return 0;
  size_t hit = 0;
  for (size_t i = 0; i < a->n; i++)
    hit += has_word(b, a->w[i]);
  return (unsigned)(hit * 100 / a->n);
}

/* Same opening words: "We do not support calls for a ceasefire ..." twice. */
static int same_opening(const wordset *a, const wordset *b) {
  size_t k = 0;
  while (k < a->n && k < b->n && strcmp(a->w[k], b->w[k]) == 0)
    k++;
  return k >= 4;
}

/* How much of a quote a note shows: about 40 bytes, whole characters. */
static int clip(const char *t) {
  size_t n = strlen(t);
  if (n <= 40)
    return (int)n;
  n = 40;
  while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
    n--;
  return (int)n;
}

static void find_lead(nb_story *s, const unsigned char *skip, unsigned want,
                      const nb_diag *d) {
  const nb_article *a = s->article;
  s->lead = nb_arena_alloc(s->arena, (want ? want : 1) * sizeof *s->lead);
  for (size_t i = 0; i < a->n_paras && s->n_lead < want; i++) {
    if (skip[i])
      continue;
    const char *p = a->paras[i];
    size_t n = strlen(p);
    uint32_t c0 = nb__cp_at(p, n, 0, NULL);
    /* captions without credit start in lower case; titles and labels do
     * not end a sentence */
    if (nb__is_lower_cp(c0) || !nb__ends_sentence(p, n) || p[n - 1] == ':')
      continue;
    size_t off = 0;
    if (s->n_lead == 0) {
      const char *name;
      size_t name_len;
      off = nb_dateline_split(p, &name, &name_len);
      if (off) {
        char *dl = nb_arena_strndup(s->arena, name, name_len);
        /* "WASHINGTON" is spoken as "Washington" */
        int upper = 1;
        for (char *q = dl; *q; q++)
          if (islower((unsigned char)*q))
            upper = 0;
        if (upper)
          for (char *q = dl; *q; q++)
            if (q > dl && isalpha((unsigned char)q[-1]))
              *q = (char)tolower((unsigned char)*q);
        s->dateline = dl;
        nb_diag_printf(d, NB_INFO, "dateline: %s", dl);
      } else if (a->dateline)
        s->dateline = a->dateline;
    }
    nb_sentence *sv;
    size_t ns = nb_sentences(p + off, n - off, &sv);
    for (size_t k = 0; k < ns && s->n_lead < want; k++) {
      s->lead[s->n_lead++] =
          nb_arena_strndup(s->arena, p + off + sv[k].start, sv[k].len);
      nb_diag_printf(d, NB_INFO, "lead: paragraph %zu sentence %zu", i + 1,
                     k + 1);
    }
    free(sv);
  }
}

static void choose_key(nb_story *s, const nb_summary_opts *o) {
  const nb_diag *d = o->diag;
  unsigned max = o->max_quotes;
  s->key = nb_arena_alloc(s->arena, (s->n_quotes + 1) * sizeof *s->key);
  if (max == 0 || s->n_quotes == 0)
    return;
  nb_buf lb = {0};
  for (size_t i = 0; i < s->n_lead; i++) {
    nb_buf_puts(&lb, s->lead[i]);
    nb_buf_putc(&lb, ' ');
  }
  wordset lead = words(lb.ptr ? lb.ptr : "");
  nb_buf_release(&lb);
  size_t n = s->n_quotes;
  wordset *ws = nb_xcalloc(n, sizeof *ws);
  int *ok = nb_xcalloc(n, sizeof *ok);
  long *score = nb_xcalloc(n, sizeof *score);
  size_t candidates = 0;
  for (size_t i = 0; i < n; i++) {
    const nb_quote *q = &s->quotes[i];
    if (q->kind != NB_QUOTE_DIRECT)
      continue;
    /* a briefing reads a few quotes: the first hundred direct ones are
     * candidates enough, and keep the pairwise tests cheap */
    if (++candidates > 100)
      break;
    ws[i] = words(q->text);
    if (ws[i].n < 6) {
      nb_diag_printf(d, NB_INFO, "quote %zu (\"%.*s\") dropped: too short to read (%zu words)",
                     i + 1, clip(q->text), q->text, ws[i].n);
      continue;
    }
    if (ws[i].n > 60) {
      nb_diag_printf(d, NB_INFO, "quote %zu (\"%.*s\") dropped: too long to read (%zu words)",
                     i + 1, clip(q->text), q->text, ws[i].n);
      continue;
    }
    if (overlap(&ws[i], &lead) > 60) {
      nb_diag_printf(d, NB_INFO, "quote %zu (\"%.*s\") dropped: repeats the lead",
                     i + 1, clip(q->text), q->text);
      continue;
    }
    int dup = 0;
    for (size_t j = 0; j < i && !dup; j++)
      if (ok[j] && (same_opening(&ws[i], &ws[j]) || overlap(&ws[i], &ws[j]) > 60)) {
        nb_diag_printf(d, NB_INFO, "quote %zu (\"%.*s\") dropped: repeats quote %zu",
                       i + 1, clip(q->text), q->text, j + 1);
        dup = 1;
      }
    if (dup)
      continue;
    ok[i] = 1;
    /* prominence: a named speaker, quoted more often, earlier */
    long sc = 0;
    if (q->speaker) {
      sc += 1000;
      if (strchr(q->speaker, ' ') && isupper((unsigned char)q->speaker[0]))
        sc += 500;
      for (size_t j = 0; j < n && j < 1000; j++)
        if (s->quotes[j].speaker && s->quotes[j].kind != NB_QUOTE_PARTIAL &&
            strcmp(s->quotes[j].speaker, q->speaker) == 0)
          sc += 100;
    }
    sc -= (long)i;
    score[i] = sc;
  }
  /* the best max, kept in article order */
  int *pick = nb_xcalloc(n, sizeof *pick);
  for (unsigned k = 0; k < max; k++) {
    long best = -1;
    for (size_t i = 0; i < n; i++)
      if (ok[i] && !pick[i] && (best < 0 || score[i] > score[best]))
        best = (long)i;
    if (best < 0)
      break;
    pick[best] = 1;
  }
  for (size_t i = 0; i < n; i++)
    if (pick[i]) {
      s->key[s->n_key++] = i;
      nb_diag_printf(d, NB_INFO, "key quote: quote %zu (\"%.*s\", %s)", i + 1,
                     clip(s->quotes[i].text), s->quotes[i].text,
                     s->quotes[i].speaker ? s->quotes[i].speaker : "no speaker");
    } else if (ok[i])
      nb_diag_printf(d, NB_INFO, "quote %zu not chosen: %u key quotes at most",
                     i + 1, max);
  for (size_t i = 0; i < n; i++)
    words_free(&ws[i]);
  words_free(&lead);
  free(ws);
  free(ok);
  free(score);
  free(pick);
}

nb_story *nb_summarize(const nb_article *a, const nb_summary_opts *o) {
  nb_summary_opts def = {1, 2, NULL};
  if (!o)
    o = &def;
  nb_story *s = nb_xcalloc(1, sizeof *s);
  s->article = a;
  s->arena = nb_arena_new();
  if (!a) {
    s->lead = nb_arena_alloc(s->arena, sizeof *s->lead);
    s->key = nb_arena_alloc(s->arena, sizeof *s->key);
    return s;
  }
  unsigned char *skip = nb__skip_paras(a);
  for (size_t i = 0; i < a->n_paras; i++)
    if (skip[i])
      nb_diag_printf(o->diag, NB_INFO, "paragraph %zu skipped: not news text",
                     i + 1);
  find_lead(s, skip, o->lead_sentences, o->diag);
  nb__find_quotes(s, skip, o->diag);
  choose_key(s, o);
  free(skip);
  return s;
}

void nb_story_free(nb_story *s) {
  if (!s)
    return;
  free(s->quotes);
  nb_arena_free(s->arena);
  free(s);
}

size_t nb_story_words(const nb_story *st) {
  size_t n = 4; /* transition and dateline */
  for (size_t i = 0; i < st->n_lead; i++)
    n += nb__count_words(st->lead[i], strlen(st->lead[i]));
  for (size_t i = 0; i < st->n_key; i++)
    n += nb__count_words(st->quotes[st->key[i]].text,
                          strlen(st->quotes[st->key[i]].text)) +
         5;
  return n;
}
