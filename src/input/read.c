/* read.c: what an INPUT on the command line is (file, directory, URL,
 * standard input) and which reader gets it. */
#include "input.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static int has_ext(const char *name, const char *ext) {
  size_t n = strlen(name), k = strlen(ext);
  return n > k && strcasecmp(name + n - k, ext) == 0;
}

nb_input_kind nb_input_sniff(const char *name, const char *content_type,
                             const char *data, size_t len) {
  if (content_type) {
    if (strstr(content_type, "html"))
      return NB_KIND_HTML;
    if (strstr(content_type, "rss") || strstr(content_type, "atom") ||
        strstr(content_type, "xml"))
      return NB_KIND_FEED;
  }
  if (name) {
    if (has_ext(name, ".html") || has_ext(name, ".htm") || has_ext(name, ".xhtml"))
      return NB_KIND_HTML;
    if (has_ext(name, ".rss") || has_ext(name, ".atom") || has_ext(name, ".xml"))
      return NB_KIND_FEED;
    if (has_ext(name, ".txt") || has_ext(name, ".text"))
      return NB_KIND_TEXT;
  }
  /* Look at the first non-blank bytes. */
  size_t i = 0;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' ||
                     data[i] == '\t'))
    i++;
  size_t n = len - i < 512 ? len - i : 512;
  char head[513];
  memcpy(head, data + i, n);
  head[n] = 0;
  for (size_t k = 0; k < n; k++)
    if (head[k] >= 'A' && head[k] <= 'Z')
      head[k] = (char)(head[k] - 'A' + 'a');
  if (strstr(head, "<rss") || strstr(head, "<feed") || strstr(head, "<rdf:rdf"))
    return NB_KIND_FEED;
  if (strncmp(head, "<!doctype html", 14) == 0 || strstr(head, "<html") ||
      strstr(head, "<head") || strstr(head, "<body") || strstr(head, "<p>") ||
      strstr(head, "<article"))
    return NB_KIND_HTML;
  if (strncmp(head, "<?xml", 5) == 0) {
    /* an XML prolog: a feed if its root says so further on */
    size_t m = len - i < 4096 ? len - i : 4096;
    for (size_t k = 0; k + 5 < m; k++)
      if (data[i + k] == '<' && (strncmp(data + i + k + 1, "rss", 3) == 0 ||
                                 strncmp(data + i + k + 1, "feed", 4) == 0))
        return NB_KIND_FEED;
    return NB_KIND_HTML;
  }
  return NB_KIND_TEXT;
}

static nb_status read_bytes(const char *source, const char *data, size_t len,
                            const char *content_type, const nb_input_opts *o,
                            nb_article_list *out, nb_err *e) {
  if (len == 0)
    return nb_err_set(e, NB_EMPTY, "%s: empty input", source);
  switch (nb_input_sniff(strcmp(source, "-") ? source : NULL, content_type,
                         data, len)) {
  case NB_KIND_HTML: {
    /* "text/html; charset=iso-8859-1" from a server outranks the page's
     * own meta charset (as in browsers) */
    char cs[40] = "";
    const char *p = content_type ? strcasestr(content_type, "charset=") : NULL;
    if (p) {
      p += 8;
      if (*p == '"')
        p++;
      size_t n = strcspn(p, "\"; \t");
      if (n > 0 && n < sizeof cs)
        memcpy(cs, p, n), cs[n] = 0;
    }
    return nb__html_read(source, data, len, cs[0] ? cs : NULL, out, e);
  }
  case NB_KIND_FEED:
    return nb_input_feed(source, data, len, o, out, e);
  case NB_KIND_TEXT:
    break;
  }
  return nb_input_text(source, data, len, out, e);
}

