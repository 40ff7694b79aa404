/* text.c: the plain-text reader.  Paragraphs are separated by blank lines;
 * inside a block, lines are paragraphs of their own (wire copy, one per
 * line) unless the block is hard-wrapped prose, which is joined. */
#include "input.h"

#include <stdlib.h>
#include <string.h>

/* A block is hard-wrapped when every line but the last is of similar,
 * medium length (as an editor wraps at 72 or 80 columns) and does not end
 * a sentence on its own more often than not. */
static int block_is_wrapped(const char *p, size_t n) {
  size_t lines = 0, wrapped = 0, start = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i == n || p[i] == '\n') {
      size_t len = i - start;
      if (i < n) { /* not the last line */
        lines++;
        char last = len ? p[start + len - 1] : 0;
        if (len >= 40 && len <= 100 && last != '.' && last != '"' &&
            last != '?' && last != '!' && last != ':')
          wrapped++;
        else if (len >= 60 && len <= 100)
          wrapped++; /* a sentence may end right at the margin */
      }
      start = i + 1;
    }
  }
  return lines > 0 && wrapped * 10 >= lines * 8;
}

static void add_block(nb_article *a, const char *p, size_t n) {
  if (block_is_wrapped(p, n)) {
    nb_article_add_para(a, p, n);
    return;
  }
  size_t start = 0;
  for (size_t i = 0; i <= n; i++)
    if (i == n || p[i] == '\n') {
      nb_article_add_para(a, p + start, i - start);
      start = i + 1;
    }
}

static int blank_line(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
      return 0;
  return 1;
}

nb_status nb_input_text(const char *source, const char *data, size_t len,
                        nb_article_list *out, nb_err *e) {
  size_t bad;
  if (!nb_utf8_valid(data, len, &bad))
    return nb_err_set(e, NB_PARSE, "%s: invalid UTF-8 at byte %zu", source,
                      bad);
  if (memchr(data, 0, len))
    return nb_err_set(e, NB_PARSE, "%s: binary data (NUL byte at %zu)",
                      source, (size_t)((const char *)memchr(data, 0, len) - data));
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, len -= 3;
  nb_article *a = nb_article_new(source);
  /* Walk lines; a blank line ends a block. */
  size_t block = 0, i = 0;
  while (i <= len) {
    size_t eol = i;
    while (eol < len && data[eol] != '\n')
      eol++;
    if (eol >= len || blank_line(data + i, eol - i)) {
      size_t end = eol >= len && !blank_line(data + i, eol - i) ? len : i;
      if (end > block)
        add_block(a, data + block, end - block - (end > block && data[end - 1] == '\n'));
      block = eol + 1;
    }
    i = eol + 1;
  }
  if (a->n_paras == 0) {
    nb_article_free(a);
    return nb_err_set(e, NB_EMPTY, "%s: no article text found", source);
  }
  nb_article_list_push(out, a);
  return NB_OK;
}
