/* nbfuzz.h: the fuzz targets' entry points and the invariant checks they
 * share.  Each nb_fuzz_X runs one stage on arbitrary bytes and aborts (via
 * nb_fuzz_fail) when an invariant breaks; the libFuzzer wrapper (entry.c),
 * the folder replayer (replay.c) and the ctest regression test
 * (tests/unit/test_fuzz_regressions.c) all call the same functions. */
#ifndef NB_FUZZ_H
#define NB_FUZZ_H

#include "nb.h"

#include <stddef.h>
#include <stdint.h>

/* The targets: each returns 0 (libFuzzer's convention). */
int nb_fuzz_text(const uint8_t *data, size_t size);
int nb_fuzz_html(const uint8_t *data, size_t size);
int nb_fuzz_feed(const uint8_t *data, size_t size);
int nb_fuzz_summarize(const uint8_t *data, size_t size);
int nb_fuzz_speakable(const uint8_t *data, size_t size);

/* Reports a broken invariant on standard error and aborts, so that
 * libFuzzer saves the input and a replay fails loudly. */
_Noreturn void nb_fuzz_fail(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* 1 when NB_FUZZ_KNOWN (a comma-separated list) names bug: checks for
 * known, reported bugs can be set aside during a long run. */
int nb_fuzz_known(const char *bug);

/* Text checks.  `what` names the string in the failure message. */
/* Valid UTF-8, no C0 control (newline and tab included), no DEL, no C1
 * control (U+0080..U+009F). */
void nb_fuzz_check_clean(const char *what, const char *s, size_t n);
/* nb_fuzz_check_clean, plus: not empty, no leading, trailing or doubled
 * space (what nb_article_add_para promises). */
void nb_fuzz_check_para(const char *what, const char *s);

/* Model checks. */
void nb_fuzz_check_article(const nb_article *a);
void nb_fuzz_check_list(const nb_article_list *l);
/* max_lead and max_quotes are the options the story was made with. */
void nb_fuzz_check_story(const nb_story *s, const nb_article *a,
                         unsigned max_lead, unsigned max_quotes);
void nb_fuzz_check_script(const nb_script *s, size_t n_stories);
/* SSML parses back as XML with libxml2 (no network, no entity
 * substitution), its root is <speak>, and every element is one that
 * nb_script_ssml writes (so article text never became markup). */
void nb_fuzz_check_ssml(const char *xml, size_t len);

#endif