static int article_file(const char *name) {
  return name[0] != '.' &&
         (has_ext(name, ".txt") || has_ext(name, ".html") ||
          has_ext(name, ".htm") || has_ext(name, ".xml") ||
          has_ext(name, ".rss") || has_ext(name, ".atom") ||
          has_ext(name, ".text"));
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static nb_status read_dir(const char *path, const nb_input_opts *o,
                          nb_article_list *out, nb_err *e) {
  DIR *d = opendir(path);
  if (!d)
    return nb_err_set(e, NB_IO, "%s: %s", path, strerror(errno));
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (!article_file(de->d_name))
      continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 16;
      names = nb_xrealloc(names, cap * sizeof *names);
    }
    names[n++] = nb_xstrdup(de->d_name);
  }
  closedir(d);
  if (n > 1)
    qsort(names, n, sizeof *names, cmp_str);
  nb_status st = NB_OK;
  size_t before = out->n, failed = 0;
  nb_err first = {0};
  for (size_t i = 0; i < n; i++) {
    nb_buf p = {0};
    nb_buf_printf(&p, "%s%s%s", path,
                  path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
    nb_err ie = {0};
    if (nb_input_read(p.ptr, o, out, &ie) != NB_OK) {
      /* one bad file in a folder is reported, the others still read */
      nb_diag_printf(o ? o->diag : NULL, NB_WARN, "%s", ie.msg);
      if (!failed++)
        first = ie;
    }
    nb_buf_release(&p);
    free(names[i]);
  }
  free(names);
  if (out->n == before) {
    if (failed)
      st = nb_err_set(e, first.status, "%s", first.msg);
    else
      st = nb_err_set(e, NB_EMPTY, "%s: no articles (.txt, .html, .xml, .rss, .atom) in directory", path);
  }
  return st;
}

nb_status nb_input_read(const char *spec, const nb_input_opts *o,
                        nb_article_list *out, nb_err *e) {
  size_t max = o && o->max_bytes ? o->max_bytes : (size_t)64 << 20;
  if (strncmp(spec, "http://", 7) == 0 || strncmp(spec, "https://", 8) == 0)
    return nb_input_url(spec, o, out, e);
  if (strcmp(spec, "-") != 0) {
    struct stat st;
    if (stat(spec, &st) != 0)
      return nb_err_set(e, NB_IO, "%s: %s", spec, strerror(errno));
    if (S_ISDIR(st.st_mode))
      return read_dir(spec, o, out, e);
  }
  char *data;
  size_t len;
  nb_status st = nb_read_file(spec, max, &data, &len, e);
  if (st)
    return st;
  st = read_bytes(strcmp(spec, "-") ? spec : "-", data, len, NULL, o, out, e);
  free(data);
  return st;
}

nb_status nb__input_bytes(const char *source, const char *data, size_t len,
                          const char *content_type, const nb_input_opts *o,
                          nb_article_list *out, nb_err *e) {
  return read_bytes(source, data, len, content_type, o, out, e);
}

/* ---- the same story twice -------------------------------------------------- */

/* A link without what varies between two copies of one address: scheme,
 * "www.", a fragment, tracking parameters, a trailing slash. */
static char *link_key(const char *link) {
  const char *p = strstr(link, "://");
  p = p ? p + 3 : link;
  if (!strncasecmp(p, "www.", 4))
    p += 4;
  size_t n = strcspn(p, "#");
  const char *q = memchr(p, '?', n);
  if (q && strstr(q, "utm_"))
    n = (size_t)(q - p);
  while (n && p[n - 1] == '/')
    n--;
  char *k = nb_xstrndup(p, n);
  for (char *c = k; *c; c++)
    if (*c >= 'A' && *c <= 'Z')
      *c = (char)(*c - 'A' + 'a');
  return k;
}

/* A lead paragraph's words, lowercased ASCII letters and digits (other
 * bytes kept as they are): in order (flat, one space between them), and
 * sorted and unique (w, pointing into a copy) for a Jaccard similarity. */
typedef struct words {
  char *flat;
  size_t n_flat; /* words in flat */
  char *store;
  char **w;
  size_t n;
} words;

static int cmp_word(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int word_sep(unsigned char c) {
  return c < 128 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                      (c >= 'A' && c <= 'Z'));
}

static words lead_words(const nb_article *a) {
  words r = {0};
  if (!a->n_paras)
    return r;
  nb_buf b = {0};
  for (const char *p = a->paras[0]; *p;) {
    while (*p && word_sep((unsigned char)*p))
      p++;
    if (!*p)
      break;
    if (b.len)
      nb_buf_putc(&b, ' ');
    for (; *p && !word_sep((unsigned char)*p); p++)
      nb_buf_putc(&b, (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p));
    r.n_flat++;
  }
  if (!r.n_flat) {
    nb_buf_release(&b);
    return r;
  }
  r.flat = nb_buf_detach(&b);
  r.store = nb_xstrdup(r.flat);
  r.w = nb_xcalloc(r.n_flat, sizeof *r.w);
  for (char *w = r.store; w; w = strchr(w, ' ')) {
    if (*w == ' ')
      *w++ = 0;
    r.w[r.n++] = w;
  }
  qsort(r.w, r.n, sizeof *r.w, cmp_word);
  size_t o = 1;
  for (size_t i = 1; i < r.n; i++)
    if (strcmp(r.w[i], r.w[o - 1]))
      r.w[o++] = r.w[i];
  r.n = o;
  return r;
}

