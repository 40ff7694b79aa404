/* summarize.h: from an article to a story: sentences, the lead, quotes and
 * their speakers, and the key quotes a briefing reads.  libc only. */
#ifndef NB_SUMMARIZE_H
#define NB_SUMMARIZE_H

#include "nb.h"

typedef struct nb_summary_opts {
  unsigned lead_sentences; /* default 1 */
  unsigned max_quotes;     /* key quotes per story, default 2 */
  const nb_diag *diag;     /* NB_INFO notes explain decisions (--verbose) */
} nb_summary_opts;

/* Summarizes one article.  Never fails on any input (an article with no
 * sentence gives a story with n_lead == 0).  The story borrows the article;
 * free it with nb_story_free before the article. */
nb_story *nb_summarize(const nb_article *a, const nb_summary_opts *o);
void nb_story_free(nb_story *s);

/* Words the story adds to a briefing when read: lead, key quotes and their
 * attributions (about five words each), a transition.  For fitting a
 * briefing to a length: minutes = words / the narrator's words per minute. */
size_t nb_story_words(const nb_story *st);

/* A sentence as a byte span of the text it was split from. */
typedef struct nb_sentence {
  size_t start, len;
} nb_sentence;
/* Splits text into sentences (surviving "Mr.", "U.S.", "Dr.", "3.5", quotes
 * that close after the full stop).  Returns the count; *out is malloc'ed and
 * the caller frees it. */
size_t nb_sentences(const char *text, size_t len, nb_sentence **out);

/* When para opens with a dateline ("Washington:", "WASHINGTON (AP) —",
 * "LONDON, March 3 (Reuters) -"), returns the offset where the news text
 * starts and sets *name and *name_len to the place as written ("Washington"); else 0. */
size_t nb_dateline_split(const char *para, const char **name,
                         size_t *name_len);

/* 1 when a paragraph is site furniture that is never spoken: "Also read:
 * ...", "Image: ...", "Advertisement", "Share this article", bylines... */
int nb_is_furniture(const char *para);

#endif
