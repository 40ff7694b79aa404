/* input.h: the readers.  Every reader turns bytes into articles and appends
 * them to an nb_article_list: a text file or an HTML page is a feed of one. */
#ifndef NB_INPUT_H
#define NB_INPUT_H

#include "nb.h"

typedef struct nb_input_opts {
  size_t max_bytes;    /* refuse larger inputs; 0 = 64 MB */
  int follow_links;    /* feeds: fetch each item's linked page for full text */
  long timeout_s;      /* URLs: whole-transfer time limit; 0 = 30 s */
  const nb_diag *diag; /* warnings: a failing item, a skipped file */
} nb_input_opts;

/* Reads one INPUT as given on the command line: a file (kind from the
 * extension or sniffed from content), a directory (its article files in name
 * order), an http(s):// URL, or "-" for standard input.  Appends one article
 * per story to out.  Errors name the input. */
nb_status nb_input_read(const char *spec, const nb_input_opts *o,
                        nb_article_list *out, nb_err *e);

/* The readers, on bytes already in memory.  source names the input in
 * messages and in article->source. */
nb_status nb_input_text(const char *source, const char *data, size_t len,
                        nb_article_list *out, nb_err *e);
nb_status nb_input_html(const char *source, const char *data, size_t len,
                        nb_article_list *out, nb_err *e);
nb_status nb_input_feed(const char *source, const char *data, size_t len,
                        const nb_input_opts *o, nb_article_list *out,
                        nb_err *e);

/* Fetches an http(s) URL with libcurl (time limit, size cap, redirect limit,
 * gzip, a User-Agent naming newsbrief) and reads what comes back. */
nb_status nb_input_url(const char *url, const nb_input_opts *o,
                       nb_article_list *out, nb_err *e);

/* Internal: reads bytes fetched from somewhere (a URL, a feed's linked
 * page) with the reader the name, Content-Type or content calls for. */
nb_status nb__input_bytes(const char *source, const char *data, size_t len,
                          const char *content_type, const nb_input_opts *o,
                          nb_article_list *out, nb_err *e);

typedef enum nb_input_kind {
  NB_KIND_TEXT,
  NB_KIND_HTML,
  NB_KIND_FEED
} nb_input_kind;
/* Decides a kind from a name (may be NULL), a Content-Type (may be NULL) and
 * the first bytes. */
nb_input_kind nb_input_sniff(const char *name, const char *content_type,
                             const char *data, size_t len);

#endif
