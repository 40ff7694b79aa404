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

/* Removes from l the articles that repeat an earlier one (same link; the
 * same lead paragraph once case, punctuation and spacing are ignored, or
 * one that begins with the other; the same title and first paragraph),
 * freeing them; each removal is noted on d at NB_INFO.  The story keeps
 * the earlier place and the fuller text of the two. */
void nb_input_dedup(nb_article_list *l, const nb_diag *d);
/* nb_input_dedup, moving the articles it removes onto removed (when not
 * NULL) instead of freeing them: for a caller that records every story it
 * has seen (drop). */
void nb_input_dedup_keep(nb_article_list *l, nb_article_list *removed,
                         const nb_diag *d);

/* Internal, shared by the readers. */
/* Reads the paragraphs of an HTML fragment (a feed item's content, UTF-8)
 * into a: all of its text blocks, furniture dropped, no body search. */
void nb__html_fragment(nb_article *a, const char *html, size_t len);
/* nb_input_html with the charset an HTTP Content-Type header gave, which
 * overrides the page's own declaration; NULL: the page's, or a guess. */
nb_status nb__html_read(const char *source, const char *data, size_t len,
                        const char *encoding, nb_article_list *out,
                        nb_err *e);
/* The plain text of an HTML snippet (entities decoded, tags dropped), or
 * NULL when it has none; the caller frees it. */
char *nb__html_text(const char *html, size_t len);
/* Normalizes a date as pages and feeds write it (ISO 8601, RFC 822,
 * "March 17, 2023", "17 mars 2023"...) to YYYY-MM-DD; 0 when it cannot. */
int nb__date_iso(const char *s, char out[11]);
/* Fetches url (http/https only) with the limits of o; *data (NUL-terminated,
 * caller frees) and *content_type (caller frees, may be NULL) on success. */
nb_status nb__fetch(const char *url, const nb_input_opts *o, char **data,
                    size_t *len, char **content_type, nb_err *e);

#endif