static void words_free(words *w) {
  free(w->flat);
  free(w->store);
  free(w->w);
}

/* Near-identical leads: at least 8 words, and 85% of the words shared
 * (the same wire story, re-headlined or lightly edited by a second site). */
static int same_lead(const words *a, const words *b) {
  if (a->n < 8 || b->n < 8)
    return 0;
  size_t i = 0, j = 0, both = 0;
  while (i < a->n && j < b->n) {
    int c = strcmp(a->w[i], b->w[j]);
    if (c == 0)
      both++, i++, j++;
    else if (c < 0)
      i++;
    else
      j++;
  }
  size_t uni = a->n + b->n - both;
  return both * 100 >= uni * 85;
}

/* One lead paragraph of at least 8 words is how the other begins: a feed's
 * summary (the first sentence) and the full text it comes from, however
 * long the rest of that paragraph is. */
static int opens_with(const words *a, const words *b) {
  if (a->n_flat < 8 || b->n_flat < 8)
    return 0;
  const words *s = a->n_flat <= b->n_flat ? a : b, *l = s == a ? b : a;
  size_t n = strlen(s->flat);
  return !strncmp(s->flat, l->flat, n) && (!l->flat[n] || l->flat[n] == ' ');
}

/* The same item twice (one feed listing it twice, a page saved twice):
 * the same title and the same first paragraph, however short. */
static int same_item(const nb_article *a, const nb_article *b) {
  return a->title && b->title && a->n_paras && b->n_paras &&
         !strcmp(a->title, b->title) && !strcmp(a->paras[0], b->paras[0]);
}

static size_t body_chars(const nb_article *a) {
  size_t n = 0;
  for (size_t i = 0; i < a->n_paras; i++)
    n += strlen(a->paras[i]);
  return n;
}

void nb_input_dedup_keep(nb_article_list *l, nb_article_list *removed,
                         const nb_diag *d) {
  if (!l || l->n < 2)
    return;
  char **links = nb_xcalloc(l->n, sizeof *links);
  words *leads = nb_xcalloc(l->n, sizeof *leads);
  size_t o = 0;
  for (size_t i = 0; i < l->n; i++) {
    nb_article *a = l->items[i];
    char *lk = a->link ? link_key(a->link) : NULL;
    words w = lead_words(a);
    size_t dup = SIZE_MAX;
    for (size_t k = 0; k < o && dup == SIZE_MAX; k++)
      if ((lk && links[k] && !strcmp(lk, links[k])) ||
          same_lead(&w, &leads[k]) || opens_with(&w, &leads[k]) ||
          same_item(a, l->items[k]))
        dup = k;
    if (dup != SIZE_MAX) {
      nb_diag_printf(d, NB_INFO, "%s: \"%s\" is the same story as in %s, briefed once",
                     a->source, a->title ? a->title : a->n_paras ? a->paras[0] : "",
                     l->items[dup]->source);
      /* the story keeps its first place, with the fuller text of the two
       * (a feed's summary, then the page itself) */
      if (body_chars(a) > body_chars(l->items[dup])) {
        nb_article *t = l->items[dup];
        l->items[dup] = a;
        a = t;
      }
      if (removed)
        nb_article_list_push(removed, a);
      else
        nb_article_free(a);
      free(lk);
      words_free(&w);
      continue;
    }
    links[o] = lk;
    leads[o] = w;
    l->items[o++] = a;
  }
  for (size_t k = 0; k < o; k++) {
    free(links[k]);
    words_free(&leads[k]);
  }
  free(links);
  free(leads);
  l->n = o;
}

void nb_input_dedup(nb_article_list *l, const nb_diag *d) {
  nb_input_dedup_keep(l, NULL, d);
}
