/* sum.h: helpers shared by the summarizer's files (sentences, lead, quotes,
 * selection); internal to src/summarize. */
#ifndef NB_SUM_H
#define NB_SUM_H

#include "summarize.h"

#include <stddef.h>
#include <stdint.h>

/* Code point at p[i] (0 at or past n) and its length in *cl. */
uint32_t nb__cp_at(const char *p, size_t n, size_t i, size_t *cl);
/* Code point ending just before p[i] (0 at the start); *cl its length. */
uint32_t nb__cp_before(const char *p, size_t i, size_t *cl);
int nb__is_space_cp(uint32_t c);
int nb__is_letter_cp(uint32_t c); /* letters and digits, any script */
int nb__is_upper_cp(uint32_t c);
int nb__is_lower_cp(uint32_t c);
int nb__is_dash_cp(uint32_t c);
/* Opening or closing quotation marks of any style (straight ones too). */
int nb__is_quote_cp(uint32_t c);

/* Case-insensitive: s[0..n) equals the NUL-terminated word w. */
int nb__word_eq(const char *s, size_t n, const char *w);
/* 1 when the n bytes at s spell a word from the NULL-terminated list. */
int nb__word_in(const char *s, size_t n, const char *const *list);

/* Words that usually open a sentence (The, He, But...): after "U.S." or
 * "Inc." they tell that the full stop also ended the sentence. */
int nb__sentence_opener(const char *s, size_t n);

/* 1 when the full stop at p[i] ends an abbreviation that never ends a
 * clause inside a sentence: a title ("Dr."), an initial, a dotted acronym
 * ("U.S.").  p[0..i) must hold the word before it. */
int nb__abbrev_stop(const char *p, size_t i);

/* Counts words (runs of letters/digits) in p[0..n). */
size_t nb__count_words(const char *p, size_t n);

/* Title-like lines: no terminal punctuation (". ! ? : ” ...") at the end. */
int nb__ends_sentence(const char *p, size_t n);

#endif
