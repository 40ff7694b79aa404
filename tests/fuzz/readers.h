/* readers.h: the part the three reader targets share: run a reader on an
 * exact-size copy of the input (so AddressSanitizer sees any read past the
 * end; the readers take a length, not a NUL-terminated string) and check
 * what it returned.  Included by fuzz_text.c, fuzz_html.c and fuzz_feed.c. */
#ifndef NB_FUZZ_READERS_H
#define NB_FUZZ_READERS_H

#include "nbfuzz.h"
#include "input/input.h"

#include <stdlib.h>
#include <string.h>

typedef nb_status (*nb_fuzz_reader)(const char *source, const char *data,
                                    size_t len, nb_article_list *out,
                                    nb_err *e);

/* An error is one line that names the input; success gives at least one
 * article, each of which passes nb_fuzz_check_article. */
static inline void nb_fuzz_check_result(const char *source, nb_status st,
                                        const nb_err *e,
                                        const nb_article_list *l) {
  if (st != NB_OK) {
    if (e->status != st)
      nb_fuzz_fail("%s: returned status %d but set %d", source, (int)st,
                   (int)e->status);
    if (strncmp(e->msg, source, strlen(source)) != 0)
      nb_fuzz_fail("%s: error does not name the input: '%s'", source,
                   e->msg);
    if (strchr(e->msg, '\n') && !nb_fuzz_known("multiline"))
      nb_fuzz_fail("%s: error message spans lines: '%s'", source, e->msg);
    if (l->n != 0)
      nb_fuzz_fail("%s: failed but appended %zu articles", source, l->n);
    return;
  }
  if (l->n == 0)
    nb_fuzz_fail("%s: succeeded with no article", source);
  nb_fuzz_check_list(l);
}

static inline void nb_fuzz_run_reader(const char *source, nb_fuzz_reader r,
                                      const uint8_t *data, size_t size) {
  char *copy = malloc(size ? size : 1);
  if (!copy)
    return;
  if (size)
    memcpy(copy, data, size);
  nb_article_list l = {0};
  nb_err e = {0};
  nb_status st = r(source, copy, size, &l, &e);
  nb_fuzz_check_result(source, st, &e, &l);
  nb_article_list_release(&l);
  free(copy);
}

#endif
