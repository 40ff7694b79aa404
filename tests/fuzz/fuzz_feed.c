/* fuzz_feed.c: the RSS/Atom reader on arbitrary bytes, never following
 * links (the fuzzer runs offline), then dedup over what it read. */
#include "readers.h"

static nb_status read_feed(const char *source, const char *data, size_t len,
                           nb_article_list *out, nb_err *e) {
  nb_input_opts o = {0};
  o.follow_links = 0;
  return nb_input_feed(source, data, len, &o, out, e);
}

int nb_fuzz_feed(const uint8_t *data, size_t size) {
  char *copy = malloc(size ? size : 1);
  if (!copy)
    return 0;
  if (size)
    memcpy(copy, data, size);
  nb_article_list l = {0};
  nb_err e = {0};
  nb_status st = read_feed("fuzz.xml", copy, size, &l, &e);
  nb_fuzz_check_result("fuzz.xml", st, &e, &l);
  if (st == NB_OK) {
    size_t before = l.n;
    nb_input_dedup(&l, NULL);
    if (l.n == 0 || l.n > before)
      nb_fuzz_fail("dedup: %zu articles became %zu", before, l.n);
    nb_fuzz_check_list(&l);
  }
  nb_article_list_release(&l);
  free(copy);
  return 0;
}
