/* quotes_int.h: the cast of speakers and the quote finder, shared by
 * quotes.c, speakers.c and select.c; internal to src/summarize. */
#ifndef NB_QUOTES_INT_H
#define NB_QUOTES_INT_H

#include "sum.h"

typedef enum nb__ekind { NB__PERSON, NB__ORG, NB__ROLE } nb__ekind;

typedef struct nb__entity {
  const char *name;        /* canonical */
  const char *description; /* or NULL */
  const char *head;        /* role noun of an unnamed entity */
  nb__ekind kind;
  int indefinite;
  int gender; /* 0 unknown, 1 he, 2 she: from titles and resolved pronouns */
  int one_person; /* a role that is one person ("the owner of the boat, who
                     ...", "a spokeswoman"): "he"/"she" may go to it */
  long alias; /* merged into this entity, or -1 */
  size_t id, last;
} nb__entity;

typedef struct nb__cast {
  nb__entity *e;
  size_t n, cap, clock;
  struct {
    const char *abbr, *full;
  } acr[32];
  size_t n_acr;
  nb_arena *arena;
} nb__cast;

int nb__reporting_verb(const char *w, size_t n);
void nb__cast_acronyms(nb__cast *c, const char *text);
nb__entity *nb__cast_resolve(nb__cast *c, const char *m, size_t mn,
                             const char *desc, size_t dn);
void nb__cast_merge_roles(nb__cast *c);
/* The subject pronoun a mention comes down to ("she", "Last week she"),
 * *n its length; NULL for none. */
const char *nb__mention_pronoun(const char *m, size_t mn, size_t *n);
/* 1 when the words hold a finite verb or a conjunction in lower case
 * ("The storm will weaken by Tuesday"): a clause, not a noun phrase. */
int nb__is_clause(const char *m, size_t mn);
/* 1 for a noun of people ("lawyer", "spokeswoman", "officials"). */
int nb__person_noun(const char *w, size_t n);
/* The role a title before a name stands for ("Dr." -> "doctor", "Minister"
 * -> "minister"), by which the article may call the person later; NULL. */
const char *nb__title_role(const char *w, size_t n);
/* 1 when "he" (gender 1), "she" (2) or either (0) has a person to go to. */
int nb__cast_has_person(const nb__cast *c, int gender);
const nb__entity *nb__cast_final(const nb__cast *c, const nb__entity *e);

/* Which paragraphs are packaging (title, date, byline, captions, furniture):
 * skip[i] is set for them.  The caller frees the array. */
unsigned char *nb__skip_paras(const nb_article *a);

/* Finds every quote (direct, partial, indirect) with its speaker; fills
 * s->quotes in article order. */
void nb__find_quotes(nb_story *s, const unsigned char *skip,
                     const nb_diag *diag);

#endif
