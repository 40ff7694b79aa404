/* prosody.h: voice profiles and the script: stories become an ordered list
 * of segments with roles, voices and pauses.  SSML is one way to print it.
 * libc only. */
#ifndef NB_PROSODY_H
#define NB_PROSODY_H

#include "nb.h"

/* Loads a profile by name (voices/NAME.voice, searched in $NEWSBRIEF_VOICES,
 * the build tree, then the installed data directory) or by path (contains a
 * '/' or ends in .voice).  Errors: unknown name (NB_USAGE), bad file
 * (NB_PARSE, "FILE:LINE: ..."). */
nb_status nb_profile_load(const char *name, nb_profile *p, nb_err *e);
void nb_profile_release(nb_profile *p);

/* Speaks speed times faster (or slower): every voice's rate is multiplied
 * (and kept within eSpeak's 80 to NB_RATE_MAX words per minute; past 450
 * eSpeak speeds its own output up), every pause divided.  The voices keep
 * their differences.  A speed outside NB_SPEED_MIN..NB_SPEED_MAX changes
 * nothing (callers refuse it first). */
void nb_profile_set_speed(nb_profile *p, double speed);

/* Lists the profiles found, as "NAME\tPATH" lines appended to out. */
void nb_profile_list(nb_buf *out);

typedef enum nb_quote_style {
  NB_QUOTES_VOICE, /* the quote voice alone marks the quote */
  NB_QUOTES_WORDS  /* also say "quote" ... "end quote" (profile wording) */
} nb_quote_style;

typedef struct nb_script_opts {
  int full;           /* the whole body, not the briefing cut */
  int frame;          /* intro, transitions, outro: -1 auto (several
                         stories), 0 never, 1 always */
  nb_quote_style quote_style;
  const char *date;   /* spoken in the intro, e.g. "Friday, March 17, 2023" */
  const char *title;  /* the briefing's name for the intro, or NULL */
} nb_script_opts;

/* Builds the script of a briefing from stories (borrowed: they must outlive
 * the script).  Free with nb_script_free. */
nb_script *nb_script_build(nb_story *const *stories, size_t n,
                           const nb_profile *p, const nb_script_opts *o);
void nb_script_free(nb_script *s);

/* Appends the script as SSML 1.1 (valid XML, every piece of text escaped,
 * each sentence in <s>, voices as <voice>/<prosody>, pauses as <break>). */
void nb_script_ssml(const nb_script *s, nb_buf *out);

#endif
